namespace SynthFixtures.Numerics;

/// <summary>
/// How one numeric column enters the DCR distance: as (value − min) / (max − min) of the reference (training) values,
/// so that <c>min(|a − b|, 1)</c> of two encoded values is their difference as a share of the training range, capped at
/// one range. The evaluation's DCR and the sampling privacy filter both encode through this, so they measure the same
/// distance.
/// </summary>
internal readonly struct DistanceScale
{
    // A constant numeric column: any other value is a full column apart (scaled far beyond 1, then capped).
    private const double ConstantScale = 1e20;
    private const double ScaledLimit = 1e29;

    private DistanceScale(double min, double factor)
    {
        Min = min;
        Factor = factor;
    }

    /// <summary>The smallest reference value (0 when every value is missing).</summary>
    public double Min { get; }

    /// <summary>One over the reference range, or a huge factor for a constant column.</summary>
    public double Factor { get; }

    /// <summary>Whether the reference column holds a single value (so any other value is a full range away).</summary>
    public bool IsConstant => Factor == ConstantScale;

    /// <summary>The scale of a column from its reference values; NaN (missing) values are ignored.</summary>
    public static DistanceScale Of(ReadOnlySpan<double> values)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (lo > hi) (lo, hi) = (0, 0);
        return new DistanceScale(lo, hi > lo ? 1.0 / (hi - lo) : ConstantScale);
    }

    /// <summary>The encoded value; a missing value (NaN) is <see cref="DistanceRows.MissingNumber"/>.</summary>
    public float Encode(double value)
    {
        if (double.IsNaN(value)) return DistanceRows.MissingNumber;
        return (float)Math.Clamp((value - Min) * Factor, -ScaledLimit, ScaledLimit);
    }
}
