using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;
using SynthFixtures.Sampling.Typed;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Binds a <c>[Synthesize(From = "x.csv")]</c> type to the schema of the model trained from <c>x.csv</c>: each property
/// whose values the attributes do not already decide ([SynthKey], [Fake], patterns, foreign keys, nested types) takes
/// the column of the same name (ignoring case and separators) or the one its [Column("…")] names. The checks are the
/// ones a user would otherwise meet at run time: a missing column, a column whose kind the property cannot hold, missing
/// values in a non-nullable property, labels with no enum member, and ranges or OneOf lists the data contradicts.
/// Pure: strings in, a plan out.
/// </summary>
internal static class ModelBinder
{
    /// <summary>The schema's generator of a free-text column written as placeholder prose (a learned one names its text model's kind).</summary>
    private const string PlaceholderTextGenerator = "lorem";

    public static BindingPlan Bind(TypeSpec type, SchemaSpec schema)
    {
        var bindings = new List<PropertyBinding>();
        var problems = new List<BindingProblem>();
        var file = type.From ?? schema.ModelName;
        var columnList = string.Join(", ", schema.Columns.Select(c => c.Name));
        foreach (var p in type.Properties)
        {
            if (p.Source is ValueSource.Key or ValueSource.Fake or ValueSource.Pattern or ValueSource.ForeignKey or ValueSource.Nested or ValueSource.Prompt) continue;
            var column = ColumnOf(p, schema);
            if (p.LearnedText && LearnedTextProblem(p, column, columnList) is { } textProblem)
            {
                problems.Add(Problem(DiagnosticDescriptors.NotLearnedTextColumn, p.Name, type.Name + "." + p.Name, file, textProblem));
                continue;
            }
            if (column is null)
            {
                if (p.ColumnName is not null)
                    problems.Add(Problem(DiagnosticDescriptors.ColumnNotFound, p.Name, p.ColumnName, type.Name + "." + p.Name, file, columnList));
                else if (p.Source == ValueSource.Default && !p.RangeDeclared && p.Distribution is null && p.Ordering is null)
                    problems.Add(Problem(DiagnosticDescriptors.UnboundProperty, p.Name, type.Name + "." + p.Name, file, columnList));
                continue;
            }
            var read = ReadFor(p, column);
            if (read is null)
            {
                problems.Add(Problem(DiagnosticDescriptors.ColumnTypeMismatch, p.Name, type.Name + "." + p.Name, ShortType(p), column.Name, file, Describe(column)));
                continue;
            }
            if (column.MissingRate > 0 && !p.IsNullable)
            {
                problems.Add(Problem(DiagnosticDescriptors.MissingValuesNotNullable, p.Name, type.Name + "." + p.Name, column.Name, file,
                    column.MissingRate.ToString("P1", CultureInfo.InvariantCulture), ShortType(p) + "?"));
                continue;
            }
            var labels = new List<LabelBinding>();
            if (read == ColumnRead.Enum)
            {
                var unmapped = column.Labels.FirstOrDefault(l => LabelMatching.MemberFor(l, p.EnumMembers.ToList()) is null);
                if (unmapped is not null)
                {
                    problems.Add(Problem(DiagnosticDescriptors.LabelWithoutMember, p.Name, column.Name, file, unmapped, ShortType(p), type.Name + "." + p.Name));
                    continue;
                }
                labels.AddRange(column.Labels.Select(l => new LabelBinding(l, LabelMatching.MemberFor(l, p.EnumMembers.ToList())!)));
            }
            if (Contradiction(p, column, read.Value) is { } contradiction)
            {
                problems.Add(Problem(DiagnosticDescriptors.DataContradictsConstraint, p.Name, contradiction.Attribute, type.Name + "." + p.Name, file, column.Name, contradiction.Data));
                continue;
            }
            // Bound all the same: the column is free text, only not learned (a model trained with placeholder prose for it).
            if (p.LearnedText && column.Generator == PlaceholderTextGenerator)
                problems.Add(Problem(DiagnosticDescriptors.PlaceholderTextColumn, p.Name, type.Name + "." + p.Name, column.Name, file));
            bindings.Add(new PropertyBinding(p.Name, column.Name, read.Value, column.MissingRate > 0, labels.ToEquatableArray()));
        }
        // An ordering between a bound property and one the attributes generate cannot hold by construction.
        foreach (var p in type.Properties)
        {
            if (p.Ordering is not { } o || !bindings.Any(b => b.Property == p.Name) || bindings.Any(b => b.Property == o.Other)) continue;
            problems.Add(Problem(DiagnosticDescriptors.OrderingAcrossBinding, p.Name, type.Name + "." + p.Name, o.Other, file));
            bindings.RemoveAll(b => b.Property == p.Name);
        }
        var kept = KeptRules(type, schema, bindings, file, problems);
        var hasErrors = problems.Any(pr => DiagnosticDescriptors.ById[pr.Id].DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return new BindingPlan(schema.ModelName, bindings.ToEquatableArray(), problems.ToEquatableArray(), hasErrors, schema.ModelKind, schema.Privacy,
            KeptOrderings: kept.ToEquatableArray());
    }

    /// <summary>
    /// Which rule attributes the model keeps, by its schema's <c>rule</c> lines over the bound columns: the properties
    /// whose GreaterThan/LessThan it keeps (their rows need no check); one it does not keep is still checked row by
    /// row, with a warning (SF0051), and a [Derived], [IdentifierFormat] or [FixedCombination] it does not keep is an
    /// error (SF0052), since nothing else would make it hold.
    /// </summary>
    private static List<string> KeptRules(TypeSpec type, SchemaSpec schema, List<PropertyBinding> bindings, string file, List<BindingProblem> problems)
    {
        var columnOf = bindings.ToDictionary(b => b.Property, b => b.Column);
        var rules = schema.Rules.ToList();
        var kept = new List<string>();
        foreach (var p in type.Properties)
        {
            if (p.Ordering is not { } o || !columnOf.TryGetValue(p.Name, out var mine) || !columnOf.TryGetValue(o.Other, out var other)) continue;
            var (greater, lesser) = o.Greater ? (mine, other) : (other, mine);
            if (rules.Any(r => r.Kind == "inequality" && r.Strict && r.Columns[0] == greater && r.Columns[1] == lesser))
            {
                kept.Add(p.Name);
                continue;
            }
            var attribute = $"[{(o.Greater ? "GreaterThan" : "LessThan")}(nameof({o.Other}))]";
            problems.Add(Problem(DiagnosticDescriptors.OrderingNotKept, p.Name, type.Name + "." + p.Name, attribute, file,
                $"{{ \"inequality\": \"{greater} > {lesser}\" }}"));
        }
        foreach (var rule in type.RuleAttributes)
        {
            // A property bound to no column is reported by the binding already.
            var named = (rule.Property is null ? rule.Properties : new[] { rule.Property }.Concat(rule.Properties)).ToList();
            if (rule.Property is not null && !columnOf.ContainsKey(rule.Property)) continue;
            var columns = named.Select(n => columnOf.TryGetValue(n, out var c) ? c : null).ToList();
            var isKept = columns.All(c => c is not null) && rule.Kind switch
            {
                RuleAttributeKind.Derived => rules.Any(r => r.Kind == "derived" && r.Columns[0] == columns[0]
                    && new HashSet<string>(r.Columns.Skip(1)).SetEquals(columns.Skip(1)!)),
                RuleAttributeKind.IdentifierFormat => rules.Any(r => r.Kind == "identifier" && r.Columns[0] == columns[0]),
                _ => rules.Any(r => r.Kind == "fixedcombination" && new HashSet<string>(r.Columns).SetEquals(columns!)),
            };
            if (!isKept)
                problems.Add(Problem(DiagnosticDescriptors.RuleNotKept, rule.Property, rule.Property is null ? type.Name : type.Name + "." + rule.Property, rule.Display, file));
        }
        return kept;
    }

    /// <summary>
    /// Why a [Text] property without a prompt cannot read its column: there is none, or it is not free text. A free-text
    /// column written as placeholder prose is bound all the same, with a warning (SF0031).
    /// </summary>
    private static string? LearnedTextProblem(PropertySpec p, SchemaColumnSpec? column, string columnList)
    {
        if (column is null)
            return p.ColumnName is { } name
                ? $"[Column(\"{name}\")] names no column of it; the columns are: {columnList}"
                : $"it has no column named like '{p.Name}'; bind one with [Column(\"name\")] (columns: {columnList})";
        if (column.Kind != "text")
            return $"column '{column.Name}' is {Describe(column)}, not free text; remove [Text] to read it as a plain string, or bind a text column";
        return null;
    }

    /// <summary>The column a property reads (the rule the trainer follows when it turns attributes into rules).</summary>
    internal static SchemaColumnSpec? ColumnOf(PropertySpec p, SchemaSpec schema) =>
        PropertyColumns.ColumnFor(p.Name, p.ColumnName, schema.Columns.Select(c => c.Name).ToList()) is { } name
            ? schema.Columns.First(c => c.Name == name) : null;

    private static BindingProblem Problem(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string? property, params string[] arguments) =>
        new(descriptor.Id, property, arguments.ToEquatableArray());

    internal static ColumnRead? ReadFor(PropertySpec p, SchemaColumnSpec column)
    {
        var kind = column.Kind;
        var numeric = kind is "integer" or "decimal";
        switch (p.Kind)
        {
            case ValueKind.Byte or ValueKind.Int16 or ValueKind.Int32 or ValueKind.Int64:
                return kind == "integer" || (kind == "identifier" && column.Generator == "sequence") ? ColumnRead.Integer : null;
            case ValueKind.Decimal: return numeric ? ColumnRead.Decimal : null;
            case ValueKind.Double or ValueKind.Single: return numeric ? ColumnRead.Number : null;
            case ValueKind.Boolean: return kind == "boolean" ? ColumnRead.Boolean : null;
            case ValueKind.String: return ColumnRead.Text;
            case ValueKind.Enum: return kind is "categorical" or "boolean" ? ColumnRead.Enum : null;
            case ValueKind.DateTime: return kind == "datetime" ? ColumnRead.DateTime : null;
            case ValueKind.DateOnly: return kind == "datetime" ? ColumnRead.DateOnly : null;
            case ValueKind.DateTimeOffset: return kind == "datetime" ? ColumnRead.DateTimeOffset : null;
            case ValueKind.Guid: return kind == "identifier" && column.Generator == "guid" ? ColumnRead.Guid : null;
            default: return null;
        }
    }

    /// <summary>The first constraint the data breaks: a declared range narrower than the data, or a OneOf list missing a label.</summary>
    private static (string Attribute, string Data)? Contradiction(PropertySpec p, SchemaColumnSpec column, ColumnRead read)
    {
        if (p.RangeDeclared && column.Minimum is { } minText && column.Maximum is { } maxText
            && ToUnits(p, read, minText) is { } min && ToUnits(p, read, maxText) is { } max)
        {
            var (low, high) = p.Kind.IsFloating() ? (p.Bounds.DoubleMin, p.Bounds.DoubleMax) : (p.Bounds.LongMin, (double)p.Bounds.LongMax);
            if (min < low || max > high) return ("[Range]", $"values from {minText} to {maxText}");
        }
        if (p.Source == ValueSource.OneOf && read is ColumnRead.Text or ColumnRead.Enum)
        {
            var allowed = new HashSet<string>(p.Values.Select(Unquote), StringComparer.Ordinal);
            var outside = column.Labels.Where(l => read == ColumnRead.Enum
                    ? !allowed.Contains(LabelMatching.MemberFor(l, p.EnumMembers.ToList()) ?? "")
                    : !allowed.Contains(l)).ToList();
            if (outside.Count > 0) return ("[OneOf]", "the label" + (outside.Count > 1 ? "s" : "") + " " + string.Join(", ", outside.Select(o => "'" + o + "'")));
        }
        return null;
    }

    /// <summary>A OneOf literal as the value it denotes: a string's text, an enum member's name.</summary>
    private static string Unquote(string literal)
    {
        if (literal.Length >= 2 && literal[0] == '"' && literal[literal.Length - 1] == '"')
            return literal.Substring(1, literal.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\");
        var dot = literal.LastIndexOf('.');
        return dot >= 0 ? literal.Substring(dot + 1) : literal;
    }

    /// <summary>A schema value in the property's drawing units (the units of its range bounds), or null when it cannot be read.</summary>
    private static double? ToUnits(PropertySpec p, ColumnRead read, string text)
    {
        switch (read)
        {
            case ColumnRead.Integer or ColumnRead.Number:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
            case ColumnRead.Decimal:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var money) ? Math.Round(money * 100) : null;
            case ColumnRead.DateTime or ColumnRead.DateOnly or ColumnRead.DateTimeOffset:
                if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)) return null;
                return p.Kind == ValueKind.DateOnly ? (date - DateTime.MinValue).Days : date.Ticks / TimeSpan.TicksPerSecond;
            default:
                return null;
        }
    }

    internal static string ShortType(PropertySpec p) => p.TypeName.Replace("global::", "");

    internal static string Describe(SchemaColumnSpec column) => column.Kind switch
    {
        "identifier" => "an identifier" + (column.Generator is { } g ? " (" + g + ")" : ""),
        "integer" => "an integer column",
        "decimal" => "a decimal column",
        "datetime" => "a date/time column",
        "boolean" => "a yes/no column",
        "categorical" => "a categorical column (labels " + string.Join(", ", column.Labels.Take(5)) + (column.Labels.Count > 5 ? ", …" : "") + ")",
        _ => "a " + column.Kind + " column",
    };
}
