using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;
using SynthFixtures.Sampling.Typed;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Binds a <c>[Synthesize(From = "weather.csv")]</c> entity type to a sequence model's schema. The entity's own
/// properties bind to the entity and context columns as <see cref="ModelBinder"/> binds a row type's (one value per
/// entity); a property named like a per-step column is reported, since it would change from step to step. The
/// <c>[Steps]</c> property's step type binds, property by property, to the step columns and the sequence index: every
/// step property needs its column (nothing else could fill it), of a kind its type holds, nullable where the column has
/// missing values, and an enum with a member for every label. Pure: strings in, a plan out.
/// </summary>
internal static class SequenceBinder
{
    public static BindingPlan Bind(TypeSpec type, SchemaSpec schema)
    {
        var from = type.From ?? schema.ModelName;
        var entityColumns = schema.Columns.Where(c => SequenceRoles.IsEntityLevel(c.Role)).ToList();
        var stepColumns = schema.Columns.Where(c => c.Role is SequenceRoles.Step or SequenceRoles.Index).ToList();
        var stepList = string.Join(", ", stepColumns.Select(c => c.Name));
        var problems = new List<BindingProblem>();
        if (type.Steps is not { } steps)
        {
            problems.Add(Problem(DiagnosticDescriptors.StepsPropertyMissing, null, false, type.Name, from, stepList));
            return new BindingPlan(schema.ModelName, EquatableArray<PropertyBinding>.Empty, problems.ToEquatableArray(), true, schema.ModelKind, schema.Privacy, IsSequence: true);
        }

        // A prompted text is written per batch of objects, and constraints between bound cells would need entities skipped.
        foreach (var p in type.Properties.Where(p => p.Source == ValueSource.Prompt || p.Unique || p.Ordering is not null))
        {
            var what = p.Source == ValueSource.Prompt ? "[Text(Prompt = …)]" : p.Unique ? "[Unique]" : "[GreaterThan]/[LessThan]";
            problems.Add(Problem(DiagnosticDescriptors.InvalidStepsProperty, p.Name, false, type.Name + "." + steps.Property,
                $"'{type.Name}.{p.Name}' has {what}, which an entity of a sequence model does not support; remove it, or draw the values in a step of your own"));
        }

        // Entity properties named like a step column would silently read one step of many; they are refused.
        var onSteps = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in type.Properties.Where(p => p.Source is ValueSource.Default or ValueSource.OneOf))
        {
            var name = p.ColumnName ?? p.Name;
            if (entityColumns.Any(c => c.Name == name || LabelMatching.SameName(c.Name, name))) continue;
            var column = stepColumns.FirstOrDefault(c => c.Name == name) ?? stepColumns.FirstOrDefault(c => LabelMatching.SameName(c.Name, name));
            if (column is null) continue;
            onSteps.Add(p.Name);
            var held = steps.Properties.Any(s => ColumnOf(s, stepColumns) == column) ? "" : $" '{steps.StepTypeName}'";
            problems.Add(Problem(DiagnosticDescriptors.EntityPropertyOnStepColumn, p.Name, false, type.Name + "." + p.Name, column.Name, from,
                entityColumns.Count == 0 ? "none" : string.Join(", ", entityColumns.Select(c => c.Name)), held));
        }
        var entitySchema = schema with { Columns = entityColumns.ToEquatableArray() };
        var entity = ModelBinder.Bind(type with { Properties = type.Properties.Where(p => !onSteps.Contains(p.Name)).ToEquatableArray() }, entitySchema);
        problems.AddRange(entity.Problems);

        var stepBindings = new List<PropertyBinding>();
        foreach (var p in steps.Properties)
        {
            var display = steps.StepTypeName + "." + p.Name;
            var column = ColumnOf(p, stepColumns);
            if (column is null)
            {
                var entityLevel = ColumnOf(p, entityColumns);
                var advice = entityLevel is not null
                    ? $"'{entityLevel.Name}' is constant within an entity: put the property on '{type.Name}'"
                    : p.ColumnName is not null ? $"[Column(\"{p.ColumnName}\")] names none of them ({stepList})"
                    : $"bind one with [Column(\"name\")] (step columns: {stepList}), or mark it [SynthIgnore]";
                problems.Add(Problem(DiagnosticDescriptors.UnknownStepColumn, p.Name, true, display, type.Name, from, advice));
                continue;
            }
            var read = ModelBinder.ReadFor(p, column);
            if (read is null)
            {
                problems.Add(Problem(DiagnosticDescriptors.StepColumnTypeMismatch, p.Name, true, display, ModelBinder.ShortType(p) + (p.IsNullable ? "?" : ""), column.Name, from, ModelBinder.Describe(column)));
                continue;
            }
            if (column.MissingRate > 0 && !p.IsNullable)
            {
                problems.Add(Problem(DiagnosticDescriptors.MissingValuesNotNullable, p.Name, true, display, column.Name, from,
                    column.MissingRate.ToString("P1", CultureInfo.InvariantCulture), ModelBinder.ShortType(p) + "?"));
                continue;
            }
            var labels = new List<LabelBinding>();
            if (read == ColumnRead.Enum)
            {
                var members = p.EnumMembers.ToList();
                var unmapped = column.Labels.FirstOrDefault(l => LabelMatching.MemberFor(l, members) is null);
                if (unmapped is not null)
                {
                    problems.Add(Problem(DiagnosticDescriptors.LabelWithoutMember, p.Name, true, column.Name, from, unmapped, ModelBinder.ShortType(p), display));
                    continue;
                }
                labels.AddRange(column.Labels.Select(l => new LabelBinding(l, LabelMatching.MemberFor(l, members)!)));
            }
            stepBindings.Add(new PropertyBinding(p.Name, column.Name, read.Value, column.MissingRate > 0, labels.ToEquatableArray()));
        }
        var hasErrors = problems.Any(pr => DiagnosticDescriptors.ById[pr.Id].DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return new BindingPlan(schema.ModelName, entity.Bindings, problems.ToEquatableArray(), hasErrors, schema.ModelKind, schema.Privacy,
            StepBindings: stepBindings.ToEquatableArray(), IsSequence: true);
    }

    /// <summary>The plan for a [Steps] type whose model is not a sequence model (a table or a database).</summary>
    public static BindingPlan NotASequence(TypeSpec type, SchemaSpec schema)
    {
        var what = schema.IsDatabase ? $"{type.From} is learned as a database (a <SynthDatabase> item)" : $"{type.From} is learned as one table of independent rows";
        return new BindingPlan(schema.ModelName, EquatableArray<PropertyBinding>.Empty,
            new[] { Problem(DiagnosticDescriptors.NotASequenceModel, type.Steps!.Property, false, type.Name + "." + type.Steps.Property, what) }.ToEquatableArray(),
            true, schema.ModelKind, schema.Privacy);
    }

    private static SchemaColumnSpec? ColumnOf(PropertySpec p, IReadOnlyList<SchemaColumnSpec> columns) => p.ColumnName is { } explicitName
        ? columns.FirstOrDefault(c => c.Name == explicitName) ?? columns.FirstOrDefault(c => LabelMatching.SameName(c.Name, explicitName))
        : columns.FirstOrDefault(c => LabelMatching.SameName(c.Name, p.Name));

    private static BindingProblem Problem(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string? property, bool inSteps, params string[] arguments) =>
        new(descriptor.Id, property, arguments.ToEquatableArray(), inSteps);
}
