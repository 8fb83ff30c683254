using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Reports;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures demo [--out dir]</c>: the whole job on the bundled sample (an invented patient table embedded in
/// this tool): profile, train a GaussianCopula, sample as many rows as the source, evaluate (JSON and the HTML report),
/// and keep every file.
/// </summary>
internal static class DemoCommand
{
    private const string SampleResource = "SynthFixtures.Cli.Samples.patients.csv";

    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's files.", DefaultValueFactory = _ => "synthfixtures-demo" };
        var seed = CommonOptions.Seed("training and sampling");
        var command = new Command("demo", "Run profile → train → sample → evaluate on the bundled sample patient data.") { output, seed };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var csv = Path.Combine(folder, "patients.csv");
            using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream(SampleResource)
                ?? throw new InvalidOperationException($"The bundled sample '{SampleResource}' is missing from the tool."))
            using (var file = File.Create(csv))
                resource.CopyTo(file);

            var table = CsvTableReader.Read(csv);
            var metadata = TableProfiler.Profile(table);
            MetadataJson.Save(metadata, Path.Combine(folder, "metadata.json"));
            console.Out.WriteLine($"Profiled {table.RowCount:N0} rows × {table.ColumnCount} columns of the bundled sample:");
            foreach (var column in metadata.Columns)
                console.Out.WriteLine($"  {column.Name,-16} {column.Kind,-12}{(column.Pii != PiiKind.None ? $" personal data ({column.Pii}): faked, never learned" : "")}");

            var seedValue = parse.GetValue(seed);
            var model = console.Timed("Fitted GaussianCopula", () =>
                GaussianCopulaFitter.Fit(table, metadata, new GaussianCopulaOptions { Seed = seedValue }, console.Progress("fit"), cancellationToken));
            var modelPath = Path.Combine(folder, "patients.synth");
            ModelArtifact.Save(model, modelPath);

            var synthetic = model.Sample(table.RowCount, seedValue, cancellationToken: cancellationToken).ToTable();
            var syntheticPath = Path.Combine(folder, "synthetic.csv");
            CsvTableWriter.Write(synthetic, syntheticPath);

            var evaluation = Evaluator.Evaluate(new EvaluationInput
            {
                Training = table,
                Synthetic = CsvTableReader.Read(syntheticPath),
                Metadata = metadata,
                TrainingName = "patients.csv",
                SyntheticName = "synthetic.csv",
                Model = model,
                ModelPath = modelPath,
                Seed = seedValue,
            }, ct: cancellationToken);
            var report = evaluation.Quality;
            File.WriteAllText(Path.Combine(folder, "report.json"), QualityReportJson.Serialize(report));
            File.WriteAllText(Path.Combine(folder, "report.html"), HtmlReport.Write(evaluation));
            console.Out.WriteLine();
            QualityReportTable.Write(report, console.Out);
            console.Out.WriteLine();
            console.Out.WriteLine($"Files in {folder}: patients.csv (input), metadata.json, patients.synth (model), synthetic.csv, report.json, report.html (open in a browser)");
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
