namespace SynthFixtures.Privacy.Audit;

/// <summary>
/// The ε an attack's error rates prove. An (ε, δ)-DP training makes any test that tells "trained with the canary" from
/// "trained without it" obey FPR + e^ε·FNR ≥ 1 − δ and FNR + e^ε·FPR ≥ 1 − δ (Kairouz, Oh, Viswanath 2015), so
/// ε ≥ max(ln((1 − δ − FPR)/FNR), ln((1 − δ − FNR)/FPR)); with upper confidence bounds in place of the rates the
/// result is a lower bound on ε at that confidence (Jagielski, Ullman, Oprea 2020; Nasr et al. 2021).
/// </summary>
public static class EpsilonLowerBound
{
    /// <summary>The ε proven by error rates at most <paramref name="falsePositiveRate"/> and <paramref name="falseNegativeRate"/>; 0 when they prove nothing.</summary>
    /// <param name="falsePositiveRate">An upper bound on the rate of "with" guesses for trainings without the canary, in [0, 1].</param>
    /// <param name="falseNegativeRate">An upper bound on the rate of "without" guesses for trainings with the canary, in [0, 1].</param>
    /// <param name="delta">The δ of the guarantee under test, in [0, 1).</param>
    public static double From(double falsePositiveRate, double falseNegativeRate, double delta)
    {
        if (!(falsePositiveRate is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(falsePositiveRate), falsePositiveRate, "A rate lies in [0, 1].");
        if (!(falseNegativeRate is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(falseNegativeRate), falseNegativeRate, "A rate lies in [0, 1].");
        if (!(delta is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ lies in [0, 1).");
        return Math.Max(0, Math.Max(Ratio(1 - delta - falsePositiveRate, falseNegativeRate), Ratio(1 - delta - falseNegativeRate, falsePositiveRate)));
    }

    private static double Ratio(double numerator, double denominator) =>
        numerator <= 0 ? 0 : denominator <= 0 ? double.PositiveInfinity : Math.Log(numerator / denominator);
}
