using System.Globalization;
using SynthFixtures.Data;

namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// Finds primary and foreign keys among tables that declare none (a folder of CSVs), by name and by the values:
/// <list type="bullet">
/// <item>a primary key is a complete, unique column named <c>Id</c>, <c>&lt;Table&gt;Id</c> or <c>&lt;table&gt;_id</c>
/// (a plural table name also matches its singular), or after the last word of a compound name (<c>order_lines.line_id</c>)
/// when no other table is named by it;</item>
/// <item>a foreign key is a column of another table named like that primary key (<c>Invoice.CustomerId</c> →
/// <c>Customer.CustomerId</c>, <c>orders.customer_id</c> → <c>customers.id</c>) whose non-missing values are all
/// found among the key's values;</item>
/// <item>a table without a primary key of its own whose foreign key columns are complete and unique together (a link
/// table such as <c>PlaylistTrack</c>) gets them as a composite primary key;</item>
/// <item>a column named by a role rather than a table references its own table when the role is a link up a hierarchy
/// (<c>Employee.ReportsTo</c>, <c>parent_id</c>), or the one other table of people when it is a person's role
/// (<c>Customer.SupportRepId</c> → <c>Employee</c>), again only when all its values are found in that key.</item>
/// </list>
/// Each key carries its evidence (the name rule, the containment share, the distinct values). A column named like a key
/// that no rule places is listed in the notes, for the JSON to declare.
/// </summary>
public static class RelationalKeyDetector
{
    /// <summary>The keys of <paramref name="tables"/> (name → rows, in the order given), with notes on what was left undecided.</summary>
    public static (RelationalMetadata Metadata, IReadOnlyList<string> Notes) Detect(IReadOnlyList<(string Name, Table Rows)> tables, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var c = CultureInfo.InvariantCulture;
        var profiles = tables.Select(t => TableProfiler.Profile(t.Rows, options)).ToList();
        var primaryKeys = new List<string?>(tables.Count);
        var pkEvidence = new List<string?>(tables.Count);
        var pkValues = new List<HashSet<string>?>(tables.Count);
        var otherTablesIds = tables.Select(t => IdNames(t.Name).Where(n => n != "id").ToHashSet(StringComparer.Ordinal)).ToList();
        foreach (var (name, rows) in tables)
        {
            var names = IdNames(name);
            // A compound name's last word names the row too (order_lines.line_id), unless that is another table's id
            // (PlaylistTrack.TrackId references Track even when it happens to be unique).
            var lastWord = IdNames(LastWord(name)).Where(n => n != "id" && !names.Contains(n)
                && !otherTablesIds.Where((_, i) => tables[i].Name != name).Any(ids => ids.Contains(n))).ToHashSet(StringComparer.Ordinal);
            var key = rows.ColumnNames.Where(column => names.Contains(Letters(column)) || lastWord.Contains(Letters(column)))
                .OrderBy(column => Letters(column) == "id" ? 2 : lastWord.Contains(Letters(column)) ? 1 : 0)
                .FirstOrDefault(column => Distinct(rows.Column(column)) is { } d && d.Count == rows.RowCount && rows.RowCount > 0);
            primaryKeys.Add(key);
            pkValues.Add(key is null ? null : Distinct(rows.Column(key)));
            var rule = key is not null && lastWord.Contains(Letters(key)) ? $"named like an id of the last word of {name}" : $"named like an id of {name}";
            pkEvidence.Add(key is null ? null : string.Create(c, $"primary key {key}: {rule}; {rows.RowCount:N0} rows, all present, all distinct"));
        }

        var keys = new List<ForeignKey>();
        var notes = new List<string>();
        for (var t = 0; t < tables.Count; t++)
        {
            var (name, rows) = tables[t];
            foreach (var column in rows.ColumnNames)
            {
                if (column == primaryKeys[t]) continue;
                var letters = Letters(column);
                var found = false;
                for (var p = 0; p < tables.Count && !found; p++)
                {
                    if (p == t || primaryKeys[p] is not { } parentKey) continue;
                    var parentName = tables[p].Name;
                    var byKeyName = Letters(parentKey) is var keyLetters && keyLetters != "id" && keyLetters == letters;
                    if (!byKeyName && !IdNames(parentName).Where(n => n != "id").Contains(letters)) continue;
                    var values = rows.Column(column).Where(v => v is not null).Select(v => CellText.Normalize(v!)).ToList();
                    if (values.Count == 0) continue;
                    var contained = values.Count(pkValues[p]!.Contains);
                    var distinct = values.Distinct(StringComparer.Ordinal).Count();
                    var rule = byKeyName ? $"named like {parentName}.{parentKey}" : $"named like an id of {parentName}";
                    var share = 100.0 * contained / values.Count;
                    if (contained < values.Count)
                    {
                        notes.Add(string.Create(c, $"{name}.{column} is {rule}, but only {contained:N0} of its {values.Count:N0} values ({share:0.#} %) are found in {parentName}.{parentKey}: not taken as a foreign key."));
                        continue;
                    }
                    keys.Add(new ForeignKey
                    {
                        ChildTable = name, ChildColumns = [column], ParentTable = parentName, ParentColumns = [parentKey],
                        Evidence = string.Create(c, $"{rule}; {values.Count:N0} of {values.Count:N0} non-missing values (100 %, {distinct:N0} distinct of the parent's {pkValues[p]!.Count:N0}) found in {parentName}.{parentKey}"),
                    });
                    found = true;
                }
                if (!found && RoleReference(tables, t, column, primaryKeys, pkValues, profiles) is { } role)
                {
                    keys.Add(role);
                    found = true;
                }
                if (!found && ColumnNames.LooksLikeId(column) && !notes.Any(n => n.StartsWith($"{name}.{column} ", StringComparison.Ordinal)))
                    notes.Add($"{name}.{column} is named like a key, but no table has a primary key of that name: name rules cannot tell which table it references. Declare it in the relational metadata JSON if it is a foreign key.");
            }
        }

        var result = new List<RelationalTable>(tables.Count);
        for (var t = 0; t < tables.Count; t++)
        {
            var (name, rows) = tables[t];
            IReadOnlyList<string> primaryKey = primaryKeys[t] is { } single ? [single] : [];
            var evidence = pkEvidence[t];
            var ownKeys = keys.Where(k => k.ChildTable == name).SelectMany(k => k.ChildColumns).Distinct().ToList();
            if (primaryKey.Count == 0 && ownKeys.Count >= 2 && UniqueTogether(rows, ownKeys))
            {
                primaryKey = ownKeys;
                evidence = string.Create(c, $"primary key ({string.Join(", ", ownKeys)}): the table's foreign key columns, all present and distinct together over {rows.RowCount:N0} rows (a link table)");
            }
            if (primaryKey.Count == 0) notes.Add($"{name} has no column named like its id that is complete and unique: it has no primary key.");
            var profile = profiles[t];
            result.Add(new RelationalTable
            {
                Name = name,
                PrimaryKey = primaryKey,
                Columns = profile.Columns.Select((col, i) => new SqlColumn(col.Name, RelationalProfiles.PortableType(col, rows.Column(i)),
                    !primaryKey.Contains(col.Name, StringComparer.Ordinal) && rows.Column(i).Any(v => v is null))).ToList(),
                Evidence = evidence,
            });
        }
        return (new RelationalMetadata { Tables = result, ForeignKeys = keys }, notes);
    }

