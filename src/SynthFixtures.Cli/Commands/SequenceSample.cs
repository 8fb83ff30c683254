using System.Globalization;
using SynthFixtures.Data.Files;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Conditions;
using SynthFixtures.Sampling;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures sample seq.synth --entities N --out s.csv [--seed N] [--condition col=value]... [--step-condition scope:col=value]... [--threads N]</c> on a
/// sequence model: whole entities in long format through <see cref="SequenceSamplingService"/>.
/// </summary>
internal static class SequenceSample
{
    /// <summary>Whether the file at <paramref name="path"/> is a sequence model (its first bytes say so); a missing or unreadable file is not.</summary>
    public static bool IsSequenceModel(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            using var file = File.OpenRead(path);
            Span<byte> head = stackalloc byte[16];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return SequenceModelArtifact.HasSignature(head[..read]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the single-table loader names the problem
        }
    }

    public static int Run(CliConsole console, string modelPath, long? entities, string output, long seed, IReadOnlyList<string> conditions,
        IReadOnlyList<string> stepConditions, int? threads, ISampleFileFormat format, CancellationToken cancellationToken)
    {
        var count = entities ?? throw new SynthDataException("--entities is required for a sequence model.", modelPath,
            hint: "Pass the number of sequences to draw, each with all its steps, e.g. --entities 10.");
        if (count <= 0)
            throw new SynthDataException($"--entities must be 1 or more, not {count}.", hint: "Pass the number of sequences to draw, e.g. --entities 10.");
        OutputPaths.Check([(modelPath, "model")], [(output, format.Description)]);
        OutputPaths.CheckFolders([(output, format.Description)]);
        var model = SequenceModelArtifact.Load(modelPath);
        var contextConditions = conditions.Select(Condition.Parse).ToList();
        var steps = stepConditions.Select(StepCondition.Parse).ToList();
        foreach (var condition in contextConditions)
            if (model.StepColumns.Any(c => c.Name == condition.Column))
                throw new SynthDataException($"--condition {condition} names the per-step column '{condition.Column}', which holds one value per step: say which steps it applies to.",
                    modelPath, hint: $"Use --step-condition first:{condition} (the first step), every:{condition}, some:{condition} (at least one step) or last:{condition}; --condition is for the context columns ({(model.Sequence.ContextColumns.Count == 0 ? "this model has none" : string.Join(", ", model.Sequence.ContextColumns))}).");
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sampling {count:N0} entities into {output} (written as they are drawn)…"));
        SequenceSamplingResult result;
        try
        {
            result = console.Timed("Sampled", () => SequenceSamplingService.Sample(new SequenceSamplingRequest
            {
                Model = model, Entities = count, OutputPath = output, Seed = seed, Format = format,
                Conditions = contextConditions, StepConditions = steps,
                Options = new SamplingOptions { MaxDegreeOfParallelism = threads },
            }, cancellationToken));
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new CommandCancelledException($"Sampling cancelled; nothing was written ({output} is unchanged).", e);
        }
        if (result.StepConditions is { } tally)
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Step conditions {string.Join(", ", steps.Select(s => $"'{s}'"))}: {tally.EntitiesAccepted:N0} of {tally.EntityAttempts:N0} entity attempts met them (acceptance {tally.AcceptanceRate:P2}){(tally.StepsRedrawn > 0 ? $"; {tally.StepsRedrawn:N0} later steps redrawn under 'every'" : "")}."));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {result.Entities:N0} entities ({result.Rows:N0} steps) to {output}."));
        return CliApp.Success;
    }

    /// <summary><c>inspect --json</c> of a sequence model (<see cref="InspectSequenceReport"/>).</summary>
    public static void InspectJson(CliConsole console, string modelPath) =>
        console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(InspectSequence.Report(SequenceModelArtifact.Load(modelPath)), Commands.InspectJson.Default.InspectSequenceReport));

    /// <summary><c>inspect</c> on a sequence model: its parts, the index and keys, the step model's settings, the context model's columns.</summary>
    public static void Inspect(CliConsole console, string modelPath)
    {
        var model = SequenceModelArtifact.Load(modelPath);
        var p = model.Provenance;
        var s = model.Sequence;
        console.Out.WriteLine($"Model:        sequence ({model.Kind} steps, {model.ContextModel.Kind} context)");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained on:   {p.SourceName ?? "(in-memory table)"}, {model.SourceEntities:N0} entities, {p.SourceRows:N0} rows, SHA-256 of content {p.SourceDataSha256}"));
        console.Out.WriteLine($"Seed:         {p.Seed}");
        if (model.Privacy is { } privacy) InspectCommand.WritePlan(console, privacy);
        console.Out.WriteLine($"Entity:       {string.Join(", ", model.EntityKeys.Select(k => $"{k.Column} ({(k.IsLearned ? "" : "generated keys: ")}{Describe(k)})"))}");
        console.Out.WriteLine($"Index:        {(s.IndexColumn is null ? "none (file order)" : $"{s.IndexColumn}, {model.Index.Describe()}")}{(model.Covariates is { } covariates ? $" (the step model reads its {covariates.Describe()} {(covariates.Cycles.Count > 0 ? "cycles" : "trends")})" : "")}");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Lengths:      {model.Context.MinLength:N0} to {model.Context.MaxLength:N0} steps (learned by the context model as '{model.Context.LengthColumn}')"));
        console.Out.WriteLine($"Context:      {(s.ContextColumns.Count == 0 ? "none" : string.Join(", ", s.ContextColumns))}");
        console.Out.WriteLine($"Steps:        {string.Join(", ", model.StepColumns.Select(c => c.Name))}{(model.Index.StepColumn is { } step ? $" (and the step sizes '{step}')" : "")}");
        console.Out.WriteLine($"Step model:   {model.Kind} ({string.Join(", ", InspectSequence.Settings(model.StepModel).Select(x => $"{x.Key} {x.Value}"))})");
        if ((model.StepModel as Models.Sequences.Par.ParStepModel)?.Parameters.EarlyStopping is { } stopping)
            console.Out.WriteLine($"              {Models.Sequences.Par.ParEarlyStoppingText.Describe(stopping)}");
        if (model.GeneratedColumns.Count > 0)
            console.Out.WriteLine($"Generated:    {string.Join(", ", model.GeneratedColumns.Select(g => $"{g.Name} ({g.Describe()})"))}");
        console.Out.WriteLine();
        console.Out.WriteLine("Context model (one row per entity):");
        foreach (var column in model.ContextModel.DescribeColumns())
            console.Out.WriteLine($"  {column.Column,-24} {column.Kind,-12} {column.Summary}");
    }

    /// <summary>An entity column's generated keys in words.</summary>
    internal static string Describe(EntityKeyRecipe key) => key.Shape switch
    {
        EntityKeyShape.Labels => $"learned by the context model: {key.Labels?.Count ?? 0} labels",
        EntityKeyShape.Number => $"numbers from {key.Start}",
        EntityKeyShape.Code => $"'{key.Prefix}' and {key.Digits} digits",
        _ => $"shaped like '{key.Template}'",
    } + (key.SharedShare > 0 ? string.Create(CultureInfo.InvariantCulture, $", reused across the learned key columns for {key.SharedShare:P0} of entities") : "");
}
