using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Data.Files;
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
            // Every file is written at the end, together: a cancelled or failed demo leaves the folder as it was.
            var files = new OutputFiles();
            byte[] sample;
            using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream(SampleResource)
                ?? throw new InvalidOperationException($"The bundled sample '{SampleResource}' is missing from the tool."))
            using (var buffer = new MemoryStream())
            {
                resource.CopyTo(buffer);
                sample = buffer.ToArray();
            }
            files.AddBytes(Path.Combine(folder, "patients.csv"), "sample CSV", sample);

            var table = CsvTableReader.Read(new MemoryStream(sample), Path.Combine(folder, "patients.csv"));
            var metadata = TableProfiler.Profile(table);
            MetadataJson.AddTo(files, metadata, Path.Combine(folder, "metadata.json"));
            console.Out.WriteLine($"Profiled {table.RowCount:N0} rows × {table.ColumnCount} columns of the bundled sample:");
            foreach (var column in metadata.Columns)
                console.Out.WriteLine($"  {column.Name,-16} {column.Kind,-12}{(column.Pii != PiiKind.None ? $" personal data ({column.Pii}): faked, never learned" : "")}");

            var seedValue = parse.GetValue(seed);
            var model = console.Timed("Fitted GaussianCopula", () =>
                GaussianCopulaFitter.Fit(table, metadata, new GaussianCopulaOptions { Seed = seedValue }, console.Progress("fit"), cancellationToken));
            var modelPath = Path.Combine(folder, "patients.synth");
            files.AddBytes(modelPath, "model", ModelArtifact.ToBytes(model));

            var synthetic = model.Sample(table.RowCount, seedValue, cancellationToken: cancellationToken).ToTable();
            var syntheticCsv = CsvTableWriter.WriteToString(synthetic);
            files.AddText(Path.Combine(folder, "synthetic.csv"), "synthetic CSV", syntheticCsv);

            // Scored as read back from its CSV text, as a user who evaluates the file would score it.
            var evaluation = Evaluator.Evaluate(new EvaluationInput
            {
                Training = table,
                Synthetic = CsvTableReader.Read(new StringReader(syntheticCsv), "synthetic.csv"),
                Metadata = metadata,
                TrainingName = "patients.csv",
                SyntheticName = "synthetic.csv",
                Model = model,
                ModelPath = modelPath,
                Seed = seedValue,
            }, ct: cancellationToken);
            var report = evaluation.Quality;
            files.AddText(Path.Combine(folder, "report.json"), "report", QualityReportJson.Serialize(report));
            files.AddText(Path.Combine(folder, "report.html"), "HTML report", HtmlReport.Write(evaluation));
            files.Commit(cancellationToken);
            console.Out.WriteLine();
            QualityReportTable.Write(report, console.Out);
            console.Out.WriteLine();
            console.Out.WriteLine($"Files in {folder}: patients.csv (input), metadata.json, patients.synth (model), synthetic.csv, report.json, report.html (open in a browser)");
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
