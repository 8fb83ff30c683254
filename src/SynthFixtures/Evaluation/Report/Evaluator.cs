using System.Globalization;
using System.Reflection;
using SynthFixtures.Data;
using SynthFixtures.Evaluation.Diagnostics;
using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.GaussianCopula;

namespace SynthFixtures.Evaluation.Report;

/// <summary>The tables and settings of one full evaluation.</summary>
public sealed record EvaluationInput
{
    /// <summary>The real rows the model was trained on.</summary>
    public required Table Training { get; init; }

    /// <summary>The synthetic rows.</summary>
    public required Table Synthetic { get; init; }

    /// <summary>Column kinds.</summary>
    public required TableMetadata Metadata { get; init; }

    /// <summary>Real rows the model never saw, or <c>null</c>.</summary>
    public Table? Holdout { get; init; }

    /// <summary>How the training table is named in the report.</summary>
    public string TrainingName { get; init; } = "real";

    /// <summary>How the synthetic table is named in the report.</summary>
    public string SyntheticName { get; init; } = "synthetic";

    /// <summary>How the holdout is named in the report.</summary>
    public string HoldoutName { get; init; } = "holdout";

    /// <summary>The model the synthetic rows came from (for the audit trail), or <c>null</c>.</summary>
    public SynthModel? Model { get; init; }

    /// <summary>Where <see cref="Model"/> was read from.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Seed of every random choice.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Computes utility and detection (supplied by the ML.NET-based SynthFixtures.Evaluation.Utility package), or <c>null</c> to skip them.</summary>
    public Func<EvaluationInput, CancellationToken, UtilityReport>? Utility { get; init; }

    /// <summary>How the text section is computed.</summary>
    public TextEvaluationOptions Text { get; init; } = new();

    /// <summary>LLM usage per column for the text section; empty when none.</summary>
    public IReadOnlyList<SynthFixtures.Text.Llm.LlmUsage> LlmUsage { get; init; } = [];

    /// <summary>Sentence embeddings for the text section's embedding distance, or <c>null</c> to skip it.</summary>
    public ITextEmbedder? TextEmbedder { get; init; }
}

/// <summary>Runs every evaluation on one input: the columns are parsed once and shared by all reports.</summary>
public static class Evaluator
{
    /// <summary>Evaluates <paramref name="input"/>.</summary>
    /// <exception cref="SynthDataException">A table lacks a modelled column or has no rows, or a cell does not parse.</exception>
    public static EvaluationReport Evaluate(EvaluationInput input, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Cancellation is left to the stages themselves, which take the token.
        var timings = new StageTimings();
        var options = new ParallelOptions { CancellationToken = ct };
        var columns = timings.Time("prepare", () => PreparedColumns.Prepare(input.Training, input.Synthetic, input.Holdout, input.Metadata, options));
        var quality = timings.Time("quality", () => QualityEvaluator.FromColumns(columns, input.Metadata, options, progress));
        var diagnostic = timings.Time("diagnostics", () => DiagnosticEvaluator.FromColumns(columns, input.Training, input.Synthetic, input.Metadata));
        var privacy = timings.Time("privacy", () => PrivacyEvaluator.FromColumns(columns, input.Holdout is not null,
            new PrivacyOptions { Seed = input.Seed }, progress, ct, -1));
        UtilityReport? utility = null;
        if (input.Utility is { } computeUtility)
        {
            progress?.Report("Utility and detection");
            utility = timings.Time("utility", () => computeUtility(input, ct));
        }
        TextReport? text = null;
        if (TextEvaluator.TextColumns(input.Metadata).Count > 0 || input.LlmUsage.Count > 0)
            text = timings.Time("text", () => TextEvaluator.Evaluate(new TextEvaluationInput
            {
                Training = input.Training, Synthetic = input.Synthetic, Holdout = input.Holdout, Metadata = input.Metadata, Seed = input.Seed,
                Options = input.Text, LlmUsage = input.LlmUsage, Embedder = input.TextEmbedder,
            }, progress, ct));
        var distributions = columns.Select(ColumnDistribution.Of).ToArray();
        var training = DataSource.Of(input.Training, input.TrainingName);
        return new EvaluationReport
        {
            Quality = quality,
            Diagnostic = diagnostic,
            Privacy = privacy,
            Utility = utility,
            Text = text,
            Distributions = distributions,
            Audit = new EvaluationAudit
            {
                Training = training,
                Synthetic = DataSource.Of(input.Synthetic, input.SyntheticName),
                Holdout = input.Holdout is null ? null : DataSource.Of(input.Holdout, input.HoldoutName),
                Seed = input.Seed,
                Model = input.Model is null ? null : Summarize(input.Model, input.ModelPath ?? "(in memory)", training.Sha256),
                ToolVersion = typeof(Evaluator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
                Timings = timings.Stages,
            },
        };
    }

    private static ModelSummary Summarize(SynthModel model, string path, string trainingHash)
    {
        var settings = new List<KeyValuePair<string, string>>();
        if (model is GaussianCopulaModel copula)
        {
            var o = copula.Options;
            settings.Add(new("seed", o.Seed.ToString(CultureInfo.InvariantCulture)));
            settings.Add(new("marginal families", o.MarginalFamilies is { } families ? string.Join(", ", families) : "all (chosen per column)"));
            settings.Add(new("atom minimum fraction", o.AtomMinimumFraction.ToString(CultureInfo.InvariantCulture)));
            settings.Add(new("atom minimum count", o.AtomMinimumCount.ToString(CultureInfo.InvariantCulture)));
            settings.Add(new("copula dimensions", copula.Dimensions.ToString(CultureInfo.InvariantCulture)));
        }
        var p = model.Provenance;
        return new ModelSummary(Path.GetFileName(path), model.Kind, p.Seed, p.SourceDataSha256, p.SourceRows,
            string.Equals(p.SourceDataSha256, trainingHash, StringComparison.Ordinal), settings) { PrivacyPlan = Models.Neural.DpSgdPrivacy.PlanOf(model) };
    }
}
