namespace SynthFixtures.Evaluation;

/// <summary>The result of <see cref="CorrelationSimilarity"/> for one pair of numeric columns.</summary>
/// <param name="Score">1 − |ρ_real − ρ_synthetic| / 2, in [0, 1].</param>
/// <param name="RealCorrelation">Pearson's ρ in the real table, or <c>null</c> when undefined (a constant column or fewer than two complete rows); the score then uses 0.</param>
/// <param name="SyntheticCorrelation">Pearson's ρ in the synthetic table, or <c>null</c> when undefined; the score then uses 0.</param>
public sealed record CorrelationComparison(double Score, double? RealCorrelation, double? SyntheticCorrelation);
