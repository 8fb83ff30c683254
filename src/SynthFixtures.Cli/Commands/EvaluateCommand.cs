using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;

namespace SynthFixtures.Cli.Commands;

/// <summary><c>synthfixtures evaluate real.csv synthetic.csv [--metadata m.json] [--json report.json]</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var real = new Argument<string>("real.csv") { Description = "The real data." };
        var synthetic = new Argument<string>("synthetic.csv") { Description = "The synthetic data." };
        var metadata = CommonOptions.Metadata();
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON here." };
        var missing = CommonOptions.MissingTokens();
        var trim = CommonOptions.Trim();
        var command = new Command("evaluate", "Score how faithfully synthetic data reproduces real data (column shapes and pair trends, 0..1).")
        {
            real, synthetic, metadata, json, missing, trim,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var read = CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim));
            var realTable = CsvTableReader.Read(parse.GetValue(real)!, read);
            var syntheticTable = CsvTableReader.Read(parse.GetValue(synthetic)!, read);
            var schema = CommonOptions.MetadataFor(realTable, parse.GetValue(metadata));
            var report = console.Timed("Evaluated", () => QualityEvaluator.Evaluate(realTable, syntheticTable, schema, console.Progress("evaluate"), cancellationToken));
            QualityReportTable.Write(report, console.Out);
            if (parse.GetValue(json) is { } path)
            {
                File.WriteAllText(path, QualityReportJson.Serialize(report));
                console.Out.WriteLine($"Report written to {path}");
            }
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
