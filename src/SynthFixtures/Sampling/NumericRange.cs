namespace SynthFixtures.Sampling;

/// <summary>A numeric condition's interval, each end open or closed (infinite for a missing end); used by every model's exact row filter.</summary>
internal readonly record struct NumericRange(double Lower, bool LowerInclusive, double Upper, bool UpperInclusive)
{
    /// <summary>Whether <paramref name="value"/> lies in the range; a missing value (NaN) never does.</summary>
    public bool Contains(double value) =>
        !double.IsNaN(value)
        && (LowerInclusive ? value >= Lower : value > Lower)
        && (UpperInclusive ? value <= Upper : value < Upper);
}
