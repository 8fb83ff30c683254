namespace SynthFixtures.Evaluation.Utility;

/// <summary>Whether the utility target is predicted as a class or a number.</summary>
public enum UtilityTask
{
    /// <summary>A categorical or boolean target: F1 (macro-averaged over classes) and accuracy.</summary>
    Classification,

    /// <summary>A numeric target: R².</summary>
    Regression,
}

/// <summary>One learner trained on real rows and on synthetic rows, both tested on the real holdout.</summary>
/// <param name="Learner">The learner ("FastTree", "Linear").</param>
/// <param name="Metric">The score's name ("F1" or "R²").</param>
/// <param name="RealTrained">The score of the learner trained on the real training rows.</param>
/// <param name="SyntheticTrained">The score of the learner trained on the synthetic rows (TSTR).</param>
/// <param name="RealTrainedAccuracy">Accuracy of the real-trained learner (classification only).</param>
/// <param name="SyntheticTrainedAccuracy">Accuracy of the synthetic-trained learner (classification only).</param>
public sealed record UtilityScore(string Learner, string Metric, double RealTrained, double SyntheticTrained,
    double? RealTrainedAccuracy, double? SyntheticTrainedAccuracy)
{
    /// <summary>SyntheticTrained / RealTrained, capped to [0, 1]: the share of the real data's usefulness kept.</summary>
    public double Ratio => RealTrained <= 0 ? (SyntheticTrained >= RealTrained ? 1.0 : 0.0) : Math.Clamp(SyntheticTrained / RealTrained, 0, 1);
}

/// <summary>How well a classifier tells real rows from synthetic rows (SDMetrics' detection metric).</summary>
/// <param name="Learner">The classifier ("logistic regression", "gradient-boosted trees").</param>
/// <param name="Auc">Its mean cross-validated ROC AUC.</param>
/// <param name="Folds">Number of stratified folds.</param>
/// <param name="RowsPerSide">Rows of each side used.</param>
public sealed record DetectionScore(string Learner, double Auc, int Folds, int RowsPerSide)
{
    /// <summary>1 − (max(0.5, AUC)·2 − 1): 1 when the classifier cannot tell them apart.</summary>
    public double Score => 1.0 - (Math.Max(0.5, Auc) * 2.0 - 1.0);
}

/// <summary>Machine-learning utility: train on synthetic, test on real (TSTR), and detection.</summary>
public sealed record UtilityReport
{
    /// <summary>The target column; <c>null</c> when only detection was computed.</summary>
    public string? Target { get; init; }

    /// <summary>The kind of prediction.</summary>
    public UtilityTask? Task { get; init; }

    /// <summary>Per learner, real-trained and synthetic-trained scores on the holdout.</summary>
    public required IReadOnlyList<UtilityScore> Scores { get; init; }

    /// <summary>Each detector's result (a linear and a gradient-boosted classifier), in a fixed order; empty when not computed.</summary>
    public IReadOnlyList<DetectionScore> Detections { get; init; } = [];

    /// <summary>
    /// The detector that told the tables apart best (highest AUC; the first on a tie); <c>null</c> when not computed.
    /// The detection score and its threshold check use it: a weak detector's chance AUC proves nothing.
    /// </summary>
    public DetectionScore? Detection => Detections.Count == 0 ? null : Detections.MaxBy(d => d.Auc);

    /// <summary>The mean ratio over learners (1 when synthetic-trained learners do as well as real-trained ones); <c>null</c> without a target.</summary>
    public double? Ratio => Scores.Count == 0 ? null : Scores.Average(s => s.Ratio);
}
