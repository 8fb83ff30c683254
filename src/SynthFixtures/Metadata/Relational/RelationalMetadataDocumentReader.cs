namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// Turns the deserialized relational JSON into <see cref="RelationalMetadata"/>, checking what the serializer cannot:
/// required fields and their types. Names that must match (a key's columns, a rule's table) are checked afterwards by
/// <see cref="RelationalValidator"/>, whose problems carry the same JSON paths.
/// </summary>
internal static class RelationalMetadataDocumentReader
{
    public static RelationalMetadata ToMetadata(RelationalMetadataDocument? document, string? source, JsonPositions positions)
    {
        SynthDataException Error(string message, string hint, params string[] paths)
        {
            var at = positions.FindFirst([.. paths, "$"]);
            return new SynthDataException(message, source, at?.Line, at?.Column, hint);
        }

        IReadOnlyList<string> Names(List<string?>? names, string what, string path, string hint)
        {
            if (names is null || names.Count == 0) throw Error($"{what} lists no columns.", hint, path, Up(path));
            for (var i = 0; i < names.Count; i++)
                if (string.IsNullOrWhiteSpace(names[i])) throw Error($"{what} has an empty column name at position {i + 1}.", hint, $"{path}[{i}]", path);
            return names.Select(n => n!).ToList();
        }

        if (document?.Tables is not { } tableDocuments)
            throw Error("The relational metadata has no \"tables\" array.",
                "Add \"tables\": [ { \"name\": \"Customer\", \"primaryKey\": [\"CustomerId\"], \"columns\": [ … ] }, … ].", "$");
        var tables = new List<RelationalTable>(tableDocuments.Count);
        for (var t = 0; t < tableDocuments.Count; t++)
        {
            var at = $"$.tables[{t}]";
            var table = tableDocuments[t] ?? throw Error($"Table {t + 1} is null.", "Each table is an object with a name and columns.", at);
            if (string.IsNullOrWhiteSpace(table.Name))
                throw Error($"Table {t + 1} has no name.", "Give it \"name\": the database table, or the CSV file's name without extension.", at + ".name", at);
            if (table.Columns is not { Count: > 0 } columnDocuments)
                throw Error($"Table '{table.Name}' has no columns.", "Add \"columns\": [ { \"name\": \"Id\", \"type\": \"INTEGER\", \"nullable\": false }, … ].", at + ".columns", at);
            var primaryKey = table.PrimaryKey is null or { Count: 0 } ? [] : Names(table.PrimaryKey, $"The primary key of '{table.Name}'", at + ".primaryKey",
                "List the key's column names, or write [] for a table without one.");
            var columns = new List<SqlColumn>(columnDocuments.Count);
            for (var c = 0; c < columnDocuments.Count; c++)
            {
                var columnAt = $"{at}.columns[{c}]";
                var column = columnDocuments[c] ?? throw Error($"Column {c + 1} of '{table.Name}' is null.", "Each column is an object with a name.", columnAt);
                if (string.IsNullOrWhiteSpace(column.Name))
                    throw Error($"Column {c + 1} of '{table.Name}' has no name.", "Give it \"name\".", columnAt + ".name", columnAt);
                // Hand-written tables may leave the SQL shape out: text, and nullable unless part of the primary key.
                columns.Add(new SqlColumn(column.Name, string.IsNullOrWhiteSpace(column.Type) ? "TEXT" : column.Type.Trim(),
                    column.Nullable ?? !primaryKey.Contains(column.Name, StringComparer.Ordinal)));
            }
            tables.Add(new RelationalTable
            {
                Name = table.Name,
                PrimaryKey = primaryKey,
                Columns = columns,
                Evidence = table.Evidence,
                Profile = columnDocuments.Any(c => c!.Kind is not null) ? Profile(table, primaryKey, source, positions, at) : null,
            });
        }

        var keys = new List<ForeignKey>();
        for (var k = 0; k < (document.ForeignKeys?.Count ?? 0); k++)
        {
            var at = $"$.foreignKeys[{k}]";
            var key = document.ForeignKeys![k] ?? throw Error($"Foreign key {k + 1} is null.", "Each foreign key is an object.", at);
            const string shape = "A foreign key has childTable, childColumns, parentTable and parentColumns.";
            if (string.IsNullOrWhiteSpace(key.ChildTable)) throw Error($"Foreign key {k + 1} has no childTable.", shape, at + ".childTable", at);
            if (string.IsNullOrWhiteSpace(key.ParentTable)) throw Error($"Foreign key {k + 1} has no parentTable.", shape, at + ".parentTable", at);
            keys.Add(new ForeignKey
            {
                ChildTable = key.ChildTable,
                ChildColumns = Names(key.ChildColumns, $"Foreign key {k + 1}'s childColumns", at + ".childColumns", shape),
                ParentTable = key.ParentTable,
                ParentColumns = Names(key.ParentColumns, $"Foreign key {k + 1}'s parentColumns", at + ".parentColumns", shape),
                Evidence = key.Evidence,
            });
        }

        var rules = new List<ChildSumRule>();
        for (var r = 0; r < (document.SumRules?.Count ?? 0); r++)
        {
            var at = $"$.sumRules[{r}]";
            var rule = document.SumRules![r] ?? throw Error($"Sum rule {r + 1} is null.", "Each sum rule is an object.", at);
            const string shape = "A sum rule has table, column (the parent's total), childTable, childColumns (the key to the parent) and factors (child columns multiplied per row).";
            if (string.IsNullOrWhiteSpace(rule.Table)) throw Error($"Sum rule {r + 1} has no table.", shape, at + ".table", at);
            if (string.IsNullOrWhiteSpace(rule.Column)) throw Error($"Sum rule {r + 1} has no column.", shape, at + ".column", at);
            if (string.IsNullOrWhiteSpace(rule.ChildTable)) throw Error($"Sum rule {r + 1} has no childTable.", shape, at + ".childTable", at);
            var childColumns = Names(rule.ChildColumns, $"Sum rule {r + 1}'s childColumns", at + ".childColumns", shape);
            var factors = Names(rule.Factors, $"Sum rule {r + 1}'s factors", at + ".factors", shape);
            var key = keys.FirstOrDefault(k => k.ChildTable == rule.ChildTable && k.ParentTable == rule.Table && k.ChildColumns.SequenceEqual(childColumns))
                ?? throw Error($"Sum rule {r + 1} sums {rule.Table}.{rule.Column} over {rule.ChildTable}({string.Join(", ", childColumns)}), but no foreign key goes from there to {rule.Table}.",
                    "Declare that foreign key in \"foreignKeys\", or name the child columns of one that is.", at + ".childColumns", at);
            rules.Add(new ChildSumRule { Column = rule.Column, Key = key, Factors = factors });
        }

        return new RelationalMetadata
        {
            SchemaVersion = document.SchemaVersion ?? RelationalMetadata.CurrentSchemaVersion,
            Tables = tables,
            ForeignKeys = keys,
            SumRules = rules,
        };
    }

    // The single-table metadata reader checks kinds, formats and pii exactly as it does for a metadata file.
    private static TableMetadata Profile(RelationalTableDocument table, IReadOnlyList<string> primaryKey, string? source, JsonPositions positions, string at) =>
        MetadataDocumentReader.ToMetadata(new MetadataDocument
        {
            Columns = table.Columns!.Select(c => (ColumnDocument?)c).ToList(),
            PrimaryKey = primaryKey.Count == 1 && table.Columns!.Any(c => c!.Name == primaryKey[0]) ? primaryKey[0] : null,
        }, source, positions, at);

    private static string Up(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "$";
    }
}
