using System.Text.Json.Serialization;
using SynthFixtures.Metadata;

namespace SynthFixtures.Sampling.Generated;

/// <summary>How a column that is not learned (a key, free text, personal data) is produced at sampling time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GeneratorKind>))]
public enum GeneratorKind
{
    /// <summary>Whole numbers counting up from <see cref="GeneratedColumnSpec.Start"/>.</summary>
    Sequence,
    /// <summary>Fresh random GUIDs in the source's format.</summary>
    Guid,
    /// <summary><see cref="GeneratedColumnSpec.Prefix"/> followed by a zero-padded counter.</summary>
    Pattern,
    /// <summary>Placeholder prose whose length follows the source's word-count distribution; never source text.</summary>
    Lorem,
    /// <summary>A realistic fake value (Bogus) of the detected personal-data kind.</summary>
    Fake,
}

/// <summary>
/// The stored recipe for one generated column. Only aggregate facts are kept (a start number, a prefix, word-count
/// quantiles), never a source value, so the model file cannot leak keys, text or personal data.
/// </summary>
public sealed record GeneratedColumnSpec
{
    /// <summary>Column name.</summary>
    public required string Name { get; init; }

    /// <summary>Which generator produces the values.</summary>
    public required GeneratorKind Generator { get; init; }

    /// <summary>Share of rows left missing.</summary>
    public double MissingProbability { get; init; }

    /// <summary>First number of a <see cref="GeneratorKind.Sequence"/> or <see cref="GeneratorKind.Pattern"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Start { get; init; }

    /// <summary>Text before the counter of a <see cref="GeneratorKind.Pattern"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Prefix { get; init; }

    /// <summary>Digits of a <see cref="GeneratorKind.Pattern"/>'s counter (zero-padded).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Digits { get; init; }

    /// <summary>The check digit ending a <see cref="GeneratorKind.Pattern"/>'s number (counted in <see cref="Digits"/>); <c>null</c>: none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Metadata.Rules.CheckDigit? CheckDigit { get; init; }

    /// <summary>GUID format specifier ("D", "N", …) for <see cref="GeneratorKind.Guid"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GuidFormat { get; init; }

    /// <summary>Word-count quantiles (0%, 10%, …, 100%) for <see cref="GeneratorKind.Lorem"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? WordCountQuantiles { get; init; }

    /// <summary>The kind of personal data faked by <see cref="GeneratorKind.Fake"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PiiKind? Pii { get; init; }

    /// <summary>How the column is produced, for a model's column summary: e.g. "generated: sequence" or "generated: fake (Email)".</summary>
    public string Describe() => $"generated: {Generator.ToString().ToLowerInvariant()}{(Pii is { } pii && pii != PiiKind.None ? $" ({pii})" : "")}";

    /// <summary>Value equality including the quantile list.</summary>
    public bool Equals(GeneratedColumnSpec? other) =>
        other is not null && Name == other.Name && Generator == other.Generator && MissingProbability.Equals(other.MissingProbability)
        && Start == other.Start && Prefix == other.Prefix && Digits == other.Digits && CheckDigit == other.CheckDigit && GuidFormat == other.GuidFormat && Pii == other.Pii
        && (WordCountQuantiles ?? []).SequenceEqual(other.WordCountQuantiles ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Generator, MissingProbability);
}