    /// <summary>
    /// A column named by the role of what it references rather than by a table: a link up a hierarchy (<c>ReportsTo</c>,
    /// <c>ManagerId</c>, <c>parent_id</c>) references its own table; a person's role (<c>SupportRepId</c>, <c>owner_id</c>)
    /// references the one other table of people (a table with a column of personal names, or named employees, users, staff,
    /// …). Taken only when every non-missing value is found among that table's primary key values and the column has
    /// at least two distinct values; a role matching several tables of people is left to the notes.
    /// </summary>
    private static ForeignKey? RoleReference(IReadOnlyList<(string Name, Table Rows)> tables, int t, string column,
        IReadOnlyList<string?> primaryKeys, IReadOnlyList<HashSet<string>?> pkValues, IReadOnlyList<TableMetadata> profiles)
    {
        var letters = Letters(column);
        var rows = tables[t].Rows;
        var values = rows.Column(column).Where(v => v is not null).Select(v => CellText.Normalize(v!)).ToList();
        var distinct = values.Distinct(StringComparer.Ordinal).Count();
        if (distinct < 2) return null;
        bool Holds(int p) => primaryKeys[p] is not null && values.All(pkValues[p]!.Contains);
        string Containment(int p) => string.Create(CultureInfo.InvariantCulture,
            $"{values.Count:N0} of {values.Count:N0} non-missing values (100 %, {distinct:N0} distinct of the parent's {pkValues[p]!.Count:N0}) found in {tables[p].Name}.{primaryKeys[p]}");
        ForeignKey Key(int p, string rule) => new()
        {
            ChildTable = tables[t].Name, ChildColumns = [column], ParentTable = tables[p].Name, ParentColumns = [primaryKeys[p]!],
            Evidence = $"{rule}; {Containment(p)}",
        };

        if (HierarchyWords.Any(w => letters == w || letters == w + "id") && column != primaryKeys[t] && Holds(t))
            return Key(t, $"named like a link up a hierarchy ({column}): a self-reference");
        var role = PersonRoles.FirstOrDefault(r => letters.EndsWith(r + "id", StringComparison.Ordinal) || letters == r);
        if (role is null) return null;
        var people = Enumerable.Range(0, tables.Count).Where(p => p != t && IsPeople(tables[p].Name, profiles[p]) && Holds(p)).ToList();
        return people.Count == 1
            ? Key(people[0], $"named like a person's role ({role}), and {tables[people[0]].Name} is the only other table of people whose key holds its values")
            : null;
    }

