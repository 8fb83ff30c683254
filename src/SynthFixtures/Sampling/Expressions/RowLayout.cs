using SynthFixtures.Metadata;

namespace SynthFixtures.Sampling.Expressions;

/// <summary>How rows store one column: numbers (NaN missing), codes into a label list, or text cells.</summary>
internal enum SlotForm
{
    /// <summary>Numbers of a numeric or datetime column (datetimes as seconds since 0001-01-01), NaN for missing.</summary>
    Number,
    /// <summary>Codes into <see cref="ColumnSlot.Labels"/> (a categorical or boolean column); a <c>null</c> label is missing.</summary>
    Code,
    /// <summary>Text cells of a generated column; <c>null</c> is missing.</summary>
    Text,
}

/// <summary>Where rows keep one column: its slot in the row buffers, in which form, and its labels for codes.</summary>
/// <param name="Column">The column's metadata.</param>
/// <param name="Slot">Index into the numbers, codes or texts buffers.</param>
/// <param name="Form">Which buffer holds it.</param>
/// <param name="Labels">The labels codes index (codes only).</param>
internal sealed record ColumnSlot(ColumnMetadata Column, int Slot, SlotForm Form, IReadOnlyList<string?>? Labels = null);

/// <summary>
/// How rows hold the columns an expression may name: a model's drawn blocks (learned columns only, in the model's own
/// slots) or a <see cref="SampledTable"/> (every column, slot = metadata position). A column without a slot cannot be
/// named; <see cref="Unavailable"/> says why.
/// </summary>
/// <param name="Metadata">The schema, for known names and messages.</param>
/// <param name="Slots">By column name.</param>
/// <param name="Unavailable">Why a column of the schema that has no slot cannot be named (generated, learned text), by name.</param>
internal sealed record RowLayout(TableMetadata Metadata, IReadOnlyDictionary<string, ColumnSlot> Slots, IReadOnlyDictionary<string, string> Unavailable)
{
    /// <summary>The layout of a sampled table: every column at its metadata position, in the form the table holds it.</summary>
    public static RowLayout Of(SampledTable table)
    {
        var slots = new Dictionary<string, ColumnSlot>(StringComparer.Ordinal);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            slots[column.Metadata.Name] = column.Numbers is not null ? new ColumnSlot(column.Metadata, i, SlotForm.Number)
                : column.Codes is not null ? new ColumnSlot(column.Metadata, i, SlotForm.Code, column.Categories)
                : new ColumnSlot(column.Metadata, i, SlotForm.Text);
        }
        return new RowLayout(table.Metadata, slots, new Dictionary<string, string>());
    }
}

/// <summary>The row buffers an expression reads: per slot, numbers, codes or texts (one of them set per slot).</summary>
/// <param name="Numbers">Numbers by slot.</param>
/// <param name="Codes">Codes by slot.</param>
/// <param name="Texts">Text cells by slot.</param>
internal readonly record struct RowBuffers(double[]?[] Numbers, int[]?[] Codes, string?[]?[] Texts)
{
    /// <summary>The buffers of a sampled table, slot = metadata position.</summary>
    public static RowBuffers Of(SampledTable table) => new(
        table.Columns.Select(c => c.Numbers).ToArray(),
        table.Columns.Select(c => c.Codes).ToArray(),
        table.Columns.Select(c => c.Texts).ToArray());
}
