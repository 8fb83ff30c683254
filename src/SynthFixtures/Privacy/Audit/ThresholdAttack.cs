namespace SynthFixtures.Privacy.Audit;

/// <summary>
/// The audit's decision rule: guess "trained with the canary" when a training's score (its canary traces) reaches a
/// threshold. The threshold is chosen on one set of trainings and measured on another, so the choice cannot flatter the
/// bound (choosing and measuring on the same trainings would need a correction for every threshold tried).
/// </summary>
public static class ThresholdAttack
{
    /// <summary>
    /// The threshold that proves the most on these trainings: the largest ε lower bound, or (when no threshold proves
    /// anything, as under strong DP) the largest TPR − FPR; among equals, the middle one. Every threshold between two
    /// neighbouring observed scores splits these trainings alike, so the one returned lies at their geometric middle:
    /// scores of other trainings somewhat off these fall on the same side.
    /// </summary>
    /// <param name="with">Scores of trainings with the canary.</param>
    /// <param name="without">Scores of trainings without it.</param>
    /// <param name="confidence">Confidence of the bound, in (0, 1).</param>
    /// <param name="delta">δ of the guarantee under test.</param>
    public static int Choose(IReadOnlyList<int> with, IReadOnlyList<int> without, double confidence, double delta)
    {
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(without);
        var scores = with.Concat(without).Distinct().Order().ToList();
        var outcomes = scores.Select(t => Measure(t, with, without, confidence, delta)).ToList();
        var best = outcomes.Max(o => o.EpsilonLowerBound);
        var tied = Enumerable.Range(0, scores.Count)
            .Where(j => best > 0 ? outcomes[j].EpsilonLowerBound == best : outcomes[j].Advantage == outcomes.Max(x => x.Advantage))
            .ToList();
        var chosen = tied[tied.Count / 2];
        if (chosen == 0) return scores[0];
        // Threshold scores[j] splits alike any threshold in (scores[j − 1], scores[j]]. Counts of traces vary by factors
        // (a leak shows tens or hundreds where there would be none), so take that range's geometric middle, shifted by
        // one so that 0 counts: between 0 and 360, 18 rather than 180.
        var (below, at) = (scores[chosen - 1], scores[chosen]);
        var middle = (int)Math.Ceiling(Math.Sqrt((below + 1.0) * (at + 1.0)) - 1);
        return Math.Clamp(middle, below + 1, at);
    }

    /// <summary>The attack with <paramref name="threshold"/> on these trainings: its error counts, their Clopper–Pearson bounds and the ε they prove.</summary>
    /// <param name="threshold">Guess "with" at this score or above.</param>
    /// <param name="with">Scores of trainings with the canary (at least one).</param>
    /// <param name="without">Scores of trainings without it (at least one).</param>
    /// <param name="confidence">Confidence of the bound, in (0, 1): the two error rates are each bounded at half its shortfall, so both hold together at this confidence.</param>
    /// <param name="delta">δ of the guarantee under test.</param>
    public static AttackOutcome Measure(int threshold, IReadOnlyList<int> with, IReadOnlyList<int> without, double confidence, double delta)
    {
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(without);
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence lies strictly between 0 and 1.");
        var alpha = (1 - confidence) / 2;
        var truePositives = with.Count(s => s >= threshold);
        var falsePositives = without.Count(s => s >= threshold);
        var fprUpper = ClopperPearson.Upper(falsePositives, without.Count, alpha);
        var fnrUpper = ClopperPearson.Upper(with.Count - truePositives, with.Count, alpha);
        return new AttackOutcome(threshold, truePositives, with.Count, falsePositives, without.Count, fprUpper, fnrUpper,
            EpsilonLowerBound.From(fprUpper, fnrUpper, delta));
    }

    /// <summary>The most any attack can prove with this many trainings: no error at all.</summary>
    public static double MostProvable(int withCount, int withoutCount, double confidence, double delta)
    {
        var alpha = (1 - confidence) / 2;
        return EpsilonLowerBound.From(ClopperPearson.Upper(0, withoutCount, alpha), ClopperPearson.Upper(0, withCount, alpha), delta);
    }
}

/// <summary>The attack at one threshold, measured on a set of trainings.</summary>
/// <param name="Threshold">"With the canary" is guessed at this score or above.</param>
/// <param name="TruePositives">Trainings with the canary guessed so.</param>
/// <param name="WithCanary">Trainings with the canary.</param>
/// <param name="FalsePositives">Trainings without the canary guessed to have it.</param>
/// <param name="WithoutCanary">Trainings without the canary.</param>
/// <param name="FalsePositiveRateUpper">Clopper–Pearson upper bound on the false-positive rate.</param>
/// <param name="FalseNegativeRateUpper">Clopper–Pearson upper bound on the false-negative rate.</param>
/// <param name="EpsilonLowerBound">The ε the two bounds prove (0: nothing).</param>
public sealed record AttackOutcome(int Threshold, int TruePositives, int WithCanary, int FalsePositives, int WithoutCanary,
    double FalsePositiveRateUpper, double FalseNegativeRateUpper, double EpsilonLowerBound)
{
    /// <summary>The observed true-positive rate.</summary>
    public double TruePositiveRate => (double)TruePositives / WithCanary;

    /// <summary>The observed false-positive rate.</summary>
    public double FalsePositiveRate => (double)FalsePositives / WithoutCanary;

    /// <summary>TPR − FPR.</summary>
    public double Advantage => TruePositiveRate - FalsePositiveRate;
}
