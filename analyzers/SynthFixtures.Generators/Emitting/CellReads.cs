using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Emitting;

/// <summary>
/// The expression reading a bound property from one cell of a sampled table, for every emitter: the readers
/// (<c>LearnedRows</c>, <c>DatabaseRows</c>, <c>LearnedSequences</c>) share their typed accessors, each taking the
/// cell's position as its leading arguments, and differ only in whether they read decimals and GUIDs themselves.
/// </summary>
internal static class CellReads
{
    /// <param name="p">The bound property.</param>
    /// <param name="b">Its binding (how its column is read, whether the column has missing cells).</param>
    /// <param name="reader">The stream's field holding the reader, e.g. <c>_rows</c>.</param>
    /// <param name="at">The accessor arguments naming the cell, e.g. <c>row, _ageColumn</c>.</param>
    /// <param name="labels">The field holding an enum property's map from labels to members.</param>
    /// <param name="readsDecimal">Whether the reader has a <c>Decimal</c> accessor; without one the number is cast.</param>
    /// <param name="readsGuid">Whether the reader has a <c>Guid</c> accessor; without one the text is parsed.</param>
    public static string Read(PropertySpec p, PropertyBinding b, string reader, string at, string labels, bool readsDecimal, bool readsGuid)
    {
        var value = b.Read switch
        {
            ColumnRead.Integer => $"checked(({p.TypeName}){reader}.Integer({at}))",
            ColumnRead.Number => $"({p.TypeName}){reader}.Number({at})",
            ColumnRead.Decimal => readsDecimal ? $"{reader}.Decimal({at})" : $"(decimal){reader}.Number({at})",
            ColumnRead.Boolean => $"{reader}.Boolean({at})",
            ColumnRead.Text => $"{reader}.Text({at}){(b.ColumnHasMissing ? "" : "!")}",
            ColumnRead.DateTime => $"{reader}.DateTime({at})",
            ColumnRead.DateOnly => $"global::System.DateOnly.FromDateTime({reader}.DateTime({at}))",
            ColumnRead.DateTimeOffset => $"new global::System.DateTimeOffset(global::System.DateTime.SpecifyKind({reader}.DateTime({at}), global::System.DateTimeKind.Utc))",
            ColumnRead.Guid => readsGuid ? $"{reader}.Guid({at})" : $"global::System.Guid.Parse({reader}.Text({at})!)",
            _ => $"{labels}[{reader}.Text({at})!]",
        };
        if (!b.ColumnHasMissing || b.Read == ColumnRead.Text) return value;
        return $"{reader}.IsMissing({at}) ? null : ({p.TypeName}?){value}";
    }
}
