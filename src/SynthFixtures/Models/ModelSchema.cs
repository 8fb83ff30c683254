using System.Globalization;
using System.Text;
using SynthFixtures.Metadata;
using SynthFixtures.Privacy;

namespace SynthFixtures.Models;

/// <summary>
/// What a trained model produces, column by column, as the source generator needs it to check a bound type at
/// compile time: each column's kind, whether it can be missing, its observed range or its labels. Written at build
/// time next to the model as a <c>.synthschema</c> file (<see cref="Write"/>) and handed to the compiler as an
/// additional file. The format is plain lines so the generator (netstandard2.0, no JSON library) reads it in a few
/// lines of code: <c>synthfixtures-schema 1</c>, then one tab-separated line per column:
/// <c>column name kind missing=0.05 min=0 max=98</c> or <c>… labels=F,M</c>, with '%', ',', '=', tab and line
/// breaks in names, labels and values percent-encoded. A column without labels has no <c>labels=</c> field (an empty
/// one is a single empty label); datetime ranges are ISO 8601 whatever the CSV's format, so the generator reads them
/// without knowing it. The model's privacy guarantee, when stated, is one more line after the model line:
/// <c>privacy epsilon=1 delta=2.4E-07</c> for a differentially private model, <c>privacy none</c> for one without a
/// guarantee (a schema without the line states nothing, and is read as no guarantee). The rules the model keeps by
/// construction follow the columns, one line each: <c>rule inequality greater=discharged lesser=admitted strict=true</c>,
/// <c>rule derived target=total operands=price,quantity</c>, <c>rule fixedcombination columns=city,state</c>,
/// <c>rule identifier column=account</c> (the generator then emits no check of its own for an attribute stating the rule).
/// </summary>
/// <param name="ModelKind">The model kind.</param>
/// <param name="Columns">Columns in metadata order.</param>
public sealed record ModelSchema(string ModelKind, IReadOnlyList<ModelSchemaColumn> Columns)
{
    /// <summary>
    /// The model's differential-privacy guarantee (<see cref="PrivacyGuarantee.Of"/>), which the generated synthesizer
    /// exposes and a project's ε cap checks; <c>null</c> when not stated.
    /// </summary>
    public PrivacyGuarantee? Privacy { get; init; }

    /// <summary>The rules the model keeps on every row it samples; <c>null</c> or empty: none.</summary>
    public IReadOnlyList<Metadata.Rules.TableRule>? Rules { get; init; }

    /// <summary>The first line of every schema file; its number is the format version.</summary>
    public const string Header = "synthfixtures-schema 1";

    /// <summary>The schema file text.</summary>
    public string Write()
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        text.Append("model\t").Append(Escape(ModelKind)).Append('\n');
        if (Privacy is { Epsilon: { } epsilon, Delta: { } delta })
            text.Append("privacy\tepsilon=").Append(epsilon.ToString("R", CultureInfo.InvariantCulture))
                .Append("\tdelta=").Append(delta.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        else if (Privacy is not null) text.Append("privacy\tnone\n");
        foreach (var column in Columns) AppendColumn(text, column);
        foreach (var rule in Rules ?? []) AppendRule(text, rule);
        return text.ToString();
    }

    /// <summary>One <c>column</c> line (shared with the database schema, whose tables list their columns the same way).</summary>
    internal static void AppendColumn(StringBuilder text, ModelSchemaColumn column)
    {
        text.Append("column\t").Append(Escape(column.Name)).Append('\t').Append(column.Kind.ToString().ToLowerInvariant());
        text.Append("\tmissing=").Append(column.MissingRate.ToString("R", CultureInfo.InvariantCulture));
        if (column.Minimum is { } min) text.Append("\tmin=").Append(Escape(min));
        if (column.Maximum is { } max) text.Append("\tmax=").Append(Escape(max));
        if (column.Labels is { Count: > 0 } labels) text.Append("\tlabels=").Append(string.Join(",", labels.Select(Escape)));
        if (column.Generator is { } generator) text.Append("\tgenerator=").Append(Escape(generator));
        text.Append('\n');
    }

    private static void AppendRule(StringBuilder text, Metadata.Rules.TableRule rule)
    {
        static string List(IEnumerable<string> names) => string.Join(",", names.Select(Escape));
        text.Append(rule switch
        {
            Metadata.Rules.InequalityRule r => $"rule\tinequality\tgreater={Escape(r.Greater)}\tlesser={Escape(r.Lesser)}\tstrict={(r.Strict ? "true" : "false")}",
            Metadata.Rules.DerivedColumnRule r => $"rule\tderived\ttarget={Escape(r.Target)}\toperands={List(r.Operands)}",
            Metadata.Rules.FixedCombinationRule r => $"rule\tfixedcombination\tcolumns={List(r.Columns)}",
            Metadata.Rules.IdentifierFormatRule r => $"rule\tidentifier\tcolumn={Escape(r.Column)}",
            _ => throw new ArgumentException($"Unknown rule {rule.GetType().Name}.", nameof(rule)),
        }).Append('\n');
    }

    internal static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (ch is '%' or ',' or '\t' or '\n' or '\r' or '=') text.Append('%').Append(((int)ch).ToString("X2", CultureInfo.InvariantCulture));
            else text.Append(ch);
        }
        return text.ToString();
    }
}

/// <summary>One column of a <see cref="ModelSchema"/>.</summary>
/// <param name="Name">CSV column name.</param>
/// <param name="Kind">Column kind.</param>
/// <param name="MissingRate">Share of rows the model leaves missing (a property bound to it must be nullable when it is above 0).</param>
/// <param name="Minimum">Smallest value the model can produce (numeric and datetime columns; see <see cref="Numeric"/>).</param>
/// <param name="Maximum">Largest value the model can produce.</param>
/// <param name="Labels">Labels the model can produce, trimmed (categorical and boolean columns).</param>
/// <param name="Generator">For generated columns: which generator makes them (sequence, guid, pattern, lorem, fake).</param>
public sealed record ModelSchemaColumn(string Name, ColumnKind Kind, double MissingRate, string? Minimum = null, string? Maximum = null,
    IReadOnlyList<string>? Labels = null, string? Generator = null)
{
    /// <summary>
    /// A numeric or datetime column with the range the model can produce: numbers as the column writes them, dates as
    /// ISO 8601 (<c>yyyy-MM-dd</c>, or <c>yyyy-MM-ddTHH:mm:ss</c> when the column has a time of day), since a
    /// day-first or month-first CSV format would be misread by the generator, which cannot know it.
    /// </summary>
    /// <param name="column">The column's metadata.</param>
    /// <param name="missingRate">Share of rows the model leaves missing.</param>
    /// <param name="minimum">Smallest value, in the column's model units (seconds for datetimes).</param>
    /// <param name="maximum">Largest value, in the same units.</param>
    public static ModelSchemaColumn Numeric(ColumnMetadata column, double missingRate, double minimum, double maximum)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new(column.Name, column.Kind, missingRate, Format(minimum, column), Format(maximum, column));
    }

    private static string Format(double value, ColumnMetadata column) => column.Kind == ColumnKind.DateTime
        ? Transforms.ColumnValues.ToDateTime(value).ToString(
            Transforms.ColumnValues.HasTimeOfDay(column.DateTimeFormat) ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Transforms.ColumnValues.Format(value, column);
}
