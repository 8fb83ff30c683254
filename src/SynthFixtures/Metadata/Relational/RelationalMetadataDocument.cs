namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// The relational metadata JSON as written, every field optional, so that a missing or wrong field is reported by
/// <see cref="RelationalMetadataJson"/> with its position instead of failing inside the serializer.
/// </summary>
internal sealed class RelationalMetadataDocument
{
    public int? SchemaVersion { get; set; }
    public List<RelationalTableDocument?>? Tables { get; set; }
    public List<ForeignKeyDocument?>? ForeignKeys { get; set; }
    public List<SumRuleDocument?>? SumRules { get; set; }
}

/// <summary>One table as written: its name, primary key, columns and evidence.</summary>
internal sealed class RelationalTableDocument
{
    public string? Name { get; set; }
    public List<string?>? PrimaryKey { get; set; }
    public List<RelationalColumnDocument?>? Columns { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>
/// One column as written: the declared SQL shape (name, type, nullable) and, when the table is profiled, the column
/// metadata a single-table metadata file holds (kind, formats, pii, evidence), so one list is edited, not two.
/// </summary>
internal sealed class RelationalColumnDocument : ColumnDocument
{
    public string? Type { get; set; }
    public bool? Nullable { get; set; }
}

/// <summary>One foreign key as written.</summary>
internal sealed class ForeignKeyDocument
{
    public string? ChildTable { get; set; }
    public List<string?>? ChildColumns { get; set; }
    public string? ParentTable { get; set; }
    public List<string?>? ParentColumns { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>One sum rule as written: the parent's column, the child key it sums through, and the child factors.</summary>
internal sealed class SumRuleDocument
{
    public string? Table { get; set; }
    public string? Column { get; set; }
    public string? ChildTable { get; set; }
    public List<string?>? ChildColumns { get; set; }
    public List<string?>? Factors { get; set; }
}

/// <summary>What <see cref="RelationalMetadataJson"/> writes, property by property in this order.</summary>
internal sealed record RelationalMetadataOutput(int SchemaVersion, IReadOnlyList<RelationalTableOutput> Tables,
    IReadOnlyList<ForeignKeyOutput> ForeignKeys, IReadOnlyList<SumRuleOutput> SumRules);

/// <summary>One table as written.</summary>
internal sealed record RelationalTableOutput(string Name, IReadOnlyList<string> PrimaryKey, string? Evidence, IReadOnlyList<RelationalColumnOutput> Columns);

/// <summary>One column as written (the profile's fields only when the table is profiled).</summary>
internal sealed record RelationalColumnOutput(string Name, string Type, bool Nullable, string? Kind, string? DateTimeFormat, int? DecimalPlaces,
    string? Pii, string? TextModel, string? Evidence);

/// <summary>One foreign key as written.</summary>
internal sealed record ForeignKeyOutput(string ChildTable, IReadOnlyList<string> ChildColumns, string ParentTable, IReadOnlyList<string> ParentColumns, string? Evidence);

/// <summary>One sum rule as written.</summary>
internal sealed record SumRuleOutput(string Table, string Column, string ChildTable, IReadOnlyList<string> ChildColumns, IReadOnlyList<string> Factors);
