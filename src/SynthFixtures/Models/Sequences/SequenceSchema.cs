using System.Text;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// What a sequence model produces, as the source generator needs it to check an entity type with a <c>[Steps]</c>
/// list at compile time. Written at build time beside the model as a <c>.synthschema</c> file whose first line,
/// <c>synthfixtures-sequence-schema 1</c>, tells it from a single-table schema; then the <c>model</c> and
/// <c>privacy</c> lines and one <c>column</c> line per column (the single-table schema's fields) with a <c>role=</c>
/// field: <c>entity</c> (generated keys: an identifier, <c>generator=sequence</c> for numbers, <c>pattern</c>
/// otherwise), <c>index</c>, <c>context</c> (as the context model learned them) or <c>step</c>. The step model states
/// no ranges of its own, so a step column's missing rate, range and labels are those of the training data it learned
/// (the step models draw labels they saw, and missing cells only where the data had them).
/// </summary>
public static class SequenceSchema
{
    /// <summary>The first line of every sequence schema file; its number is the format version.</summary>
    public const string Header = "synthfixtures-sequence-schema 1";

    /// <summary>The schema file text of <paramref name="model"/>, trained from <paramref name="source"/>.</summary>
    /// <param name="model">The trained sequence model.</param>
    /// <param name="source">The training table (the step columns' ranges and labels are read from it).</param>
    public static string Write(SequenceModel model, Table source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder().Append(Header).Append('\n');
        text.Append("model\t").Append(ModelSchema.Escape(model.Kind)).Append('\n');
        // Neither step model kind is differentially private.
        text.Append("privacy\tnone\n");
        var context = model.ContextModel.DescribeSchema();
        foreach (var column in model.Metadata.Columns)
        {
            var (role, schema) = Describe(model, column, context, source);
            ModelSchema.AppendColumn(text, schema);
            // AppendColumn ends the line; the role goes before its line break.
            text.Length--;
            text.Append("\trole=").Append(role).Append('\n');
        }
        return text.ToString();
    }

    private static (string Role, ModelSchemaColumn Column) Describe(SequenceModel model, ColumnMetadata column, ModelSchema context, Table source)
    {
        var sequence = model.Sequence;
        if (model.EntityKeys.FirstOrDefault(k => k.Column == column.Name) is { IsLearned: true })
            return ("entity", context.Columns.FirstOrDefault(c => c.Name == column.Name) ?? Observed(column, source));
        if (model.EntityKeys.FirstOrDefault(k => k.Column == column.Name) is { } key)
            return ("entity", new ModelSchemaColumn(column.Name, ColumnKind.Identifier, 0, Generator: key.Shape == EntityKeyShape.Number ? "sequence" : "pattern"));
        if (sequence.ContextColumns.Contains(column.Name, StringComparer.Ordinal))
            return ("context", context.Columns.FirstOrDefault(c => c.Name == column.Name) ?? Observed(column, source));
        var observed = Observed(column, source);
        // The index is written for every step.
        if (string.Equals(column.Name, sequence.IndexColumn, StringComparison.Ordinal)) return ("index", observed with { MissingRate = 0 });
        return ("step", observed);
    }

    /// <summary>A column's missing share, range and labels in the training data.</summary>
    private static ModelSchemaColumn Observed(ColumnMetadata column, Table source)
    {
        if (!source.HasColumn(column.Name)) return new ModelSchemaColumn(column.Name, column.Kind, 0);
        var cells = source.Column(column.Name);
        var rows = Math.Max(1, cells.Count);
        if (column.IsNumeric)
        {
            var values = new List<double>(cells.Count);
            foreach (var cell in cells)
                if (cell is not null && ColumnValues.TryParse(cell, column, out var value) && !double.IsNaN(value)) values.Add(value);
            var missing = (double)(cells.Count - values.Count) / rows;
            return values.Count == 0 ? new ModelSchemaColumn(column.Name, column.Kind, missing)
                : ModelSchemaColumn.Numeric(column, missing, values.Min(), values.Max());
        }
        var present = cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => CellText.Normalize(c!)).ToList();
        var share = (double)(cells.Count - present.Count) / rows;
        return column.IsCategorical
            ? new ModelSchemaColumn(column.Name, column.Kind, share, Labels: present.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
            : new ModelSchemaColumn(column.Name, column.Kind, share);
    }
}
