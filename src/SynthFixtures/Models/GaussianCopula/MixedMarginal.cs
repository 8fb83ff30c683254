using SynthFixtures.Models.GaussianCopula.Marginals;
using SynthFixtures.Randomness;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// A numeric column's marginal as a mixture of point masses ("atoms": values that recur often, like adult's
/// capital-gain = 0 in 92% of rows or hours-per-week = 40) and a continuous family for the rest. A purely
/// continuous family cannot reproduce such spikes: a kernel density smears them and the KS distance explodes.
/// CDF: F(x) = w·G(x) + Σ_{aⱼ ≤ x} pⱼ. A row holding an atom is encoded as a uniform draw inside the atom's jump
/// [F(aⱼ⁻), F(aⱼ)] (the randomised probability integral transform), so u stays uniform and the copula stays valid.
/// </summary>
internal sealed class MixedMarginal
{
    private readonly double[] _atomValues;
    private readonly double[] _atomProbabilities;
    private readonly double[] _atomStarts;     // F(aⱼ⁻) for each atom, ascending
    private readonly double[] _massBefore;     // Σ_{i<j} pᵢ

    public MixedMarginal(double[] atomValues, double[] atomProbabilities, ContinuousMarginal? continuous, double minimum, double maximum)
    {
        _atomValues = atomValues;
        _atomProbabilities = atomProbabilities;
        Continuous = continuous;
        Minimum = minimum;
        Maximum = maximum;
        ContinuousWeight = Math.Max(0, 1 - atomProbabilities.Sum());
        if (continuous is null && ContinuousWeight > 1e-9)
            throw new ArgumentException("A continuous part is required when the atoms do not cover all the mass.");
        _atomStarts = new double[atomValues.Length];
        _massBefore = new double[atomValues.Length + 1];
        for (var j = 0; j < atomValues.Length; j++)
        {
            _massBefore[j + 1] = _massBefore[j] + atomProbabilities[j];
            _atomStarts[j] = ContinuousCdf(atomValues[j]) + _massBefore[j];
        }
    }

    /// <summary>Recurring values, ascending.</summary>
    public IReadOnlyList<double> AtomValues => _atomValues;

    /// <summary>Probability of each atom among non-missing values.</summary>
    public IReadOnlyList<double> AtomProbabilities => _atomProbabilities;

    /// <summary>The family for values that are not atoms, or <c>null</c> when atoms hold all the mass.</summary>
    public ContinuousMarginal? Continuous { get; }

    /// <summary>1 − Σ atom probabilities.</summary>
    public double ContinuousWeight { get; }

    /// <summary>Smallest observed value: samples never go below it.</summary>
    public double Minimum { get; }

    /// <summary>Largest observed value: samples never go above it.</summary>
    public double Maximum { get; }

    /// <summary>The probability interval [F(x⁻), F(x)] of a value: a point for a non-atom value, the jump for an atom.</summary>
    public (double Lower, double Upper) Interval(double x)
    {
        var j = Array.BinarySearch(_atomValues, x);
        if (j >= 0) return (_atomStarts[j], _atomStarts[j] + _atomProbabilities[j]);
        var below = ~j;
        var u = ContinuousCdf(x) + _massBefore[below];
        return (u, u);
    }

    /// <summary>u for an observed value: a uniform draw inside its interval.</summary>
    public double Encode(double x, SynthRandom random)
    {
        var (lower, upper) = Interval(x);
        return upper > lower ? lower + (upper - lower) * random.NextOpenDouble() : lower;
    }

    /// <summary>The value whose interval holds <paramref name="u"/>, clamped to the observed range.</summary>
    public double Decode(double u)
    {
        // j = number of atoms whose jump starts at or below u.
        var j = UpperBound(_atomStarts, u);
        if (j > 0 && u < _atomStarts[j - 1] + _atomProbabilities[j - 1]) return _atomValues[j - 1];
        if (Continuous is null || ContinuousWeight <= 0)
            return _atomValues.Length == 0 ? Minimum : _atomValues[Math.Clamp(j - 1, 0, _atomValues.Length - 1)];
        var g = (u - _massBefore[j]) / ContinuousWeight;
        return Math.Clamp(Continuous.InverseCdf(Math.Clamp(g, 1e-12, 1 - 1e-12)), Minimum, Maximum);
    }

    private double ContinuousCdf(double x) => Continuous is null ? 0 : ContinuousWeight * Continuous.Cdf(x);

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