    // Words that name the row above in a tree of rows of the same table.
    private static readonly string[] HierarchyWords = ["reportsto", "manager", "supervisor", "boss", "parent"];

    // Words that name a person by the part they play for the row (letters only, as Letters writes them).
    private static readonly string[] PersonRoles =
        ["rep", "representative", "agent", "manager", "supervisor", "employee", "staff", "salesperson", "owner", "assignee", "reviewer", "approver", "creator", "author"];

    // Table names (singular, letters only) of people.
    private static readonly string[] PeopleNouns = ["employee", "staff", "user", "person", "people", "member", "agent", "customer", "client", "contact"];

    private static bool IsPeople(string table, TableMetadata profile)
    {
        var letters = Letters(table);
        return profile.Columns.Any(c => c.Pii == PiiKind.PersonName)
            || PeopleNouns.Any(n => letters == n || letters == n + "s" || letters == n + "es");
    }

    // The last word of a snake_case, spaced or CamelCase name: order_lines → lines, InvoiceLine → Line.
    private static string LastWord(string name)
    {
        var end = name.Length;
        while (end > 0 && !char.IsLetterOrDigit(name[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetterOrDigit(name[start - 1]))
        {
            start--;
            if (start > 0 && char.IsUpper(name[start]) && char.IsLower(name[start - 1])) break;
        }
        return name[start..end];
    }

    // Lower-case letters and digits only: CustomerId, customer_id and "Customer ID" all read "customerid".
    private static string Letters(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static HashSet<string> IdNames(string table)
    {
        var letters = Letters(table);
        var names = new HashSet<string>(StringComparer.Ordinal) { "id", letters + "id" };
        if (letters.EndsWith("ies", StringComparison.Ordinal)) names.Add(letters[..^3] + "yid");
        if (letters.EndsWith("es", StringComparison.Ordinal)) names.Add(letters[..^2] + "id");
        if (letters.EndsWith('s')) names.Add(letters[..^1] + "id");
        return names;
    }

    // The distinct values of a complete column, or null when a value is missing.
    private static HashSet<string>? Distinct(IReadOnlyList<string?> cells)
    {
        var set = new HashSet<string>(cells.Count, StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            if (cell is null) return null;
            set.Add(CellText.Normalize(cell));
        }
        return set;
    }

    private static bool UniqueTogether(Table rows, IReadOnlyList<string> columns)
    {
        var cells = columns.Select(rows.Column).ToArray();
        var seen = new HashSet<string>(rows.RowCount, StringComparer.Ordinal);
        for (var row = 0; row < rows.RowCount; row++)
            if (KeyTuple.Of(cells, row) is not { } tuple || !seen.Add(tuple)) return false;
        return true;
    }
}
