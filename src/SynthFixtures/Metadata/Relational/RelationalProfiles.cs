using System.Globalization;
using SynthFixtures.Data;

namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// Gives every table of a relational source its column profile (<see cref="TableProfiler"/>), with one rule of its own:
/// key columns — the primary key and every foreign key's child columns — are <see cref="ColumnKind.Identifier"/>, so a
/// per-table model never learns them; a multi-table model generates primary keys and draws foreign keys from the
/// generated parent rows. A profile read from a JSON file is kept, its key columns set the same way.
/// </summary>
public static class RelationalProfiles
{
    /// <summary><paramref name="metadata"/> with each table's <see cref="RelationalTable.Profile"/> filled from its rows (kept if already set).</summary>
    public static RelationalMetadata Profile(RelationalMetadata metadata, IReadOnlyDictionary<string, Table> rows, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rows);
        return metadata with
        {
            Tables = metadata.Tables.Select(t => t with { Profile = KeysAsIdentifiers(metadata, t, t.Profile ?? TableProfiler.Profile(rows[t.Name], options)) }).ToList(),
        };
    }

    /// <summary>The portable SQL type a CSV column is created with: from its profiled kind, and for identifiers from whether every value is a whole number.</summary>
    public static string PortableType(ColumnMetadata column, IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(cells);
        return column.Kind switch
        {
            ColumnKind.Integer => "INTEGER",
            // NUMERIC, not REAL: a decimal column holds decimal text (prices, totals) that a float would round.
            ColumnKind.Decimal => "NUMERIC",
            ColumnKind.DateTime when column.DateTimeFormat is null || column.DateTimeFormat.StartsWith("yyyy-MM-dd", StringComparison.Ordinal) => "TIMESTAMP",
            ColumnKind.Identifier when cells.All(c => c is null || long.TryParse(CellText.Normalize(c), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) => "INTEGER",
            _ => "TEXT",
        };
    }

    private static TableMetadata KeysAsIdentifiers(RelationalMetadata metadata, RelationalTable table, TableMetadata profile)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in table.PrimaryKey) roles[name] = $"primary key of {table.Name}: generated, not learned";
        foreach (var key in metadata.KeysFrom(table.Name))
            foreach (var name in key.ChildColumns)
                roles[name] = (roles.TryGetValue(name, out var role) ? role + "; " : "") + $"foreign key → {key.ParentTable}({string.Join(", ", key.ParentColumns)}): drawn from the generated parent rows, not learned";
        return profile with
        {
            Columns = profile.Columns.Select(c => roles.TryGetValue(c.Name, out var why)
                ? c with { Kind = ColumnKind.Identifier, Pii = PiiKind.None, DateTimeFormat = null, DecimalPlaces = null, TextModel = null, Evidence = why }
                : c).ToList(),
            PrimaryKey = table.PrimaryKey.Count == 1 ? table.PrimaryKey[0] : null,
        };
    }
}
