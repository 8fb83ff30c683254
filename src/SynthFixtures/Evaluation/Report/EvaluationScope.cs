namespace SynthFixtures.Evaluation.Report;

/// <summary>What an evaluation will compute beyond the two tables, known before it runs.</summary>
/// <param name="Holdout">It has real rows the model never saw (overfitting, membership inference, utility).</param>
/// <param name="Target">It predicts a target column (utility and detection).</param>
/// <param name="Detection">It runs the detection metric.</param>
public sealed record EvaluationScope(bool Holdout, bool Target, bool Detection);
