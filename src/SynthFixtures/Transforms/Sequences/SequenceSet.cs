using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Transforms.Sequences;

/// <summary>
/// A table read as sequences: its rows grouped by entity (in order of each entity's first row) and, within an entity,
/// ordered by the index (ties and a missing index keep file order, so the grouping is deterministic). Models train on this
/// and evaluation compares two of them.
/// </summary>
public sealed class SequenceSet
{
    private SequenceSet(Table table, TableMetadata columns, SequenceMetadata sequence, IReadOnlyList<SequenceEntity> entities)
    {
        Table = table;
        Columns = columns;
        Sequence = sequence;
        Entities = entities;
    }

    /// <summary>All rows, in file order.</summary>
    public Table Table { get; }

    /// <summary>Every column's metadata.</summary>
    public TableMetadata Columns { get; }

    /// <summary>Which columns are entity, index and context columns.</summary>
    public SequenceMetadata Sequence { get; }

    /// <summary>The entities, in order of their first row in the file.</summary>
    public IReadOnlyList<SequenceEntity> Entities { get; }

    /// <summary>What orders the steps.</summary>
    public SequenceIndexKind IndexKind => Sequence.IndexColumn is null ? SequenceIndexKind.RowOrder
        : Columns.Find(Sequence.IndexColumn)?.Kind == ColumnKind.DateTime ? SequenceIndexKind.DateTime : SequenceIndexKind.Integer;

    /// <summary>The columns learned per step: modelled columns that are neither entity, index nor context columns.</summary>
    public IReadOnlyList<ColumnMetadata> StepColumns => Columns.Columns.Where(c => !Sequence.IsEntityLevel(c.Name)).ToList();

    /// <summary>The same rows grouped into other entities (each a run of this set's ordered rows), such as windows of its entities.</summary>
    internal SequenceSet WithEntities(IReadOnlyList<SequenceEntity> entities) => new(Table, Columns, Sequence, entities);

    /// <summary>Groups <paramref name="table"/>'s rows into sequences.</summary>
    /// <exception cref="SynthDataException">A named column is missing, the index is not a datetime or integer column, or an entity or index cell is missing or unreadable (with its line).</exception>
    public static SequenceSet From(Table table, TableMetadata columns, SequenceMetadata sequence)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(sequence);
        if (sequence.EntityColumns.Count == 0)
            throw new SynthDataException("A sequence table needs at least one entity column.", table.SourcePath,
                hint: "Name the column whose value says whose history a row belongs to (a customer, device or symbol id).");
        foreach (var name in sequence.EntityColumns.Concat(sequence.ContextColumns).Append(sequence.IndexColumn).OfType<string>())
            if (!table.HasColumn(name) || columns.Find(name) is null)
                throw new SynthDataException($"The sequence column '{name}' is not a column of the table.", table.SourcePath,
                    hint: $"The table's columns are {string.Join(", ", table.ColumnNames)}.", columnName: name);

        var index = sequence.IndexColumn is { } indexName ? ReadIndex(table, columns.Find(indexName)!) : null;
        var entityColumns = sequence.EntityColumns.Select(table.IndexOf).ToArray();
        var rowsByEntity = new Dictionary<EntityKey, List<int>>();
        var order = new List<EntityKey>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var cells = new string[entityColumns.Length];
            for (var i = 0; i < entityColumns.Length; i++)
                cells[i] = table[row, entityColumns[i]] ?? throw new SynthDataException(
                    $"The entity column '{sequence.EntityColumns[i]}' is empty, so the row belongs to no sequence.",
                    table.SourcePath, table.SourceLine(row), entityColumns[i] + 1, "Fill the cell or drop the row.", sequence.EntityColumns[i]);
            var key = new EntityKey(cells);
            if (!rowsByEntity.TryGetValue(key, out var rows))
            {
                rowsByEntity[key] = rows = [];
                order.Add(key);
            }
            rows.Add(row);
        }

        var entities = order.Select(key =>
        {
            var rows = rowsByEntity[key];
            if (index is not null) rows = [.. rows.OrderBy(r => index[r]).ThenBy(r => r)];
            return new SequenceEntity(key.Cells, rows);
        }).ToList();
        return new SequenceSet(table, columns, sequence, entities);
    }

    private static double[] ReadIndex(Table table, ColumnMetadata column)
    {
        if (column.Kind is not (ColumnKind.DateTime or ColumnKind.Integer))
            throw new SynthDataException($"The sequence index '{column.Name}' is a {column.Kind} column; it must hold datetimes or integers.",
                table.SourcePath, hint: "Name a date/time or integer column that orders each entity's rows, or none for the file's order.", columnName: column.Name);
        var position = table.IndexOf(column.Name);
        var values = new double[table.RowCount];
        for (var row = 0; row < table.RowCount; row++)
        {
            var cell = table[row, position];
            if (cell is null || !ColumnValues.TryParse(cell, column, out values[row]))
                throw new SynthDataException(
                    cell is null ? $"The sequence index '{column.Name}' is empty, so the row's place in its sequence is unknown."
                        : $"The sequence index '{column.Name}' holds '{cell}', which is not a {(column.Kind == ColumnKind.DateTime ? "datetime" : "integer")}.",
                    table.SourcePath, table.SourceLine(row), position + 1, "Fill the cell with the step's time or number, or drop the row.", column.Name);
        }
        return values;
    }

    private sealed class EntityKey(string[] cells) : IEquatable<EntityKey>
    {
        public string[] Cells { get; } = cells;

        public bool Equals(EntityKey? other) => other is not null && Cells.AsSpan().SequenceEqual(other.Cells);

        public override bool Equals(object? obj) => Equals(obj as EntityKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var cell in Cells) hash.Add(cell, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}

/// <summary>One entity's history.</summary>
/// <param name="Key">The entity columns' cells, in <see cref="SequenceMetadata.EntityColumns"/> order.</param>
/// <param name="Rows">The entity's rows of <see cref="SequenceSet.Table"/>, in step order.</param>
public sealed record SequenceEntity(IReadOnlyList<string> Key, IReadOnlyList<int> Rows)
{
    /// <summary>Number of steps.</summary>
    public int Length => Rows.Count;
}
