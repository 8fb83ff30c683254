using SynthFixtures.Privacy;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// How the marginal model shares its zCDP budget ρ. MST gives a third each to the one-way marginals, the selection and
/// the two-way marginals; here a tenth first buys the bins and labels (which MST takes as given), the selections get
/// a twentieth each (on thousands of rows the strong pairs stand out by hundreds of counts, so a small ε per pick
/// suffices), and the measurements that carry the dependences get the most: the tree's two-way marginals and the
/// second parents' three-way marginals (<see cref="SecondParents"/>). Without metadata, a twentieth goes first to the
/// column kinds (<see cref="Metadata.PrivateProfiler"/>: its thresholds are percents of the rows, so coarse counts do)
/// and the other shares shrink in proportion.
/// </summary>
internal sealed record BudgetSplit(double Profile, double Domain, double OneWay, double Selection, double TwoWay, double SecondSelection, double ThreeWay)
{
    /// <summary>The share of ρ the private profile takes when no metadata is given.</summary>
    public const double ProfileShare = 0.05;

    /// <summary>
    /// The split for <paramref name="columns"/> modelled columns (fewer than three have no second parents, one has no
    /// pairs), with a share for the column kinds when <paramref name="profiled"/>. Without
    /// <paramref name="secondParents"/> their shares go to the tree (a twentieth to its selection, the rest to its
    /// two-ways); the shares spent before that choice (kinds, bins and labels, one-ways) are the same either way, so it
    /// can be made after the one-ways are measured.
    /// </summary>
    public static BudgetSplit For(int columns, bool profiled, bool secondParents = true)
    {
        BudgetSplit split = columns switch
        {
            1 => new(0, 0.1, 0.9, 0, 0, 0, 0),
            2 => new(0, 0.1, 0.2, 0.1, 0.6, 0, 0),
            _ when !secondParents => new(0, 0.1, 0.15, 0.1, 0.65, 0, 0),
            _ => new(0, 0.1, 0.15, 0.05, 0.35, 0.05, 0.3),
        };
        if (!profiled) return split;
        const double rest = 1 - ProfileShare;
        return new(ProfileShare, rest * split.Domain, rest * split.OneWay, rest * split.Selection, rest * split.TwoWay,
            rest * split.SecondSelection, rest * split.ThreeWay);
    }

    /// <summary>The noise and selection ε for a total <paramref name="rho"/> over <paramref name="columns"/> columns.</summary>
    public Noise NoiseFor(double rho, int columns)
    {
        var pairs = columns - 1;
        var triples = columns - 2;
        return new Noise(
            ZcdpBudget.GaussianNoiseFor(Domain * rho / columns),
            ZcdpBudget.GaussianNoiseFor(OneWay * rho / columns),
            pairs > 0 ? ZcdpBudget.ExponentialMechanismEpsilonFor(Selection * rho / pairs) : 0,
            pairs > 0 ? ZcdpBudget.GaussianNoiseFor(TwoWay * rho / pairs) : 0,
            triples > 0 && SecondSelection > 0 ? ZcdpBudget.ExponentialMechanismEpsilonFor(SecondSelection * rho / triples) : 0,
            triples > 0 && ThreeWay > 0 ? ZcdpBudget.GaussianNoiseFor(ThreeWay * rho / triples) : 0);
    }
}

/// <summary>The noise of each step: σ of the Gaussian measurements, ε of each exponential-mechanism pick.</summary>
internal sealed record Noise(double Domain, double OneWay, double Selection, double TwoWay, double SecondSelection, double ThreeWay);
