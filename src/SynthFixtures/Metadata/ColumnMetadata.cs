using System.Text.Json.Serialization;

namespace SynthFixtures.Metadata;

/// <summary>What SynthFixtures knows about one column: its kind, format, and why the profiler decided so.</summary>
public sealed record ColumnMetadata
{
    /// <summary>The CSV header name.</summary>
    public required string Name { get; init; }

    /// <summary>How the column is modelled.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>For <see cref="ColumnKind.DateTime"/>: the .NET custom format string (invariant culture), e.g. <c>yyyy-MM-dd</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DateTimeFormat { get; init; }

    /// <summary>For <see cref="ColumnKind.Decimal"/>: decimal places written on output (the most seen in the source).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DecimalPlaces { get; init; }

    /// <summary>Personally identifying content detected in the column; such columns are faked, not learned.</summary>
    public PiiKind Pii { get; init; } = PiiKind.None;

    /// <summary>Human-readable reasons for the inferred kind (share of values parsed, distinct count, …).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Evidence { get; init; }

    /// <summary>
    /// For a free-text column: which text model writes it, <c>learned</c> or <c>lorem</c>, when the training run sets no
    /// text model of its own; <c>null</c>: the run decides (learned when the column has enough texts).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TextModel { get; init; }

    /// <summary>Whether the column takes part in the statistical model (keys, text and PII are generated separately).</summary>
    [JsonIgnore]
    public bool IsModelled => Pii == PiiKind.None && Kind is not (ColumnKind.Identifier or ColumnKind.Text);

    /// <summary>Whether values are numbers on a line (integer, decimal, datetime).</summary>
    [JsonIgnore]
    public bool IsNumeric => Kind is ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.DateTime;

    /// <summary>Whether values are labels (categorical, boolean).</summary>
    [JsonIgnore]
    public bool IsCategorical => Kind is ColumnKind.Categorical or ColumnKind.Boolean;
}
