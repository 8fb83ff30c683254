namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>A configuration that is feasible but questionable: which rule it breaks and what that means.</summary>
/// <param name="Constraint">The rule, one of the <see cref="DpPlanThresholds"/> names: <c>sampling-rate</c>, <c>noise-multiplier</c>, <c>epsilon</c>, <c>noise-per-batch</c>.</param>
/// <param name="Message">What is wrong and what would help, in words.</param>
public sealed record DpPlanWarning(string Constraint, string Message);
