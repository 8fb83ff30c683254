namespace SynthFixtures.Evaluation.Privacy;

/// <summary>
/// How private a synthetic table is with respect to the real rows it was learned from. Scores are in [0, 1], 1 best
/// (nothing copied, nothing closer than chance); the distances behind them are kept for charts.
/// Produced by <see cref="PrivacyEvaluator"/>; definitions in docs/evaluation.md.
/// </summary>
public sealed class PrivacyReport
{
    /// <summary>Number of training rows (the reference of every DCR).</summary>
    public required int TrainingRows { get; init; }

    /// <summary>Number of synthetic rows.</summary>
    public required int SyntheticRows { get; init; }

    /// <summary>Number of holdout rows; 0 without a holdout.</summary>
    public required int HoldoutRows { get; init; }

    /// <summary>The distribution of the synthetic rows' distance to their closest training row.</summary>
    public required DcrSummary SyntheticDcr { get; init; }

    /// <summary>The same for random rows uniform within the training ranges (the baseline).</summary>
    public required DcrSummary RandomDcr { get; init; }

    /// <summary>DCR baseline protection: min(median synthetic DCR / median random DCR, 1).</summary>
    public required double DcrBaselineProtection { get; init; }

    /// <summary>DCR overfitting protection; <c>null</c> without a holdout.</summary>
    public DcrOverfitting? DcrOverfitting { get; init; }

    /// <summary>New-row synthesis (exact and near-exact copies of training rows).</summary>
    public required NewRowSynthesisResult NewRows { get; init; }

    /// <summary>The distance-based membership-inference attack; <c>null</c> without a holdout.</summary>
    public MembershipInference? MembershipInference { get; init; }

    /// <summary>Per synthetic row, the DCR to the training rows (for the report's histogram).</summary>
    public required IReadOnlyList<double> SyntheticDistances { get; init; }

    /// <summary>Per random baseline row, the DCR to the training rows.</summary>
    public required IReadOnlyList<double> RandomDistances { get; init; }

    /// <summary>Row pairs whose distance the nearest-neighbour searches had to consider (queries × references).</summary>
    public required long PairsSearched { get; init; }

    /// <summary>Wall time of the nearest-neighbour searches.</summary>
    public required TimeSpan SearchTime { get; init; }
}

/// <summary>Summary of a set of DCRs (distances in [0, 1]).</summary>
/// <param name="Median">The median.</param>
/// <param name="Mean">The mean.</param>
/// <param name="Percentile5">The 5th percentile (linear interpolation).</param>
/// <param name="ZeroShare">The share of rows at distance 0 (identical to some reference row in every column).</param>
public sealed record DcrSummary(double Median, double Mean, double Percentile5, double ZeroShare)
{
    /// <summary>Summarises <paramref name="distances"/>.</summary>
    public static DcrSummary Of(IReadOnlyList<double> distances)
    {
        if (distances.Count == 0) return new DcrSummary(double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = distances.Order().ToArray();
        return new DcrSummary(Quantile(sorted, 0.5), sorted.Average(), Quantile(sorted, 0.05),
            (double)sorted.Count(d => d == 0) / sorted.Length);
    }

    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}

/// <summary>
/// DCR overfitting protection: synthetic rows should be no closer to the training rows than to holdout rows the model
/// never saw. With equal sizes the score is min(2·(1 − share closer to training), 1) as in SDMetrics; with unequal
/// sizes the share expected by chance is n_train / (n_train + n_holdout) and the score is
/// min((1 − share) / (1 − expected), 1), which is the same formula at equal sizes.
/// </summary>
/// <param name="ShareCloserToTraining">Synthetic rows strictly closer to a training row than to any holdout row.</param>
/// <param name="ExpectedShare">The share a model that learned only the distribution would give.</param>
/// <param name="Score">The protection score in [0, 1].</param>
public sealed record DcrOverfitting(double ShareCloserToTraining, double ExpectedShare, double Score);

/// <summary>
/// A membership-inference attack that guesses "was in the training data" for rows close to a synthetic row: its AUC at
/// telling training rows (members) from holdout rows (non-members), scoring each by minus its distance to the nearest
/// synthetic row. 0.5 is chance; near 1 the synthetic data reveals who was in the training set.
/// </summary>
/// <param name="Auc">The attacker's ROC AUC.</param>
/// <param name="Members">Training rows attacked (a seeded sample the size of the holdout).</param>
/// <param name="NonMembers">Holdout rows attacked.</param>
public sealed record MembershipInference(double Auc, int Members, int NonMembers)
{
    /// <summary>Protection score: 1 − (max(AUC, 0.5)·2 − 1), 1 at chance, 0 for a perfect attacker.</summary>
    public double Score => 1.0 - (Math.Max(Auc, 0.5) * 2.0 - 1.0);
}
