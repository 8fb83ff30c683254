using SynthFixtures.Data;

namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// Checks relational metadata and the rows read with it before anything is learned: every key names known tables and
/// columns with matching column counts, the foreign keys can be ordered (<see cref="RelationalOrder"/>), primary keys
/// and referenced keys are complete and unique in the rows, and no child row references a parent row that does not
/// exist (an orphan). Every problem is a <see cref="SynthDataException"/> naming the table, key, value and rows.
/// </summary>
public static class RelationalValidator
{
    /// <summary>Checks the tables, keys and sum rules of <paramref name="metadata"/> against each other, and that its keys can be ordered.</summary>
    /// <param name="metadata">The metadata to check.</param>
    /// <param name="source">Names the metadata's origin in errors (a file, a database).</param>
    /// <exception cref="SynthDataException">A key or rule names an unknown table or column, a key's column counts differ, or the keys form a cycle no nullable key breaks.</exception>
    public static void Check(RelationalMetadata metadata, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (ShapeProblems(metadata).FirstOrDefault() is { } problem) throw new SynthDataException(problem.Message, source, hint: problem.Hint);
        _ = RelationalOrder.Of(metadata);
    }

    /// <summary>Checks the metadata (<see cref="Check(RelationalMetadata, string?)"/>) and then the rows: key uniqueness and orphans.</summary>
    /// <exception cref="SynthDataException">The metadata is inconsistent, a primary or referenced key is missing or repeated on some rows, or child rows reference no parent row.</exception>
    public static void Check(RelationalDataset dataset, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Check(dataset.Metadata, source);
        foreach (var (table, rows) in dataset.Tables)
            if (table.PrimaryKey.Count > 0) _ = UniqueKeys(table.Name, rows, table.PrimaryKey, "primary key", null);
        foreach (var key in dataset.Metadata.ForeignKeys)
        {
            var parent = dataset.Metadata.Table(key.ParentTable);
            var parentRows = dataset[key.ParentTable];
            var parentKeys = UniqueKeys(parent.Name, parentRows, key.ParentColumns, "referenced key", key);
            CheckOrphans(key, dataset[key.ChildTable], parentKeys);
        }
    }

