using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.LaggedCopula;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>The lagged-copula step model as a sequence step kind: its settings table over <see cref="LaggedCopulaOptions"/>.</summary>
public static class LaggedCopulaKind
{
    /// <summary>How many previous steps each step is conditioned on.</summary>
    public static readonly SettingSpec Lags = new("lags", "Lags", SettingType.WholeNumber,
        "How many previous steps each step is conditioned on, besides the context (the order of the autoregression).", "2", 1, LaggedCopulaOptions.MaximumLags);

    /// <summary>The kind.</summary>
    public static ModelKind<LaggedCopulaOptions> Instance { get; } = new(
        SequenceModelKinds.LaggedCopula,
        "Sequence baseline: a Gaussian copula over each step, the steps before it and the entity's context (latent correlations fitted to categories and point masses as intervals), trained and sampled in pure C#.",
        trainsWithTorch: false,
        [Lags.Bind<LaggedCopulaOptions, int>(o => o.Lags, (o, v) => o with { Lags = v })],
        (o, seed) => o with { Seed = seed },
        o => o.Validate());

    /// <summary>The catalog the trainer parses its settings against (the kind alone: a setting of another kind is unknown here).</summary>
    internal static ModelCatalog Catalog { get; } = new([Instance]);
}
