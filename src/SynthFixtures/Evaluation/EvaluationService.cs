using SynthFixtures.Data;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Transforms;

namespace SynthFixtures.Evaluation;

/// <summary>
/// The evaluate use case, for the CLI and library users alike: checks the request's settings before anything long runs,
/// reads the tables, splits the holdout if asked, runs every report (<see cref="Evaluator"/>) and applies the gate.
/// </summary>
public static class EvaluationService
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <param name="request">What to evaluate and how.</param>
    /// <param name="progress">Receives a line per stage, or <c>null</c>.</param>
    /// <param name="ct">Stops the evaluation (<see cref="OperationCanceledException"/>).</param>
    /// <exception cref="SynthDataException">A setting is wrong or missing (<see cref="SynthDataException.Settings"/> says which),
    /// a table or the model file is malformed, or the metadata does not fit the real rows.</exception>
    /// <exception cref="ArgumentException">Utility or detection is asked for without <see cref="EvaluationRequest.Utility"/>.</exception>
    public static EvaluationResult Evaluate(EvaluationRequest request, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runsUtility = request.Target is not null || request.Detection;
        CheckSettings(request, runsUtility);

        ct.ThrowIfCancellationRequested();
        var policy = request.ReadOptions.BadCells;
        var (real, metadata, realIssues) = TableCheck.Prepare(request.Metadata, request.Real.Read(request.ReadOptions), policy);
        ct.ThrowIfCancellationRequested();
        var (synthetic, _, syntheticIssues) = TableCheck.Conform(metadata, request.Synthetic.Read(request.ReadOptions), policy);
        var issues = realIssues.Concat(syntheticIssues).ToList();

        var training = real;
        var trainingName = request.Real.Name;
        Table? holdout = null;
        var holdoutName = "holdout";
        if (request.Holdout is { } holdoutSource)
        {
            ct.ThrowIfCancellationRequested();
            var checkedHoldout = TableCheck.Conform(metadata, holdoutSource.Read(request.ReadOptions), policy);
            holdout = checkedHoldout.Table;
            issues.AddRange(checkedHoldout.Issues);
            holdoutName = holdoutSource.Name;
        }
        else if (request.HoldoutFraction is { } fraction)
        {
            (training, holdout) = HoldoutSplit.Split(real, fraction, request.Seed);
            trainingName = $"{1 - fraction:P0} of {request.Real.Name}";
            holdoutName = $"{fraction:P0} of {request.Real.Name} (seed {request.Seed})";
        }
        if (request.Target is { } target) UtilityTarget.Check(metadata, target, request.Real.Path ?? real.SourcePath);

        var model = request.Model ?? (request.ModelPath is { } modelPath ? ModelArtifact.Load(modelPath) : null);
        var utility = request.Utility;
        var input = new EvaluationInput
        {
            Training = training,
            Synthetic = synthetic,
            Metadata = metadata,
            Holdout = holdout,
            TrainingName = trainingName,
            SyntheticName = request.Synthetic.Name,
            HoldoutName = holdoutName,
            Model = model,
            ModelPath = request.ModelPath,
            Seed = request.Seed,
            Text = request.Text,
            LlmUsage = request.LlmUsage,
            TextEmbedder = request.TextEmbedder,
            Utility = runsUtility ? (i, token) => utility!.Evaluate(i.Training, i.Synthetic, i.Holdout, i.Metadata, request.Target, i.Seed, token) : null,
        };
        var report = Evaluator.Evaluate(input, progress, ct) with { PrivacyFilter = request.PrivacyFilter };
        return new EvaluationResult { Report = report, Thresholds = request.Thresholds?.Apply(report), CellIssues = issues };
    }

    /// <summary>The checks that need no table: contradictory or incomplete settings fail before any file is read.</summary>
    private static void CheckSettings(EvaluationRequest request, bool runsUtility)
    {
        var hasHoldout = request.Holdout is not null || request.HoldoutFraction is not null;
        if (request.Holdout is not null && request.HoldoutFraction is not null)
            throw new SynthDataException("Both a holdout table and a holdout fraction were given; give one.",
                hint: "Give the holdout file training wrote, or the fraction and seed to split the real rows as training did.")
            {
                Settings = [SettingNames.Holdout, SettingNames.HoldoutFraction],
            };
        if (request.Target is not null && !hasHoldout)
            throw new SynthDataException("A utility target needs real rows the models did not train on.",
                hint: "Give a holdout table, or a holdout fraction such as 0.2.")
            {
                Settings = [SettingNames.Target, SettingNames.Holdout, SettingNames.HoldoutFraction],
            };
        if (runsUtility && request.Utility is null)
            throw new ArgumentException(
                $"{nameof(EvaluationRequest.Target)} and {nameof(EvaluationRequest.Detection)} need an {nameof(IUtilityEvaluator)} in {nameof(EvaluationRequest.Utility)} (SynthFixtures.Evaluation.Utility's MlNetUtilityEvaluator).",
                nameof(request));
        request.Thresholds?.CheckComputable(new EvaluationScope(hasHoldout, request.Target is not null, request.Detection));
    }
}
