using SynthFixtures.Models.GaussianCopula;

namespace SynthFixtures.Modeling;

/// <summary>The Gaussian copula as a model kind. It has no settings of its own (its marginals are chosen from the data), only the text settings.</summary>
public static class GaussianCopulaKind
{
    /// <summary>The kind.</summary>
    public static ModelKind<GaussianCopulaOptions> Instance { get; } = new(
        "gaussiancopula",
        "Gaussian copula with a marginal per column chosen by fit (MathNet), trained and sampled in pure C#.",
        trainsWithTorch: false,
        [],
        (o, seed) => o with { Seed = seed },
        learnsText: true);
}
