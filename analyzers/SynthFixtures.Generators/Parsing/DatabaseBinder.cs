using System;
using System.Collections.Generic;
using System.Linq;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;
using SynthFixtures.Sampling.Typed;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Binds a <c>[Synthesize(From = "data/shop", Table = "orders")]</c> type to one table of a learned database's schema.
/// Plain properties bind to the table's columns as <see cref="ModelBinder"/> binds them to a CSV's; the [SynthKey] (or
/// [Key]) property must hold the table's primary key; every [SynthForeignKey(typeof(P))] property must hold a
/// single-column foreign key of the table whose parent table is the one <c>P</c> is bound to, in the same database, so
/// the parent object can come along in the graph. A column that is a foreign key but bound as a plain value, and a key
/// of the table no property holds, are reported. Pure: strings in, a plan out.
/// </summary>
internal static class DatabaseBinder
{
    public static BindingPlan Bind(TypeSpec type, SchemaSpec schema)
    {
        var tableName = type.Table!;
        var from = type.From ?? schema.ModelName;
        if (!schema.IsDatabase)
            return Failed(schema, Problem(DiagnosticDescriptors.InvalidTableBinding, null, type.Name,
                $"'{from}' is learned as one table (a <SynthModel> item), not as a database; learn it with <SynthDatabase Include=\"{from}\" />, or remove Table"));
        var table = schema.Tables.FirstOrDefault(t => t.Name == tableName)
            ?? Single(schema.Tables.Where(t => string.Equals(t.Name, tableName, StringComparison.OrdinalIgnoreCase)));
        if (table is null)
            return Failed(schema, Problem(DiagnosticDescriptors.UnknownTable, null, type.Name, tableName, from, string.Join(", ", schema.Tables.Select(t => t.Name))));
        if (type.Properties.FirstOrDefault(p => p.Source == ValueSource.Prompt) is { } prompted)
            return Failed(schema, Problem(DiagnosticDescriptors.InvalidTableBinding, prompted.Name, type.Name,
                $"'{prompted.Name}' has [Text(Prompt = …)], which a type bound to a table of a database does not support; bind it to a column or use [Fake]"));

        var where = $"table '{table.Name}' of {from}";
        var tableSchema = new SchemaSpec(schema.ModelName, schema.Path, schema.ModelKind, table.Columns, schema.Privacy);
        var plain = ModelBinder.Bind(type with { From = where }, tableSchema);
        var bindings = plain.Bindings.ToList();
        var problems = plain.Problems.ToList();
        var principals = new List<PrincipalBinding>();
        var keys = schema.ForeignKeys.Where(k => k.ChildTable == table.Name).ToList();
        var columnList = string.Join(", ", table.Columns.Select(c => c.Name));

        // Columns some property holds, bound or reported: a key they belong to is not also reported as held by none.
        var held = new HashSet<string>(plain.Bindings.Select(b => b.Column), StringComparer.Ordinal);
        foreach (var p in type.Properties.Where(p => p.Source is ValueSource.Key or ValueSource.ForeignKey))
        {
            var display = type.Name + "." + p.Name;
            var column = ColumnOf(p, table);
            if (column is not null) held.Add(column.Name);
            if (column is null)
            {
                problems.Add(p.ColumnName is not null
                    ? Problem(DiagnosticDescriptors.ColumnNotFound, p.Name, p.ColumnName, display, where, columnList)
                    : Problem(DiagnosticDescriptors.ForeignKeyMismatch, p.Name, display, p.Name, where,
                        $"the table has no column named like it; bind one with [Column(\"name\")] (columns: {columnList})"));
                continue;
            }
            if (p.Source == ValueSource.Key && !(table.PrimaryKey.Count == 1 && table.PrimaryKey[0] == column.Name))
            {
                problems.Add(Problem(DiagnosticDescriptors.InvalidTableBinding, p.Name, type.Name,
                    $"its key '{p.Name}' holds column '{column.Name}', but the primary key of {where} is ({string.Join(", ", table.PrimaryKey)}); put [SynthKey] or [Key] on the property of that column"));
                continue;
            }
            if (p.Source == ValueSource.ForeignKey)
            {
                var key = keys.FirstOrDefault(k => k.ChildColumns.Count == 1 && k.ChildColumns[0] == column.Name);
                if (key is null)
                {
                    problems.Add(Problem(DiagnosticDescriptors.ForeignKeyMismatch, p.Name, display, column.Name, where,
                        "that column is no single-column foreign key of the table; remove [SynthForeignKey]"
                        + (keys.Count > 0 ? $" (its keys: {string.Join("; ", keys.Select(k => k.Display))})" : "")));
                    continue;
                }
                var sameDatabase = p.PrincipalFrom is { } principalFrom && SchemaParser.ModelNameOf(principalFrom) == schema.ModelName;
                if (!sameDatabase || p.PrincipalTable != key.ParentTable)
                {
                    var principal = ShortName(p.PrincipalType);
                    var bound = p.PrincipalTable is null ? "is not bound to a table of a learned database"
                        : sameDatabase ? $"is bound to table '{p.PrincipalTable}'" : $"is bound to a table of {p.PrincipalFrom}";
                    problems.Add(Problem(DiagnosticDescriptors.ForeignKeyMismatch, p.Name, display, column.Name, where,
                        $"its key {key.Display} needs the type bound to table '{key.ParentTable}' of {from}, and '{principal}' {bound}"));
                    continue;
                }
                principals.Add(new PrincipalBinding(p.Name, p.PrincipalType!));
            }
            var read = ModelBinder.ReadFor(p, column);
            if (read is null)
            {
                problems.Add(Problem(DiagnosticDescriptors.ColumnTypeMismatch, p.Name, display, ModelBinder.ShortType(p), column.Name, where, ModelBinder.Describe(column)));
                principals.RemoveAll(b => b.Property == p.Name);
                continue;
            }
            if (column.MissingRate > 0 && !p.IsNullable)
            {
                problems.Add(Problem(DiagnosticDescriptors.MissingValuesNotNullable, p.Name, display, column.Name, where,
                    column.MissingRate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture), ModelBinder.ShortType(p) + "?"));
                principals.RemoveAll(b => b.Property == p.Name);
                continue;
            }
            bindings.Add(new PropertyBinding(p.Name, column.Name, read.Value, column.MissingRate > 0, EquatableArray<LabelBinding>.Empty));
        }

