using System.Globalization;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures train data.csv --model lagged-copula|par --entity col[,col] [--sequence-index col] [--context c1,c2]
/// [--context-model kind] --out m.synth</c>: a sequence model through <see cref="SequenceTrainingService"/>.
/// </summary>
internal static class SequenceTrain
{
    /// <summary>What the command line gave for a sequence model.</summary>
    public sealed record Arguments(string Data, string StepKind, string Entity, string? Index, string? Context, string? ContextModel, string ModelPath,
        long Seed, IReadOnlyDictionary<string, string> Settings, string? MetadataPath, Data.CsvReadOptions ReadOptions, double? HoldoutFraction, string? HoldoutPath);

    public static int Run(CliConsole console, ModelTrainers trainers, SequenceStepTrainers stepTrainers, Arguments arguments, CancellationToken cancellationToken)
    {
        var request = new SequenceTrainingRequest
        {
            DataPath = arguments.Data,
            StepModelKind = arguments.StepKind,
            Sequence = new SequenceMetadata { EntityColumns = Names(arguments.Entity), IndexColumn = arguments.Index, ContextColumns = Names(arguments.Context) },
            ContextGiven = arguments.Context is not null,
            ContextModelKind = arguments.ContextModel ?? GaussianCopulaKind.Instance.Name,
            ModelPath = arguments.ModelPath,
            Seed = arguments.Seed,
            Settings = arguments.Settings,
            MetadataPath = arguments.MetadataPath,
            ReadOptions = arguments.ReadOptions,
            HoldoutFraction = arguments.HoldoutFraction,
            HoldoutPath = arguments.HoldoutPath,
        };
        var display = new TrainingDisplay(console);
        SequenceTrainingResult result;
        try
        {
            result = console.Timed("Trained", () => new SequenceTrainingService(trainers, stepTrainers).Train(request, display, cancellationToken));
        }
        catch (SettingException e)
        {
            throw SettingOptions.AsFlags(e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new CommandCancelledException($"Training cancelled; nothing was written ({arguments.ModelPath} is unchanged).", e);
        }
        finally
        {
            display.Finish();
        }
        CommonOptions.ReportIssues(console, result.CellIssues);
        var model = result.Model;
        var c = CultureInfo.InvariantCulture;
        if (result.HoldoutPath is { } holdoutPath)
            console.Out.WriteLine(string.Create(c, $"Held out {result.HoldoutEntities:N0} of {result.Entities + result.HoldoutEntities:N0} entities (seed {arguments.Seed}); written to {holdoutPath}."));
        console.Out.WriteLine(string.Create(c,
            $"Trained a {model.Kind} sequence model on {result.Entities:N0} entities ({(model.Privacy is null ? result.Rows.ToString("N0", c) + " steps" : "step count withheld")}; index {model.Index.Describe()}; context: {(model.Sequence.ContextColumns.Count == 0 ? "none" : string.Join(", ", model.Sequence.ContextColumns))}); model written to {arguments.ModelPath} ({result.ModelBytes:N0} bytes)."));
        if (model.Privacy is { } privacy)
            console.Out.WriteLine(string.Create(c, $"Differential privacy: ({privacy.Epsilon:G4}, {privacy.Delta:G4})-DP for {privacy.Neighbours} ({privacy.Steps.Count} measurements; 'inspect' lists them)."));
        return CliApp.Success;
    }

    private static IReadOnlyList<string> Names(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
