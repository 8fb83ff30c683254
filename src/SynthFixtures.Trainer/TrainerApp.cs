using System.CommandLine;
using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Trainer.RuleAttributes;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Training.Sequences;
using SynthFixtures.Training;

namespace SynthFixtures.Trainer;

/// <summary>
/// The build's trainer: <c>SynthFixtures.Trainer &lt;data.csv&gt; --model K --out F [--seed N] [--metadata M] [--metadata-out F]
/// [--schema-out F] [--settings "name=value;…"]</c>, or with <c>--database [--relations R]</c> a whole database (a
/// folder of CSVs or a SQLite file) learned as one multi-table model, or with <c>--entity E [--sequence-index I] [--context C,…]</c>
/// a CSV of sequences learned as a sequence model (<c>--model</c> names its step model kind). The MSBuild task writes this command line from the
/// <c>&lt;SynthModel&gt;</c> item; progress goes to standard error (the build log), and errors are printed in MSBuild's
/// canonical form (<c>file(line,column): error SF…: …</c>) so the build shows them as errors with their place.
/// Exit codes: 0 trained, 2 bad input (including a path that cannot be read or written), 130 cancelled, 1 an unexpected
/// failure (one line naming a file that holds the stack trace).
/// </summary>
internal static class TrainerApp
{
    private const string BadInputCode = "SF1001";
    private const string SettingCode = "SF1002";
    private const string FailureCode = "SF1000";
    private const string BadCellCode = "SF1003";

