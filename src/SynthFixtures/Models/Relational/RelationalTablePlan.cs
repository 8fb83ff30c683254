using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// How one table of a <see cref="RelationalModel"/> is generated: how many rows (from the source's size for a root, from
/// the primary parent's learned counts for a child), which keys are generated how, and which columns of its per-table
/// model are counts and parent context rather than the table's own columns. Holds aggregates only, never a source row.
/// </summary>
public sealed record RelationalTablePlan
{
    /// <summary>The table's name.</summary>
    public required string Table { get; init; }

    /// <summary>Rows of the source table (a root table gets round(scale × this) rows, at least one when this is positive).</summary>
    public int SourceRows { get; init; }

    /// <summary>
    /// Index into the metadata's foreign keys of the primary parent key: its learned children-per-parent count decides
    /// how many rows each generated parent gets, and its parent's columns are the rows' context. <c>null</c> for a root.
    /// </summary>
    public int? PrimaryKey { get; init; }

    /// <summary>Source rows whose primary key columns were null (belonging to no parent); generated as round(scale × this) rows drawn unconditionally.</summary>
    public int NullPrimaryRows { get; init; }

    /// <summary>Recipes (sequence, GUID, prefixed code) for the key columns no foreign key fills: the primary key and columns other tables reference.</summary>
    public IReadOnlyList<GeneratedColumnSpec> KeyRecipes { get; init; } = [];

    /// <summary>Columns of this table's model that hold, per row, how many children the row has through a foreign key.</summary>
    public IReadOnlyList<CountColumn> CountColumns { get; init; } = [];

    /// <summary>Columns of this table's model that hold the primary parent's columns (fixed at sampling to the generated parent's).</summary>
    public IReadOnlyList<ContextColumn> ContextColumns { get; init; } = [];

    /// <summary>Foreign keys other than the primary one and self-references, each filled by drawing among the generated parents.</summary>
    public IReadOnlyList<SecondaryKeyPlan> SecondaryKeys { get; init; } = [];

    /// <summary>
    /// Columns copied from a parent row through a foreign key (a billing country that is the customer's country), on the
    /// source's share of rows; the other rows keep the model's draw.
    /// </summary>
    public IReadOnlyList<CopiedColumn> CopiedColumns { get; init; } = [];

    /// <summary>The self-reference, if any, generated as a forest (no cycles).</summary>
    public SelfKeyPlan? SelfKey { get; init; }

    /// <summary>Whether the table has a per-table model (a table whose every column is a key has none).</summary>
    public bool HasModel { get; init; }
}

/// <summary>A model column counting a row's children through a foreign key.</summary>
/// <param name="ForeignKey">Index into the metadata's foreign keys.</param>
/// <param name="Column">The column's name in the parent's model.</param>
public sealed record CountColumn(int ForeignKey, string Column);

/// <summary>A model column holding a column of the primary parent (its own modelled column or one of its count columns).</summary>
/// <param name="ParentColumn">The column's name in the parent's model.</param>
/// <param name="Column">The column's name in this table's model.</param>
public sealed record ContextColumn(string ParentColumn, string Column);

/// <summary>A foreign key filled by drawing a parent with probability proportional to its learned count of children through this key.</summary>
/// <param name="ForeignKey">Index into the metadata's foreign keys.</param>
/// <param name="NullRate">Share of source rows whose key was null.</param>
/// <param name="DistinctPerPrimaryParent">
/// Whether this key is part of a link table's primary key (made of the primary parent's key and other foreign keys): among
/// the rows of one primary parent, the parents referenced through all such keys together never repeat (with one such key,
/// each row references a distinct parent through it).
/// </param>
/// <param name="AfterAllTables">
/// Whether the key closes a cycle of keys between tables (its columns all nullable), so its parent is generated after this
/// table: it is filled once every table exists.
/// </param>
public sealed record SecondaryKeyPlan(int ForeignKey, double NullRate, bool DistinctPerPrimaryParent, bool AfterAllTables = false);

/// <summary>A column of this table that repeats a column of its parent row through a foreign key, with the source's share of agreement.</summary>
/// <param name="ForeignKey">Index into the metadata's foreign keys (the primary one or another filled with the table).</param>
/// <param name="ParentColumn">The parent table's column whose generated cell is copied.</param>
/// <param name="Column">This table's column.</param>
/// <param name="Share">Share of linked source rows whose value equals the parent's; generated rows agree at this share in expectation.</param>
public sealed record CopiedColumn(int ForeignKey, string ParentColumn, string Column, double Share);

/// <summary>A self-reference, generated as a forest: each row references an earlier one, so there is no cycle.</summary>
/// <param name="ForeignKey">Index into the metadata's foreign keys.</param>
/// <param name="NullRate">Share of source rows whose reference was null (the roots).</param>
public sealed record SelfKeyPlan(int ForeignKey, double NullRate);
