namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// A reference from the child table's columns to the parent table's key: every non-null child value (tuple, for a
/// composite key) equals the key of one parent row. A self-reference (<c>Employee.ReportsTo → Employee.EmployeeId</c>)
/// has the same table on both sides.
/// </summary>
public sealed record ForeignKey
{
    /// <summary>The referencing table.</summary>
    public required string ChildTable { get; init; }

    /// <summary>The referencing columns, in the order of <see cref="ParentColumns"/>.</summary>
    public required IReadOnlyList<string> ChildColumns { get; init; }

    /// <summary>The referenced table.</summary>
    public required string ParentTable { get; init; }

    /// <summary>The referenced columns (the parent's primary key or another unique key).</summary>
    public required IReadOnlyList<string> ParentColumns { get; init; }

    /// <summary>How the key was found (declared in a schema, or the name and containment evidence of detection).</summary>
    public string? Evidence { get; init; }

    /// <summary>Whether the key references its own table.</summary>
    public bool IsSelfReference => string.Equals(ChildTable, ParentTable, StringComparison.Ordinal);

    /// <summary><c>Child(a, b) → Parent(x, y)</c>, as messages and reports name the key.</summary>
    public override string ToString() =>
        $"{ChildTable}({string.Join(", ", ChildColumns)}) → {ParentTable}({string.Join(", ", ParentColumns)})";
}
