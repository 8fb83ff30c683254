namespace SynthFixtures.Evaluation;

/// <summary>How well one column's distribution is reproduced.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Metric"><see cref="QualityMetric.KSComplement"/> for numeric and datetime columns, <see cref="QualityMetric.TVComplement"/> for categorical and boolean ones.</param>
/// <param name="Score">The metric's score in [0, 1]; 1 is a perfect match.</param>
public sealed record ColumnShapeScore(string Column, QualityMetric Metric, double Score);
