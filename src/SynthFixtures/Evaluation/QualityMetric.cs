namespace SynthFixtures.Evaluation;

/// <summary>The metrics of the quality report, named as SDMetrics names them.</summary>
public enum QualityMetric
{
    /// <summary>1 − the two-sample Kolmogorov–Smirnov statistic (numeric and datetime column shapes).</summary>
    KSComplement,
    /// <summary>1 − the total variation distance of category frequencies (categorical and boolean column shapes).</summary>
    TVComplement,
    /// <summary>1 − |ρ_real − ρ_synthetic| / 2 with Pearson's ρ (pairs of numeric or datetime columns).</summary>
    CorrelationSimilarity,
    /// <summary>1 − the total variation distance of the joint (contingency) frequencies (every other pair).</summary>
    ContingencySimilarity,
}
