using SynthFixtures.Models;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Tests.Models.DpMarginals;
using SynthFixtures.Tests.Models.Neural;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// One small model of each kind, made once for the tests that draw one sample in different ways (whole, in chunks, in
/// ranges) and compare the bytes: they check every kind on the same models, and fit them once between them.
/// </summary>
internal static class ModelsOfEachKind
{
    public static readonly Lazy<GaussianCopulaModel> Copula = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    public static readonly Lazy<SynthModel> Tvae = new(RandomNeuralModels.Tvae);

    public static readonly Lazy<SynthModel> Ctgan = new(RandomNeuralModels.Ctgan);

    public static readonly Lazy<SynthModel> DpMarginals = new(() =>
        DpMarginalsFitter.Fit(DpMarginalsTestData.Create(3000), DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = 1, Delta = 1e-7, Seed = 1 }));

    /// <summary>The model a test case names: "copula", "tvae", "ctgan" or "dp-marginals".</summary>
    public static SynthModel Named(string kind) => kind switch
    {
        "copula" => Copula.Value,
        "tvae" => Tvae.Value,
        "ctgan" => Ctgan.Value,
        "dp-marginals" => DpMarginals.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No model of that kind here."),
    };
}
