using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>Computes a database's <see cref="DatabaseDiagnostics"/>: referential integrity per foreign key and uniqueness per key.</summary>
internal static class KeyDiagnostics
{
    /// <summary>The checks of the tables in <paramref name="tables"/> against the keys <paramref name="metadata"/> declares; keys whose table or columns are absent are left out (the relationship says why).</summary>
    public static DatabaseDiagnostics Evaluate(RelationalMetadata metadata, IReadOnlyDictionary<string, Table> tables, int listed)
    {
        var integrity = new List<ReferentialIntegrity>();
        foreach (var key in metadata.ForeignKeys)
        {
            if (!tables.TryGetValue(key.ChildTable, out var child) || !tables.TryGetValue(key.ParentTable, out var parent)) continue;
            if (!KeyValues.Has(child, key.ChildColumns) || !KeyValues.Has(parent, key.ParentColumns)) continue;
            integrity.Add(Integrity(key, ParentKeys.Of(parent, key.ParentColumns), child, listed));
        }

        var uniqueness = new List<KeyUniqueness>();
        var checkedKeys = new HashSet<string>(StringComparer.Ordinal);
        void Check(string tableName, IReadOnlyList<string> columns, bool isPrimary)
        {
            if (columns.Count == 0 || !checkedKeys.Add(tableName + "\u001F" + string.Join("\u001F", columns))) return;
            if (!tables.TryGetValue(tableName, out var table) || !KeyValues.Has(table, columns)) return;
            uniqueness.Add(Uniqueness(tableName, columns, isPrimary, table, listed));
        }
        foreach (var table in metadata.Tables) Check(table.Name, table.PrimaryKey, isPrimary: true);
        foreach (var key in metadata.ForeignKeys)
            Check(key.ParentTable, key.ParentColumns, metadata.Table(key.ParentTable).PrimaryKey.SequenceEqual(key.ParentColumns, StringComparer.Ordinal));
        return new DatabaseDiagnostics { Integrity = integrity, Uniqueness = uniqueness };
    }

    /// <summary>How many child rows reference an existing parent, and the orphan values.</summary>
    public static ReferentialIntegrity Integrity(ForeignKey key, ParentKeys parents, Table child, int listed)
    {
        var values = 0;
        var matched = 0;
        var orphans = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in KeyValues.Of(child, key.ChildColumns))
        {
            if (value is null) continue;
            values++;
            if (parents.Find(value) >= 0) matched++;
            else orphans[value] = orphans.GetValueOrDefault(value) + 1;
        }
        return new ReferentialIntegrity(key, values, matched, orphans.Count, MostRows(orphans, listed));
    }

    private static KeyUniqueness Uniqueness(string tableName, IReadOnlyList<string> columns, bool isPrimary, Table table, int listed)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var value in KeyValues.Of(table, columns))
        {
            if (value is null) missing++;
            else counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        var repeated = counts.Where(c => c.Value > 1).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var duplicateRows = repeated.Values.Sum(n => n - 1);
        return new KeyUniqueness(tableName, columns.ToArray(), isPrimary, table.RowCount, missing, duplicateRows, repeated.Count,
            MostRows(repeated, listed));
    }

    // Most rows first, ties by value (ordinal), so the listing is the same on every run.
    private static KeyCount[] MostRows(Dictionary<string, int> counts, int listed) => counts
        .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(listed)
        .Select(c => new KeyCount(KeyValues.Display(c.Key), c.Value)).ToArray();
}
