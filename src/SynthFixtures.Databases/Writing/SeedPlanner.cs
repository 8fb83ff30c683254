using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// Decides, before anything is written, how each table is seeded: created from the dataset's declared types, or filled
/// when it exists and matches; and refuses with the table and column named when an existing table does not match or
/// holds rows the mode does not allow.
/// </summary>
internal static class SeedPlanner
{
    /// <summary>One plan per dataset table, parents first.</summary>
    /// <exception cref="SynthDataException">A table is missing and may not be created, does not match, or holds rows under <see cref="SeedMode.IntoEmpty"/>.</exception>
    public static async Task<IReadOnlyList<TablePlan>> PlanAsync(RelationalDataset data, SeedSession session, SeedOptions options,
        string display, CancellationToken ct)
    {
        var plans = new List<TablePlan>();
        var holdingRows = new List<string>();
        foreach (var table in SeedOrder.ParentsFirst(data.Metadata))
        {
            var rows = data[table.Name];
            var existing = await session.FindTableAsync(table.Name, ct).ConfigureAwait(false);
            if (existing is null)
            {
                if (!options.CreateMissingTables)
                    throw new SynthDataException($"Table '{table.Name}' does not exist in {display}, and this seed only fills existing tables.",
                        hint: "Create the table first, or let the seed create missing tables.");
                plans.Add(ForCreate(table, rows, session));
                continue;
            }
            plans.Add(ForExisting(table, rows, existing, session, display));
            if (options.Mode == SeedMode.IntoEmpty && await session.HasRowsAsync(existing.Name, ct).ConfigureAwait(false))
                holdingRows.Add(existing.Name);
        }
        if (holdingRows.Count > 0)
            throw new SynthDataException(
                $"{Describe(holdingRows)} in {display} already {(holdingRows.Count == 1 ? "holds" : "hold")} rows; nothing was written.",
                hint: "Choose truncate to empty the seeded tables first, or append to add to their rows.");
        return plans;
    }

    private static TablePlan ForCreate(RelationalTable table, SynthFixtures.Data.Table rows, SeedSession session)
    {
        var specs = new List<ColumnSpec>(table.Columns.Count);
        var types = new List<string>(table.Columns.Count);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var declared = DeclaredType.Parse(column.DeclaredType, table.Name, column.Name);
            var (sqlType, kind, maxLength) = session.CreateType(column.DeclaredType, declared, rows.Column(i));
            specs.Add(new ColumnSpec(column.Name, column.Name, kind, sqlType.Length > 0 ? sqlType : "(no type)", maxLength, Format(table, column.Name)));
            types.Add(sqlType);
        }
        return new TablePlan(table, rows, table.Name, specs, types);
    }

    private static TablePlan ForExisting(RelationalTable table, SynthFixtures.Data.Table rows, ExistingTable existing, SeedSession session,
        string display)
    {
        var specs = new List<ColumnSpec>(table.Columns.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            var target = existing.Columns.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.Ordinal))
                ?? existing.Columns.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw Mismatch(table, existing, display, $"it has no column '{column.Name}'",
                    $"Its columns are: {string.Join(", ", existing.Columns.Select(c => c.Name))}.");
            used.Add(target.Name);
            var writable = session.ExistingType(target.TypeName)
                ?? throw Mismatch(table, existing, display, $"its column '{target.Name}' has type {target.TypeName}, which the seeder does not write",
                    "Seed into a column of a numeric, text, boolean, date/time or uuid type.");
            var declared = DeclaredType.Parse(column.DeclaredType, table.Name, column.Name);
            var declaredKind = PostgreSqlTypes.Writable(PostgreSqlTypes.ForDeclared(declared, []))!.Value.Kind;
            if (!ValueKinds.Fits(declaredKind, writable.Kind))
                throw Mismatch(table, existing, display,
                    $"its column '{target.Name}' is {target.TypeName} but the data declare it {(column.DeclaredType.Length > 0 ? column.DeclaredType : "untyped")}",
                    "Seed into a database whose columns hold the data's types, or let the seed create the table.");
            specs.Add(new ColumnSpec(column.Name, target.Name, writable.Kind, target.TypeName, writable.MaxLength, Format(table, column.Name)));
        }
        if (existing.Columns.FirstOrDefault(c => c.Required && !used.Contains(c.Name)) is { } required)
            throw Mismatch(table, existing, display, $"it requires column '{required.Name}' (NOT NULL, no default), which the data do not have",
                "Give the column a default or make it nullable, or seed into a table without it.");
        return new TablePlan(table, rows, existing.Name, specs, null);
    }

    private static string? Format(RelationalTable table, string column) => table.Profile?.Find(column)?.DateTimeFormat;

    private static SynthDataException Mismatch(RelationalTable table, ExistingTable existing, string display, string problem, string hint) =>
        new($"Table '{existing.Name}' in {display} does not match the data's table '{table.Name}': {problem}. Nothing was written.", hint: hint);

    private static string Describe(IReadOnlyList<string> tables) =>
        tables.Count == 1 ? $"Table '{tables[0]}'" : $"Tables {string.Join(", ", tables.Select(t => $"'{t}'"))}";
}
