namespace SynthFixtures.Privacy;

/// <summary>An (ε, δ)-DP guarantee and the Rényi order that gave it.</summary>
/// <param name="Epsilon">ε ≥ 0; +∞ when no order bounds the loss (a mechanism without noise).</param>
/// <param name="Delta">δ, the probability with which the ε bound may fail.</param>
/// <param name="Order">
/// The Rényi order α at which the bound is tightest, or <c>null</c> when there is none: ε infinite (no order bounds
/// the loss), or a zCDP budget of 0 (ε = 0 at every order).
/// </param>
public sealed record PrivacySpent(double Epsilon, double Delta, double? Order)
{
    /// <summary>Whether the guarantee bounds anything (ε finite).</summary>
    public bool IsFinite => !double.IsPositiveInfinity(Epsilon);
}
