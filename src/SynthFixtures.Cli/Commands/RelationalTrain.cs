using System.CommandLine;
using System.Globalization;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures train --from &lt;folder|sqlite|connection string&gt; --out db.synth [--relations r.json] [--model kind] [--seed N]</c>:
/// reads the related tables (<see cref="RelationalSources"/>) and hands them to <see cref="RelationalTrainingService"/>.
/// </summary>
internal static class RelationalTrain
{
    public static int Run(CliConsole console, ModelTrainers trainers, string from, string? relations, string modelKind, string modelPath, long seed,
        IReadOnlyDictionary<string, string> settings, Data.CsvReadOptions readOptions, CancellationToken cancellationToken)
    {
        Data.Files.OutputPaths.Check([(RelationsCommand.LocalFile(from), "source database"), (relations, "relational metadata")], [(modelPath, "model")]);
        Data.Files.OutputPaths.CheckFolders([(modelPath, "model")]);
        var data = console.Timed("Read", () => RelationalSources.Read(from, new RelationalReadOptions { MetadataPath = relations, Csv = readOptions }, cancellationToken));
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {data.Metadata.Tables.Count} tables ({data.RowCount:N0} rows) and {data.Metadata.ForeignKeys.Count} foreign keys from {from}."));
        var request = new RelationalTrainingRequest { Data = data, ModelKind = modelKind, ModelPath = modelPath, Seed = seed, Settings = settings };
        var display = new TrainingDisplay(console);
        RelationalTrainingResult result;
        try
        {
            result = console.Timed("Trained", () => new RelationalTrainingService(trainers).Train(request, display, cancellationToken));
        }
        catch (SettingException e)
        {
            throw SettingOptions.AsFlags(e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new CommandCancelledException($"Training cancelled; nothing was written ({modelPath} is unchanged).", e);
        }
        finally
        {
            display.Finish();
        }
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained a multi-table {result.Model.Kind} model on {result.Tables} tables ({result.Rows:N0} rows, seed {seed}); model written to {modelPath} ({result.ModelBytes:N0} bytes)."));
        return CliApp.Success;
    }
}
