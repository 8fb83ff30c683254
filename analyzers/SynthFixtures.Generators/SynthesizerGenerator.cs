using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Emitting;
using SynthFixtures.Generators.Model;
using SynthFixtures.Generators.Parsing;

namespace SynthFixtures.Generators;

/// <summary>
/// Generates a seeded, reflection-free synthesizer for every <c>[Synthesize]</c> type; a type with
/// <c>From = "x.csv"</c> is bound to the model trained from that CSV, whose schema arrives as an additional file
/// (<c>x.synthschema</c>, written by the build targets). When the project caps ε (<c>SynthFixturesMaxEpsilon</c>), a
/// type bound to a model without a differential-privacy guarantee, or above the cap, is an error. A type bound to a
/// sequence model (its schema says so) is an entity with a <c>[Steps]</c> list, made by <see cref="SequenceEmitter"/>. Source and diagnostics are separate outputs, so a diagnostic
/// moving (an edit above a property) never regenerates source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SynthesizerGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.Synthesize,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (ctx, ct) => TypeParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        var specs = parsed
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Specs);

        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var schemas = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaParser.Extension, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => SchemaParser.Parse(file.Path, file.GetText(ct)?.ToString()))
            .Where(static schema => schema is not null)
            .Collect()
            .Select(static (all, _) => all.Select(s => s!).OrderBy(s => s.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Schemas);

        var bound = specs
            .Combine(schemas)
            .Select(static (pair, _) => (Spec: pair.Left!, Plan: Plan(pair.Left!, pair.Right)))
            .WithTrackingName(TrackingNames.Bound);

        var cap = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => PrivacyCap.Read(options))
            .WithTrackingName(TrackingNames.PrivacyCap);

        var bindingDiagnostics = parsed
            .Where(static result => result.Spec is not null && result.Site is not null)
            .Combine(schemas)
            .Combine(cap)
            .SelectMany(static (pair, _) => BindingDiagnostics(pair.Left.Left.Spec!, pair.Left.Left.Site!, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.BindingDiagnostics);

        context.RegisterSourceOutput(bound, static (spc, item) =>
            spc.AddSource(item.Spec.HintName, SourceText.From(Emit(item.Spec, item.Plan), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(diagnostics, Report);
        context.RegisterSourceOutput(bindingDiagnostics, Report);
    }

    private static void Report(SourceProductionContext context, DiagnosticInfo info) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ById[info.Id], info.Location?.ToLocation(), info.Arguments.ToArray<object>()));

    /// <summary>The binding of a From type to its model, or null for a schema-only type or when no model was declared.</summary>
    private static BindingPlan? Plan(TypeSpec spec, EquatableArray<SchemaSpec> schemas)
    {
        if (spec.From is null) return null;
        var name = SchemaParser.ModelNameOf(spec.From);
        var schema = schemas.FirstOrDefault(s => s.ModelName == name);
        if (schema is null) return null;
        if (schema.IsSequence && spec.Table is null) return SequenceBinder.Bind(spec, schema);
        if (spec.Steps is not null) return SequenceBinder.NotASequence(spec, schema);
        if (spec.Table is not null) return DatabaseBinder.Bind(spec, schema);
        if (schema.IsDatabase)
            return new BindingPlan(schema.ModelName, EquatableArray<PropertyBinding>.Empty, new[]
            {
                new BindingProblem(DiagnosticDescriptors.InvalidTableBinding.Id, null, new[] { spec.Name,
                    $"'{spec.From}' is a learned database; name the table with Table = \"…\" (its tables: {string.Join(", ", schema.Tables.Select(t => t.Name))})" }.ToEquatableArray()),
            }.ToEquatableArray(), true, schema.ModelKind, schema.Privacy);
        return ModelBinder.Bind(spec, schema);
    }

    private static IEnumerable<DiagnosticInfo> BindingDiagnostics(TypeSpec spec, BindingSite site, EquatableArray<SchemaSpec> schemas, double? cap)
    {
        var plan = Plan(spec, schemas);
        if (plan is null)
        {
            yield return spec.Table is null
                ? new DiagnosticInfo(DiagnosticDescriptors.ModelNotDeclared.Id, site.AttributeLocation, new[] { site.From, site.TypeName }.ToEquatableArray())
                : new DiagnosticInfo(DiagnosticDescriptors.DatabaseNotDeclared.Id, site.AttributeLocation, new[] { site.From, site.TypeName, spec.Table }.ToEquatableArray());
            yield break;
        }
        if (cap is { } limit && PrivacyCap.Violation(plan, limit) is { } violation)
            yield return new DiagnosticInfo(DiagnosticDescriptors.AbovePrivacyCap.Id, site.AttributeLocation,
                new[] { site.TypeName, site.From, violation, PrivacyCap.Show(limit) }.ToEquatableArray());
        foreach (var problem in plan.Problems)
        {
            var location = problem.Property is null ? null
                : problem.InSteps ? site.StepProperties.FirstOrDefault(p => p.Name == problem.Property)?.Location
                    ?? site.Properties.FirstOrDefault(p => p.Name == spec.Steps?.Property)?.Location
                : site.Properties.FirstOrDefault(p => p.Name == problem.Property)?.Location;
            yield return new DiagnosticInfo(problem.Id, location ?? site.AttributeLocation, problem.Arguments);
        }
    }

    // A plan with errors has been reported; the attribute-only synthesizer keeps the rest of the project compiling.
    private static string Emit(TypeSpec spec, BindingPlan? plan) => plan switch
    {
        { HasErrors: false, Table: not null } => DatabaseEmitter.Emit(spec, plan),
        { HasErrors: false, IsSequence: true } => SequenceEmitter.Emit(spec, plan),
        _ => SynthesizerEmitter.Emit(spec, plan is { HasErrors: false } ? plan : null),
    };
}
