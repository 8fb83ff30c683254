using SynthFixtures.Data;

namespace SynthFixtures.Metadata;

/// <summary>
/// Infers a table's metadata from its cells: each column's <see cref="ColumnKind"/> with the evidence for it,
/// decimal places, datetime formats, personal data (<see cref="PiiDetector"/>) and the primary key. The result is a
/// starting point for a user to review and edit (see <see cref="MetadataJson"/>).
/// </summary>
/// <remarks>
/// Thresholds (all in <see cref="ProfileOptions"/>): a number column needs 95 % of values to parse (the rest are bad
/// cells, read as missing by <c>TableCheck</c>); a datetime needs 99 % to parse with one format; a string column is
/// categorical when labels occur twice on average and either 80 % of values have a repeated label or there are at most
/// 50 labels; integer columns are identifiers when unique and id-named (or unique and consecutive over ≥ 10 rows);
/// personal data needs 80 % of values to match. Strings that are neither categories nor identifiers are text.
/// </remarks>
public static class TableProfiler
{
    /// <summary>Profiles every column of <paramref name="table"/>.</summary>
    public static TableMetadata Profile(Table table, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= ProfileOptions.Default;
        var columns = new ColumnMetadata[table.ColumnCount];
        for (var i = 0; i < columns.Length; i++)
            columns[i] = ColumnProfiler.Profile(table.ColumnNames[i], table.Column(i), options);
        return new TableMetadata { Columns = columns, PrimaryKey = PrimaryKey(table, columns) };
    }

    // The first complete identifier whose name looks like an id, else an identifier in the first column (a bare row number).
    private static string? PrimaryKey(Table table, IReadOnlyList<ColumnMetadata> columns)
    {
        bool Complete(int i) => columns[i].Kind == ColumnKind.Identifier && table.Column(i).All(cell => cell is not null);
        for (var i = 0; i < columns.Count; i++)
            if (Complete(i) && ColumnNames.LooksLikeId(columns[i].Name)) return columns[i].Name;
        return columns.Count > 0 && Complete(0) ? columns[0].Name : null;
    }
}