        // A foreign-key column read as a plain value would reference a parent the graph never makes.
        foreach (var b in plain.Bindings)
        {
            var key = keys.FirstOrDefault(k => k.ChildColumns.Count == 1 && k.ChildColumns[0] == b.Column);
            if (key is null) continue;
            problems.Add(Problem(DiagnosticDescriptors.ForeignKeyMismatch, b.Property, type.Name + "." + b.Property, b.Column, where,
                $"that column is the foreign key {key.Display}; mark '{b.Property}' [SynthForeignKey(typeof(X))] with the type bound to table '{key.ParentTable}', so its parent comes along"));
        }
        foreach (var key in keys.Where(k => !k.ChildColumns.All(held.Contains)))
        {
            var missing = key.ChildColumns.First(c => !held.Contains(c));
            problems.Add(Problem(DiagnosticDescriptors.ForeignKeyWithoutProperty, null, table.Name, key.Display, type.Name, missing, key.ParentTable));
        }

        var hasErrors = problems.Any(pr => DiagnosticDescriptors.ById[pr.Id].DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return new BindingPlan(schema.ModelName, bindings.ToEquatableArray(), problems.ToEquatableArray(), hasErrors, schema.ModelKind, schema.Privacy,
            table.Name, principals.ToEquatableArray());
    }

    private static SchemaColumnSpec? ColumnOf(PropertySpec p, TableSchemaSpec table) => p.ColumnName is { } explicitName
        ? table.Columns.FirstOrDefault(c => c.Name == explicitName) ?? table.Columns.FirstOrDefault(c => LabelMatching.SameName(c.Name, explicitName))
        : table.Columns.FirstOrDefault(c => LabelMatching.SameName(c.Name, p.Name));

    private static T? Single<T>(IEnumerable<T> items) where T : class
    {
        var list = items.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    private static string ShortName(string? fullyQualified) =>
        fullyQualified is null ? "?" : fullyQualified.Substring(fullyQualified.LastIndexOf('.') + 1).Replace("global::", "");

    private static BindingPlan Failed(SchemaSpec schema, BindingProblem problem) =>
        new(schema.ModelName, EquatableArray<PropertyBinding>.Empty, new[] { problem }.ToEquatableArray(), true, schema.ModelKind, schema.Privacy);

    private static BindingProblem Problem(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string? property, params string[] arguments) =>
        new(descriptor.Id, property, arguments.ToEquatableArray());
}
