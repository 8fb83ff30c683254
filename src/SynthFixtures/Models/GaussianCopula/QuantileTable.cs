using SynthFixtures.Models.GaussianCopula.Marginals;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// A continuous marginal's inverse CDF tabulated on a uniform probability grid and read back by linear
/// interpolation. Sampling calls the inverse CDF once per cell, and for beta or gamma that is a root search costing
/// microseconds; the table makes every family cost the same few nanoseconds. Built from the marginal on load,
/// never stored, so the artifact holds only the marginal's parameters.
/// </summary>
internal sealed class QuantileTable
{
    private const int Intervals = 4096;
    private readonly double[] _values = new double[Intervals + 1];

    public QuantileTable(ContinuousMarginal marginal)
    {
        for (var i = 0; i <= Intervals; i++)
        {
            // The end points stand for the support's limits; keep them finite for unbounded families.
            var p = Math.Clamp(i / (double)Intervals, 1e-7, 1 - 1e-7);
            _values[i] = marginal.InverseCdf(p);
        }
    }

    /// <summary>The tabulated G⁻¹(<paramref name="p"/>) for p in [0, 1].</summary>
    public double Lookup(double p)
    {
        var position = Math.Clamp(p, 0, 1) * Intervals;
        var index = (int)position;
        if (index >= Intervals) return _values[Intervals];
        var fraction = position - index;
        return _values[index] + (_values[index + 1] - _values[index]) * fraction;
    }
}
