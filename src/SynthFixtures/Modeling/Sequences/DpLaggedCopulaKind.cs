using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Private;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// The settings table of the entity-level differentially private sequence model: the lagged copula measured through
/// Gaussian noise, with a dp-marginals context model, from one (ε, δ) budget.
/// </summary>
public static class DpLaggedCopulaKind
{
    /// <summary>The kind's name.</summary>
    public const string Name = "dp-lagged-copula";

    /// <summary>The most steps each entity contributes.</summary>
    public static readonly SettingSpec MaxSteps = new("max-steps", "MaxSteps", SettingType.WholeNumber,
        "Differential privacy for sequences: each entity contributes at most this many consecutive steps (a longer one a window placed by the seed), which bounds one entity's weight in every per-step count; more steps per entity also mean more noise.",
        "16", 2, DpSequenceOptions.MaximumStepsLimit);

    /// <summary>The declared step of the sequence index.</summary>
    public static readonly SettingSpec IndexStep = new("index-step", "IndexStep", SettingType.Choice,
        "Differential privacy for sequences: the sequence index's step, declared rather than read from the rows (units for an integer index).",
        "units", Choices: DpIndexDeclaration.Words);

    /// <summary>How many units one step is.</summary>
    public static readonly SettingSpec IndexStepSize = new("index-step-size", "IndexStepSize", SettingType.WholeNumber,
        "Differential privacy for sequences: how many of the index step's units one step is (10 for decennial years on an integer index).", "10", 1, 1_000_000);

    internal const string DeltaDefault = "1/(n·√n) for n entities, the entity count taken as public";

    /// <summary>The kind and its settings.</summary>
    public static ModelKind<DpSequenceOptions> Instance { get; } = new(
        Name,
        "Entity-level differentially private sequence model: a lagged Gaussian copula over noisy step and context marginals and a noisy latent correlation, with a dp-marginals model of each entity's context, length and start; one (ε, δ) for datasets that differ by one entity's whole sequence; pure C#.",
        trainsWithTorch: false,
        [
            PrivacySettingTable.Epsilon.Bind<DpSequenceOptions, double>(o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            PrivacySettingTable.Delta.Bind<DpSequenceOptions, double?>(o => o.Delta, (o, v) => o with { Delta = v }, DeltaDefault),
            LaggedCopulaKind.Lags.Bind<DpSequenceOptions, int>(o => o.Lags, (o, v) => o with { Lags = v }),
            MaxSteps.Bind<DpSequenceOptions, int>(o => o.MaxSteps, (o, v) => o with { MaxSteps = v }),
            IndexStep.Bind<DpSequenceOptions, string?>(o => o.IndexStep, (o, v) => o with { IndexStep = v }, "none: a sequence index is then refused"),
            IndexStepSize.Bind<DpSequenceOptions, int>(o => o.IndexStepSize, (o, v) => o with { IndexStepSize = v }),
        ],
        (o, seed) => o with { Seed = seed },
        o => o.Validate());

    internal static ModelCatalog Catalog { get; } = new([Instance]);
}
