namespace SynthFixtures;

/// <summary>The shapes a <see cref="DistributionAttribute"/> can give a numeric property.</summary>
public enum DistributionKind
{
    /// <summary>Uniform over the range (the default for every numeric property).</summary>
    Uniform,

    /// <summary>Normal with parameters (mean, standard deviation).</summary>
    Normal,

    /// <summary>Log-normal with parameters (μ, σ) of the underlying normal.</summary>
    LogNormal,

    /// <summary>Exponential with parameter (mean).</summary>
    Exponential,
}

/// <summary>
/// Draws a numeric property from a distribution instead of uniformly. With a range too, the distribution is truncated
/// to it exactly (inverse-CDF sampling), never clipped.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DistributionAttribute : Attribute
{
    /// <summary>A distribution with one parameter (Exponential: mean).</summary>
    public DistributionAttribute(DistributionKind kind, double parameter1) : this(kind, parameter1, 0) { }

    /// <summary>A distribution with two parameters (Normal: mean, std; LogNormal: μ, σ).</summary>
    public DistributionAttribute(DistributionKind kind, double parameter1, double parameter2) =>
        (Kind, Parameter1, Parameter2) = (kind, parameter1, parameter2);

    /// <summary>The shape.</summary>
    public DistributionKind Kind { get; }

    /// <summary>First parameter.</summary>
    public double Parameter1 { get; }

    /// <summary>Second parameter.</summary>
    public double Parameter2 { get; }
}
