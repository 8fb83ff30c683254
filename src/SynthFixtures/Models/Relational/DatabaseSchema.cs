using System.Text;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// What a learned database produces, table by table, as the source generator needs it to check types bound to its
/// tables at compile time: each table's primary key and columns (kind, missing rate, range, labels, generator, in the
/// single-table schema's column lines) and the foreign keys between them. Written at build time beside the model as a
/// <c>.synthschema</c> file whose first line, <c>synthfixtures-database-schema 1</c>, tells it from a single-table
/// schema: then <c>model</c> and <c>privacy</c> lines, per table a <c>table name key=col,col</c> line followed by its
/// <c>column</c> lines, and one <c>foreignkey child col,col parent col,col</c> line per key (names percent-encoded).
/// </summary>
public static class DatabaseSchema
{
    /// <summary>The first line of every database schema file; its number is the format version.</summary>
    public const string Header = "synthfixtures-database-schema 1";

    /// <summary>The schema file text of <paramref name="model"/>.</summary>
    public static string Write(RelationalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder().Append(Header).Append('\n');
        text.Append("model\t").Append(ModelSchema.Escape(model.Kind)).Append('\n');
        // A multi-table model is never differentially private (its training refuses the private kinds).
        text.Append("privacy\tnone\n");
        var metadata = model.Metadata;
        foreach (var table in metadata.Tables)
        {
            text.Append("table\t").Append(ModelSchema.Escape(table.Name));
            text.Append("\tkey=").Append(string.Join(",", table.PrimaryKey.Select(ModelSchema.Escape))).Append('\n');
            var learned = model.ModelOf(table.Name)?.DescribeSchema();
            foreach (var column in table.Columns) ModelSchema.AppendColumn(text, Column(model, table, column, learned));
        }
        foreach (var key in metadata.ForeignKeys)
        {
            text.Append("foreignkey\t").Append(ModelSchema.Escape(key.ChildTable)).Append('\t')
                .Append(string.Join(",", key.ChildColumns.Select(ModelSchema.Escape))).Append('\t')
                .Append(ModelSchema.Escape(key.ParentTable)).Append('\t')
                .Append(string.Join(",", key.ParentColumns.Select(ModelSchema.Escape))).Append('\n');
        }
        return text.ToString();
    }

    private static ModelSchemaColumn Column(RelationalModel model, RelationalTable table, SqlColumn column, ModelSchema? learned)
    {
        var plan = model.Plans.First(p => p.Table == table.Name);
        if (KeyGenerator(model, table.Name, column.Name) is { } generator)
            return new ModelSchemaColumn(column.Name, ColumnKind.Identifier, KeyNullRate(model, plan, column.Name), Generator: generator);
        if (learned?.Columns.FirstOrDefault(c => c.Name == column.Name) is { } own) return own;
        // A sum-rule column is computed from the children, never learned: its kind is the profile's.
        var kind = table.Profile?.Find(column.Name)?.Kind ?? ColumnKind.Categorical;
        return new ModelSchemaColumn(column.Name, kind, 0);
    }

    /// <summary>The generator of a key column (a recipe of its own, or its parent's through a foreign key); null for a non-key column.</summary>
    private static string? KeyGenerator(RelationalModel model, string table, string column)
    {
        for (var depth = 0; depth <= model.Metadata.Tables.Count; depth++)
        {
            var plan = model.Plans.First(p => p.Table == table);
            if (plan.KeyRecipes.FirstOrDefault(r => r.Name == column) is { } recipe) return Name(recipe.Generator);
            var key = model.Metadata.ForeignKeys.FirstOrDefault(k => k.ChildTable == table && k.ChildColumns.Contains(column));
            if (key is null) return null;
            (table, column) = (key.ParentTable, key.ParentColumns[key.ChildColumns.ToList().IndexOf(column)]);
        }
        return null;
    }

    private static string Name(GeneratorKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Share of generated rows whose foreign key column is empty, as the plan draws it.</summary>
    private static double KeyNullRate(RelationalModel model, RelationalTablePlan plan, string column)
    {
        var keys = model.Metadata.ForeignKeys;
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].ChildTable != plan.Table || !keys[i].ChildColumns.Contains(column)) continue;
            if (plan.PrimaryKey == i) return plan.SourceRows == 0 ? 0 : (double)plan.NullPrimaryRows / plan.SourceRows;
            // A forest has at least one root, whose reference is empty whatever the source's rate.
            if (plan.SelfKey is { } self && self.ForeignKey == i) return Math.Max(self.NullRate, 1.0 / Math.Max(1, plan.SourceRows));
            if (plan.SecondaryKeys.FirstOrDefault(k => k.ForeignKey == i) is { } secondary) return secondary.NullRate;
        }
        return 0;
    }
}
