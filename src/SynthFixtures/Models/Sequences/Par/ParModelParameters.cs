using SynthFixtures.Models.Neural;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>Everything a <see cref="ParStepModel"/> holds besides its weights, as its bytes store it (JSON).</summary>
public sealed record ParModelParameters
{
    /// <summary>The step columns' transformer; its columns are the step columns, in output order.</summary>
    public required ModeSpecificTransformerParameters Steps { get; init; }

    /// <summary>The context columns' transformer (fitted on one row per entity), or <c>null</c> when the steps have no modelled context.</summary>
    public ModeSpecificTransformerParameters? Context { get; init; }

    /// <summary>Width of the GRU's state.</summary>
    public required int HiddenWidth { get; init; }

    /// <summary>GRU layers.</summary>
    public required int Layers { get; init; }

    /// <summary>Per step column: the range its training values spanned (sampled numbers are kept inside it) and its missing share.</summary>
    public required NeuralColumnRange[] Ranges { get; init; }

    /// <summary>Per step column: the token its source wrote for a missing value (<c>null</c>: an empty field).</summary>
    public required string?[] MissingTokens { get; init; }

    /// <summary>
    /// Known covariates per step (calendar cycles of the index), read by the network after the context at every step;
    /// written only when there are some, so a model without them keeps its bytes.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int Covariates { get; init; }

    /// <summary>What early stopping did when the model was trained with it; written only then, so other models keep their bytes.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ParEarlyStopping? EarlyStopping { get; init; }
}

/// <summary>What early stopping did while a PAR model trained: what was held out, and the epoch whose weights were kept.</summary>
/// <param name="HeldOut"><c>entities</c> (whole entities held out) or <c>tails</c> (the last steps of each sequence, when the entities are too few).</param>
/// <param name="HeldOutEntities">Entities held out (<c>entities</c>), or entities whose tails were (<c>tails</c>).</param>
/// <param name="HeldOutSteps">Steps scored at each check.</param>
/// <param name="KeptEpoch">The epoch whose weights the model has.</param>
/// <param name="ValidationLoss">The held-out steps' mean loss per step at <paramref name="KeptEpoch"/>.</param>
/// <param name="EpochsTrained">Epochs run.</param>
/// <param name="StoppedEarly">Whether training stopped before its epoch count because the checks stopped improving.</param>
public sealed record ParEarlyStopping(string HeldOut, int HeldOutEntities, int HeldOutSteps, int KeptEpoch, double ValidationLoss, int EpochsTrained, bool StoppedEarly);
