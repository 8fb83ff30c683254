namespace SynthFixtures;

/// <summary>
/// Values drawn inside [min, max], both inclusive. Numbers take numeric bounds; dates and times take invariant-culture
/// text (<c>"2020-01-31"</c>, <c>"08:30"</c>, <c>"1.00:00:00"</c>), as do decimals. Checked at compile time against the
/// property type. Same meaning as <c>System.ComponentModel.DataAnnotations.RangeAttribute</c>, which is honoured too.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SynthRangeAttribute : Attribute
{
    /// <summary>Integer bounds.</summary>
    public SynthRangeAttribute(long minimum, long maximum) => (Minimum, Maximum) = (minimum, maximum);

    /// <summary>Floating-point bounds.</summary>
    public SynthRangeAttribute(double minimum, double maximum) => (Minimum, Maximum) = (minimum, maximum);

    /// <summary>Bounds as invariant-culture text, for dates, times and decimals.</summary>
    public SynthRangeAttribute(string minimum, string maximum) => (Minimum, Maximum) = (minimum, maximum);

    /// <summary>Lower bound, inclusive.</summary>
    public object Minimum { get; }

    /// <summary>Upper bound, inclusive.</summary>
    public object Maximum { get; }
}