    public static int Run(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        if (args.Length > 0 && args[0] == AttributeRulesCommand.Name) return AttributeRulesCommand.Run(args[1..], log, cancellationToken);
        var data = new Argument<string>("data.csv");
        var model = new Option<string>("--model") { Required = true };
        var output = new Option<string>("--out") { Required = true };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 1 };
        var metadata = new Option<string?>("--metadata");
        var metadataOut = new Option<string?>("--metadata-out");
        var schemaOut = new Option<string?>("--schema-out");
        var settings = new Option<string?>("--settings");
        var database = new Option<bool>("--database");
        var relations = new Option<string?>("--relations");
        var sources = new Option<string?>("--sources") { Description = "A file listing the project's C# sources, one a line: rule attributes of the types bound to the model are kept too." };
        var entity = new Option<string?>("--entity");
        var sequenceIndex = new Option<string?>("--sequence-index");
        var context = new Option<string?>("--context");
        var root = new RootCommand("Trains one SynthFixtures model for the build.")
        {
            data, model, output, seed, metadata, metadataOut, schemaOut, settings, database, relations, sources, entity, sequenceIndex, context,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) log.WriteLine($"SynthFixtures.Trainer : error {BadInputCode}: {error.Message}");
            return 2;
        }
        var dataPath = parsed.GetValue(data)!;
        var origin = parsed.GetValue(database) ? $"SynthDatabase {dataPath}" : $"SynthModel {dataPath}";
        try
        {
            if (parsed.GetValue(database))
            {
                var databaseRequest = new RelationalTrainingRequest
                {
                    Data = RelationalSources.Read(dataPath, new RelationalReadOptions { MetadataPath = NullIfEmpty(parsed.GetValue(relations)) }, cancellationToken),
                    ModelKind = parsed.GetValue(model)!,
                    ModelPath = parsed.GetValue(output)!,
                    Seed = parsed.GetValue(seed),
                    Settings = SettingsText.Parse(parsed.GetValue(settings)),
                    MetadataOutputPath = NullIfEmpty(parsed.GetValue(metadataOut)),
                    SchemaOutputPath = NullIfEmpty(parsed.GetValue(schemaOut)),
                };
                var trained = new RelationalTrainingService(NeuralModelTrainers.All).Train(databaseRequest, new BuildLog(log), cancellationToken);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Trained {trained.Model.Kind} on {trained.Tables} tables, {trained.Rows:N0} rows (seed {databaseRequest.Seed}) -> {databaseRequest.ModelPath}"));
                return 0;
            }
            if (NullIfEmpty(parsed.GetValue(entity)) is { } entityColumns)
            {
                var sequenceRequest = new SequenceTrainingRequest
                {
                    DataPath = dataPath,
                    Sequence = new SequenceMetadata
                    {
                        EntityColumns = Names(entityColumns),
                        IndexColumn = NullIfEmpty(parsed.GetValue(sequenceIndex)),
                        ContextColumns = Names(parsed.GetValue(context)),
                    },
                    ContextGiven = NullIfEmpty(parsed.GetValue(context)) is not null,
                    StepModelKind = parsed.GetValue(model)!,
                    ModelPath = parsed.GetValue(output)!,
                    Seed = parsed.GetValue(seed),
                    Settings = SettingsText.Parse(parsed.GetValue(settings)),
                    MetadataPath = NullIfEmpty(parsed.GetValue(metadata)),
                    MetadataOutputPath = NullIfEmpty(parsed.GetValue(metadataOut)),
                    SchemaOutputPath = NullIfEmpty(parsed.GetValue(schemaOut)),
                };
                var sequences = new SequenceTrainingService(NeuralModelTrainers.All, NeuralSequenceTrainers.AddTo(SequenceStepTrainers.Core)).Train(sequenceRequest, new BuildLog(log), cancellationToken);
                WriteCellWarnings(log, origin, sequences.CellIssues);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Trained {sequences.Model.Kind} on {sequences.Entities:N0} entities, {sequences.Rows:N0} steps (seed {sequenceRequest.Seed}) -> {sequenceRequest.ModelPath}"));
                return 0;
            }
            var request = new TrainingRequest
            {
                DataPath = dataPath,
                ModelKind = parsed.GetValue(model)!,
                ModelPath = parsed.GetValue(output)!,
                Seed = parsed.GetValue(seed),
                Settings = SettingsText.Parse(parsed.GetValue(settings)),
                MetadataPath = NullIfEmpty(parsed.GetValue(metadata)),
                MetadataOutputPath = NullIfEmpty(parsed.GetValue(metadataOut)),
                SchemaOutputPath = NullIfEmpty(parsed.GetValue(schemaOut)),
                DeclaredRules = AttributeRulesCommand.RulesFor(NullIfEmpty(parsed.GetValue(sources)), dataPath, cancellationToken),
            };
            var result = new TrainingService(NeuralModelTrainers.All).Train(request, new BuildLog(log), cancellationToken);
            WriteCellWarnings(log, origin, result.CellIssues);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained {result.Model.Kind} on {result.Model.Provenance.SourceRows:N0} rows × {result.Columns} columns (seed {request.Seed}) -> {request.ModelPath}"));
            return 0;
        }
        catch (SettingException e)
        {
            var hint = e.HintFor(MsBuildNaming.Instance);
            log.WriteLine($"{origin} : error {SettingCode}: {e.Describe(MsBuildNaming.Instance)}{(hint is null ? "" : " " + hint)}");
            return 2;
        }
        catch (SynthDataException e)
        {
            // With a file the message is already canonical ("file(line,col): error: …"); the code makes it an MSBuild error id.
            log.WriteLine(e.FilePath is not null ? e.Message.Replace(": error: ", $": error {BadInputCode}: ", StringComparison.Ordinal)
                : $"{origin} : error {BadInputCode}: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            log.WriteLine($"{origin} : error {FailureCode}: training was cancelled; nothing was written.");
            return 130;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"{origin} : error {BadInputCode}: {OneLine(e.Message)} Check the path, that it is a file and not a folder, and that the disk has room.");
            return 2;
        }
        catch (Exception e)
        {
            // One line in the build log; the stack trace goes to a file the line names, for a bug report.
            log.WriteLine($"{origin} : error {FailureCode}: training failed unexpectedly: {e.GetType().Name}: {OneLine(e.Message)}{TraceFile(e)}");
            return 1;
        }
    }

    // Cells read as missing are warnings the IDE can click through to (file(line,col)), capped like the CLI's.
    private static void WriteCellWarnings(TextWriter log, string origin, IReadOnlyList<CellIssue> issues)
    {
        foreach (var issue in issues.Take(CellIssue.ListedInLogs))
        {
            var where = issue.Source is null ? origin : $"{issue.Source}({issue.Line?.ToString(CultureInfo.InvariantCulture) ?? "1"},{issue.Column.ToString(CultureInfo.InvariantCulture)})";
            log.WriteLine($"{where} : warning {BadCellCode}: {issue}");
        }
        if (CellIssue.Remainder(issues.Count) is { } remainder) log.WriteLine($"{origin} : warning {BadCellCode}: {remainder}");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string TraceFile(Exception e)
    {
        var path = Path.Combine(Path.GetTempPath(), $"synthfixtures-trainer-{Environment.ProcessId}.log");
        try
        {
            File.WriteAllText(path, e.ToString());
            return $" (details: {path})";
        }
        catch (Exception write) when (write is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A comma-separated list of column names (the task joins MSBuild's ';' lists with commas).</summary>
    private static IReadOnlyList<string> Names(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Training progress as build-log lines: fitting steps, epochs and notes.</summary>
    private sealed class BuildLog(TextWriter log) : IProgress<TrainingUpdate>
    {
        public void Report(TrainingUpdate value)
        {
            if (value.Epoch is { } e) log.WriteLine($"train: epoch {e.Epoch}/{e.Epochs}  {e.Describe()}");
            else if (value.Message is { } message)
            {
                log.WriteLine(value.Stage == TrainingStage.Fitting ? $"fit: {message}" : message);
            }
        }
    }
}