    /// <summary>The problems of the metadata's shape, in file order (first is reported).</summary>
    internal static IEnumerable<RelationalProblem> ShapeProblems(RelationalMetadata metadata)
    {
        if (metadata.Tables.Count == 0)
            yield return new("The relational metadata lists no tables.", "Add at least one table.", "$.tables");
        var tables = new Dictionary<string, RelationalTable>(StringComparer.Ordinal);
        for (var t = 0; t < metadata.Tables.Count; t++)
        {
            var table = metadata.Tables[t];
            var at = $"$.tables[{t}]";
            if (!tables.TryAdd(table.Name, table))
                yield return new($"Two tables are named '{table.Name}'.", "Table names must be unique: remove or rename one.", at + ".name");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < table.Columns.Count; c++)
                if (!seen.Add(table.Columns[c].Name))
                    yield return new($"Table '{table.Name}' has two columns named '{table.Columns[c].Name}'.", "Column names must be unique within a table.", $"{at}.columns[{c}].name");
            for (var c = 0; c < table.PrimaryKey.Count; c++)
            {
                if (!seen.Contains(table.PrimaryKey[c]))
                    yield return new($"The primary key of '{table.Name}' names the unknown column '{table.PrimaryKey[c]}'.",
                        $"Use one of its columns: {string.Join(", ", table.Columns.Select(x => x.Name))}.", $"{at}.primaryKey[{c}]");
                if (table.PrimaryKey.Take(c).Contains(table.PrimaryKey[c], StringComparer.Ordinal))
                    yield return new($"The primary key of '{table.Name}' names '{table.PrimaryKey[c]}' twice.", "List each key column once.", $"{at}.primaryKey[{c}]");
            }
            if (table.Profile is { } profile && !profile.Columns.Select(p => p.Name).SequenceEqual(table.Columns.Select(x => x.Name), StringComparer.Ordinal))
                yield return new($"The profile of '{table.Name}' has columns ({string.Join(", ", profile.Columns.Select(p => p.Name))}) but the table has ({string.Join(", ", table.Columns.Select(x => x.Name))}).",
                    "Profile the table's own rows.", at);
        }
        var declared = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < metadata.ForeignKeys.Count; k++)
        {
            var key = metadata.ForeignKeys[k];
            var at = $"$.foreignKeys[{k}]";
            var child = tables.GetValueOrDefault(key.ChildTable);
            var parent = tables.GetValueOrDefault(key.ParentTable);
            if (child is null)
                yield return new($"Foreign key {key} names the unknown child table '{key.ChildTable}'.", $"Use one of the tables: {string.Join(", ", tables.Keys)}.", at + ".childTable");
            if (parent is null)
                yield return new($"Foreign key {key} names the unknown parent table '{key.ParentTable}'.", $"Use one of the tables: {string.Join(", ", tables.Keys)}.", at + ".parentTable");
            if (key.ChildColumns.Count != key.ParentColumns.Count)
                yield return new($"Foreign key {key} has {key.ChildColumns.Count} child column(s) but {key.ParentColumns.Count} parent column(s).",
                    "A foreign key pairs each child column with one parent column: list as many of each.", at + ".childColumns");
            foreach (var problem in UnknownColumns(child, key.ChildColumns, $"Foreign key {key}", at + ".childColumns"))
                yield return problem;
            foreach (var problem in UnknownColumns(parent, key.ParentColumns, $"Foreign key {key}", at + ".parentColumns"))
                yield return problem;
            if (!declared.Add($"{key.ChildTable}\u001f{string.Join('\u001f', key.ChildColumns)}\u001e{key.ParentTable}"))
                yield return new($"Foreign key {key} is declared twice.", "Remove one of them.", at);
        }
        for (var r = 0; r < metadata.SumRules.Count; r++)
        {
            var rule = metadata.SumRules[r];
            var at = $"$.sumRules[{r}]";
            if (!metadata.ForeignKeys.Any(k => RelationalOrder.SameKey(k, rule.Key)))
                yield return new($"Sum rule {rule} sums through {rule.Key}, which is not one of the foreign keys.", "Declare the key in \"foreignKeys\".", at + ".childColumns");
            foreach (var problem in UnknownColumns(tables.GetValueOrDefault(rule.Key.ParentTable), [rule.Column], $"Sum rule {rule}", at + ".column"))
                yield return problem;
            if (rule.Factors.Count == 0)
                yield return new($"Sum rule {rule} has no factors.", "Name the child column(s) whose product is summed.", at + ".factors");
            foreach (var problem in UnknownColumns(tables.GetValueOrDefault(rule.Key.ChildTable), rule.Factors, $"Sum rule {rule}", at + ".factors"))
                yield return problem;
        }
    }

    private static IEnumerable<RelationalProblem> UnknownColumns(RelationalTable? table, IReadOnlyList<string> columns, string what, string path)
    {
        if (table is null) yield break;
        for (var i = 0; i < columns.Count; i++)
            if (!table.Columns.Any(c => string.Equals(c.Name, columns[i], StringComparison.Ordinal)))
                yield return new($"{what} names the unknown column '{columns[i]}' of table '{table.Name}'.",
                    $"Use one of its columns: {string.Join(", ", table.Columns.Select(c => c.Name))}.", columns.Count == 1 && path.EndsWith(".column", StringComparison.Ordinal) ? path : $"{path}[{i}]");
    }

    // Complete and unique key tuples → their first row; a missing part or a repeat is an error.
    private static Dictionary<string, int> UniqueKeys(string tableName, Table rows, IReadOnlyList<string> columns, string what, ForeignKey? referencedBy)
    {
        var cells = columns.Select(rows.Column).ToArray();
        var firstRow = new Dictionary<string, int>(rows.RowCount, StringComparer.Ordinal);
        var named = columns.Count == 1 ? columns[0] : $"({string.Join(", ", columns)})";
        var why = referencedBy is null ? "" : $", which {referencedBy} references,";
        for (var row = 0; row < rows.RowCount; row++)
        {
            if (KeyTuple.Of(cells, row) is not { } tuple)
            {
                if (referencedBy is not null) continue; // a parent row without the referenced key can be referenced by no child
                throw new SynthDataException($"The {what} {named} of table '{tableName}' is missing on row {row + 1}.", rows.SourcePath, rows.SourceLine(row),
                    hint: "Every row needs a complete primary key: fill it in, or declare another key.");
            }
            if (firstRow.TryAdd(tuple, row)) continue;
            var first = firstRow[tuple];
            var repeats = Enumerable.Range(0, rows.RowCount).Where(r => KeyTuple.Of(cells, r) == tuple).ToList();
            throw new SynthDataException(
                $"The {what} {named} of table '{tableName}'{why} is not unique: {KeyTuple.Display(columns, tuple)} is on {repeats.Count} rows ({Rows(repeats)}).",
                rows.SourcePath, rows.SourceLine(first),
                hint: referencedBy is null ? "Remove the duplicate rows, or declare the columns that do identify a row." : "A foreign key must reference a unique key: point it at the parent's primary key.");
        }
        return firstRow;
    }

    private static void CheckOrphans(ForeignKey key, Table childRows, Dictionary<string, int> parentKeys)
    {
        var cells = key.ChildColumns.Select(childRows.Column).ToArray();
        var orphans = new List<int>();
        var values = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < childRows.RowCount; row++)
        {
            // A partly missing child key references nothing (SQL's MATCH SIMPLE), so it cannot be an orphan.
            if (KeyTuple.Of(cells, row) is not { } tuple || parentKeys.ContainsKey(tuple)) continue;
            orphans.Add(row);
            values[tuple] = values.GetValueOrDefault(tuple) + 1;
        }
        if (orphans.Count == 0) return;
        var examples = values.Take(5).Select(v => $"{KeyTuple.Display(key.ChildColumns, v.Key)} ({v.Value} row{(v.Value == 1 ? "" : "s")})");
        throw new SynthDataException(
            $"Foreign key {key}: {orphans.Count} row{(orphans.Count == 1 ? "" : "s")} of '{key.ChildTable}' reference no '{key.ParentTable}' row ({values.Count} distinct value{(values.Count == 1 ? "" : "s")}: {string.Join(", ", examples)}{(values.Count > 5 ? ", …" : "")}); first on row {orphans[0] + 1}.",
            childRows.SourcePath, childRows.SourceLine(orphans[0]),
            hint: "Remove the orphan rows or add their parents; or, if the column is not a reference, remove the foreign key from the metadata.");
    }

    private static string Rows(IReadOnlyList<int> rows) =>
        string.Join(", ", rows.Take(5).Select(r => (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))) + (rows.Count > 5 ? ", …" : "");
}
