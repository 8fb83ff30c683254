using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// The pure parse step: a [Synthesize] type symbol in, an equatable <see cref="ParseResult"/> out. Nothing symbolic
/// survives it, so the emit step caches on value equality.
/// </summary>
internal static class TypeParser
{
    // Every number in a message or literal is formatted with the invariant culture explicitly, so output never
    // depends on the build machine's culture.
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var diagnostics = new List<DiagnosticInfo>();
        var location = ((TypeDeclarationSyntax)context.TargetNode).Identifier.GetLocation();

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (IsPartial(t, cancellationToken)) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, location, t.ToDisplayString()));
            return Fail(diagnostics);
        }
        if (type.IsGenericType || type.ContainingType?.IsGenericType == true)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType, location, type.ToDisplayString()));
            return Fail(diagnostics);
        }
        if (type.TypeKind == TypeKind.Class && (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.All(p => p.IsOptional))))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoConstructor, location, type.ToDisplayString()));
            return Fail(diagnostics);
        }

        var synthesize = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Synthesize);
        var from = Named(synthesize, "From");
        var table = Named(synthesize, "Table");

        // The [Steps] property (a sequence-bound entity's list of steps) is read apart: it is no value of its own.
        var stepsProperties = InstanceProperties(type).Where(IsSteps).ToList();
        StepsSpec? steps = null;
        var stepSites = new List<PropertySite>();
        if (stepsProperties.Count > 1)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidStepsProperty, stepsProperties[1].Locations.FirstOrDefault(), type.Name + "." + stepsProperties[1].Name,
                $"'{type.Name}' already has [Steps] on '{stepsProperties[0].Name}'; an entity has one list of steps"));
        else if (stepsProperties.Count == 1)
        {
            if (from is null)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotASequenceModel, stepsProperties[0].Locations.FirstOrDefault(), type.Name + "." + stepsProperties[0].Name,
                    $"'{type.Name}' is made from attributes alone; bind it to the model of a CSV learned as sequences ([Synthesize(From = \"data/weather.csv\")])"));
            else steps = StepsParser.Parse(stepsProperties[0], type, diagnostics, stepSites);
        }

        var parser = new PropertyParser(context.SemanticModel.Compilation, type, diagnostics);
        var drafts = new List<PropertyDraft>();
        var properties = new List<IPropertySymbol>();
        foreach (var property in SettableProperties(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Ignore)) continue;
            if (IsSteps(property)) continue;
            properties.Add(property);
            var draft = parser.Parse(property);
            if (draft is not null) drafts.Add(draft);
        }
        if (table is not null && from is null)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTableBinding, location, type.Name,
                $"Table = \"{table}\" needs From naming the learned database it belongs to ([Synthesize(From = \"data/shop\", Table = \"{table}\")])"));
        // A learned text column needs a model; a type made from attributes alone has none to learn text from.
        if (from is null)
            foreach (var draft in drafts.Where(d => d.LearnedText))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LearnedTextWithoutModel, draft.TextLocation, type.Name + "." + draft.Name, type.Name));
        var rules = RuleAttributeParser.Parse(type, properties, cancellationToken);
        // Only a learned model keeps these rules: on a type made from attributes alone nothing would make them hold.
        if (from is null)
            foreach (var rule in rules)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RuleWithoutModel, rule.Location ?? location,
                    rule.Spec.Property is null ? type.Name : type.Name + "." + rule.Spec.Property, rule.Spec.Display, type.Name));
        if (diagnostics.Count > 0) return Fail(diagnostics);
        if (!PromptChecker.Check(type.Name, drafts, diagnostics)) return Fail(diagnostics);
        var ordered = OrderingPlanner.Plan(type.Name, drafts, diagnostics);
        if (ordered is null) return Fail(diagnostics);

        var containers = new List<ContainerSpec>();
        for (var c = type.ContainingType; c is not null; c = c.ContainingType) containers.Insert(0, new ContainerSpec(Keyword(c), c.Name));
        var spec = new TypeSpec(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Keyword(type),
            containers.ToEquatableArray(),
            ordered.Select(d => d.ToSpec()).ToEquatableArray(),
            from,
            table,
            rules.Select(r => r.Spec).ToEquatableArray(), steps);
        // Where binding problems are reported; kept apart from the spec so moving code never regenerates source.
        var site = from is null ? null : new BindingSite(type.Name, from,
            LocationInfo.From(type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Synthesize).ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()),
            ordered.Select(d => new PropertySite(d.Name, LocationInfo.From(d.Location)))
                .Concat(stepsProperties.Take(1).Select(p => new PropertySite(p.Name, LocationInfo.From(p.Locations.FirstOrDefault())))).ToEquatableArray(),
            stepSites.ToEquatableArray());
        return new ParseResult(spec, EquatableArray<DiagnosticInfo>.Empty, site);
    }

    /// <summary>A string named argument of an attribute ([Synthesize]'s From and Table), or null.</summary>
    internal static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.Key == name).Select(n => n.Value.Value as string).FirstOrDefault();

    private static ParseResult Fail(List<DiagnosticInfo> diagnostics) => new(null, diagnostics.ToEquatableArray());

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool IsSteps(IPropertySymbol property) =>
        property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Steps);

    /// <summary>Instance properties declared in the type or its bases, with or without a setter.</summary>
    private static IEnumerable<IPropertySymbol> InstanceProperties(INamedTypeSymbol type)
    {
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
            foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
                if (!property.IsStatic && !property.IsIndexer && !property.IsImplicitlyDeclared) yield return property;
    }

    /// <summary>Instance properties with a setter, base types' first; an override replaces what it overrides.</summary>
    private static IEnumerable<IPropertySymbol> SettableProperties(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
            chain.Insert(0, t);
        var seen = new Dictionary<string, IPropertySymbol>();
        var order = new List<string>();
        foreach (var t in chain)
        {
            foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.SetMethod is null || property.IsImplicitlyDeclared) continue;
                if (property.Name == "EqualityContract") continue;
                // A private setter of a base type is out of reach of the generated code, which lives in the derived type.
                if (!SymbolEqualityComparer.Default.Equals(t, type) && property.SetMethod.DeclaredAccessibility == Accessibility.Private) continue;
                if (!seen.ContainsKey(property.Name)) order.Add(property.Name);
                seen[property.Name] = property;
            }
        }
        return order.Select(n => seen[n]);
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (false, TypeKind.Struct) => "struct",
        (false, TypeKind.Interface) => "interface",
        _ => "class",
    };
}
