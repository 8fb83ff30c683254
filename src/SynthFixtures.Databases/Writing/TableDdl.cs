using System.Text;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// The CREATE TABLE statements for planned tables: columns with their types and nullability, the primary key (composite
/// allowed), a UNIQUE constraint on every other column set a foreign key references (both engines require one), and
/// the foreign keys.
/// </summary>
internal static class TableDdl
{
    /// <summary>The CREATE TABLE statement; <paramref name="foreignKeys"/> are appended as table constraints.</summary>
    public static string CreateTable(TablePlan plan, RelationalMetadata metadata, IEnumerable<string> foreignKeys)
    {
        var parts = new List<string>();
        for (var i = 0; i < plan.Columns.Count; i++)
        {
            var sqlType = plan.CreateTypes![i];
            var nullable = plan.Table.Columns[i].Nullable;
            parts.Add($"{SqlNames.Quote(plan.Columns[i].TargetName)}{(sqlType.Length > 0 ? " " + sqlType : "")}{(nullable ? "" : " NOT NULL")}");
        }
        if (plan.Table.PrimaryKey.Count > 0)
            parts.Add($"PRIMARY KEY ({SqlNames.List(TargetColumns(plan, plan.Table.PrimaryKey))})");
        var uniques = metadata.KeysTo(plan.Table.Name)
            .Select(key => key.ParentColumns)
            .Where(columns => !columns.ToHashSet(StringComparer.Ordinal).SetEquals(plan.Table.PrimaryKey))
            .Select(columns => SqlNames.List(TargetColumns(plan, columns)))
            .Distinct(StringComparer.Ordinal);
        parts.AddRange(uniques.Select(columns => $"UNIQUE ({columns})"));
        parts.AddRange(foreignKeys);
        var sql = new StringBuilder($"CREATE TABLE {SqlNames.Quote(plan.TargetName)} (\n    ");
        sql.AppendJoin(",\n    ", parts).Append("\n)");
        return sql.ToString();
    }

    /// <summary><c>FOREIGN KEY ("a") REFERENCES "Parent" ("x")</c> for one key of a created table.</summary>
    public static string ForeignKey(ForeignKey key, IReadOnlyDictionary<string, TablePlan> plans)
    {
        var child = plans[key.ChildTable];
        var parentName = plans.TryGetValue(key.ParentTable, out var parent) ? parent.TargetName : key.ParentTable;
        var parentColumns = parent is null ? key.ParentColumns : TargetColumns(parent, key.ParentColumns);
        return $"FOREIGN KEY ({SqlNames.List(TargetColumns(child, key.ChildColumns))}) REFERENCES {SqlNames.Quote(parentName)} ({SqlNames.List(parentColumns)})";
    }

    private static IEnumerable<string> TargetColumns(TablePlan plan, IEnumerable<string> names) =>
        names.Select(name => plan.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))?.TargetName
            ?? throw new SynthDataException($"Table '{plan.Table.Name}' has no column '{name}', which one of its keys names.",
                hint: "Correct the key in the relational metadata."));
}
