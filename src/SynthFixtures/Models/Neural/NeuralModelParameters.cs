using System.Text.Json.Serialization;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Everything a neural model (<see cref="NeuralSynthModel"/>) needs besides its network weights, as stored in the
/// artifact header: the transformer, the observed range of each modelled column, the sampling extras of its kind
/// (TVAE's σ, CTGAN's condition vector), and the recipes for the columns that are generated rather than learned.
/// </summary>
public sealed record NeuralModelParameters
{
    /// <summary>The fitted mode-specific transformer.</summary>
    public required ModeSpecificTransformerParameters Transformer { get; init; }

    /// <summary>One entry per transformed column, in the transformer's order.</summary>
    public required NeuralColumnRange[] Ranges { get; init; }

    /// <summary>TVAE: the learned σ per output dimension (used on α dimensions).</summary>
    public float[]? Sigmas { get; init; }

    /// <summary>
    /// TVAE: <c>true</c> when each one-hot span's category is drawn from the softmax of the decoder's outputs rather
    /// than taken by argmax (DP-TVAE sets it: its decoder, trained under noise, depends too little on the latent code
    /// for the argmax to reproduce a column's spread); <c>null</c> (not written) for the argmax.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DrawsCategories { get; init; }

    /// <summary>CTGAN: the condition vector's layout and category counts.</summary>
    public ConditionVectorParameters? Conditions { get; init; }

    /// <summary>Recipes for keys, text and personal-data columns.</summary>
    public required GeneratedColumnSpec[] Generated { get; init; }

    /// <summary>The token each metadata column wrote for a missing value (<c>null</c>: an empty field).</summary>
    public required string?[] MissingTokens { get; init; }
}

/// <summary>What the training data showed for one modelled column: the range sampled numbers are kept in, and how often it was missing.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Minimum">Smallest observed number (continuous columns; datetimes in seconds).</param>
/// <param name="Maximum">Largest observed number (continuous columns).</param>
/// <param name="MissingProbability">Share of missing cells.</param>
public sealed record NeuralColumnRange(string Column, double? Minimum, double? Maximum, double MissingProbability);
