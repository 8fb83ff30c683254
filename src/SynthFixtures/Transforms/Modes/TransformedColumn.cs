using SynthFixtures.Metadata;

namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// How one modelled column is transformed, as stored in an artifact. A continuous column (integer, decimal, datetime)
/// has <see cref="Modes"/> and encodes to α, a one-hot of its mode and, when it had missing values, a one-hot of
/// present/missing. A categorical or boolean column has <see cref="Categories"/> and encodes to their one-hot.
/// </summary>
public sealed record TransformedColumn
{
    /// <summary>The column's metadata (name, kind, format), used to parse and write its cells.</summary>
    public required ColumnMetadata Metadata { get; init; }

    /// <summary>For a continuous column: its fitted modes.</summary>
    public ModeNormalizerParameters? Modes { get; init; }

    /// <summary>For a continuous column: whether it had missing values, so it carries a present/missing one-hot.</summary>
    public bool HasMissing { get; init; }

    /// <summary>For a categorical column: its labels in encoding order (most frequent first), <c>null</c> for missing.</summary>
    public string?[]? Categories { get; init; }

    /// <summary>Number of matrix columns this column encodes to.</summary>
    public int Width => Modes is { } modes ? 1 + modes.Weights.Length + (HasMissing ? 2 : 0) : Categories!.Length;
}
