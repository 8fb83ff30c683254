namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>The distribution families a numeric column's marginal can be modelled with.</summary>
public enum MarginalFamily
{
    /// <summary>Uniform on [lower, upper].</summary>
    Uniform,

    /// <summary>Normal (Gaussian) on the whole real line.</summary>
    Normal,

    /// <summary>Normal truncated to [lower, upper].</summary>
    TruncatedNormal,

    /// <summary>Gamma with shape, scale and a location (lower bound).</summary>
    Gamma,

    /// <summary>Beta rescaled to [lower, upper].</summary>
    Beta,

    /// <summary>Gaussian kernel density estimate, stored as a tabulated (smoothed) CDF.</summary>
    GaussianKde,
}
