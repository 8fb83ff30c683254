using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Reads a <c>[Steps]</c> property: a list (or array) of a step type, and how a step is made: through a positional
/// constructor whose parameters are the step's properties (a positional record), or a parameterless constructor and
/// its settable properties. The step type carries no attributes of ours; its properties bind to the sequence model's
/// step and index columns, by name or <c>[Column("…")]</c>, when the type is bound (<see cref="SequenceBinder"/>).
/// </summary>
internal static class StepsParser
{
    private static readonly string[] ListTypes =
    {
        "System.Collections.Generic.List<T>", "System.Collections.Generic.IReadOnlyList<T>", "System.Collections.Generic.IList<T>",
        "System.Collections.Generic.ICollection<T>", "System.Collections.Generic.IReadOnlyCollection<T>", "System.Collections.Generic.IEnumerable<T>",
    };

    /// <summary>The spec, or null with a diagnostic added; <paramref name="sites"/> receives the step properties' locations.</summary>
    public static StepsSpec? Parse(IPropertySymbol property, INamedTypeSymbol owner, List<DiagnosticInfo> diagnostics, List<PropertySite> sites)
    {
        var display = owner.Name + "." + property.Name;
        var location = property.Locations.FirstOrDefault();
        if (property.SetMethod is null)
            return Invalid(diagnostics, location, display, "the property needs a setter (or init) so each entity's steps can be assigned");
        ITypeSymbol? element = property.Type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 } named when ListTypes.Contains(named.OriginalDefinition.ToDisplayString()) => named.TypeArguments[0],
            _ => null,
        };
        if (element is null)
            return Invalid(diagnostics, location, display, $"its type is '{property.Type.ToDisplayString()}'; make it List<T>, IReadOnlyList<T>, IList<T>, ICollection<T>, IReadOnlyCollection<T>, IEnumerable<T> or T[] of a step type");
        if (element is not INamedTypeSymbol step || step.TypeKind is not (TypeKind.Class or TypeKind.Struct) || step.SpecialType == SpecialType.System_String
            || KindInfo.Of(step) is not null || step.IsAbstract || step.IsGenericType)
            return Invalid(diagnostics, location, display, $"its steps are '{element.ToDisplayString()}', which is not a step type; use a non-generic class, struct or record whose properties are the step columns");

        var properties = Properties(step);
        var constructors = step.InstanceConstructors.Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal).ToList();
        List<(IPropertySymbol Property, IParameterSymbol? Parameter)>? members;
        bool positional;
        if (constructors.Any(c => c.Parameters.Length == 0))
        {
            members = properties.Where(p => p.SetMethod is { DeclaredAccessibility: Accessibility.Public or Accessibility.Internal })
                .Select(p => (p, (IParameterSymbol?)null)).ToList();
            positional = false;
        }
        else
        {
            // The widest constructor whose every parameter names a property: a positional record's primary constructor.
            members = constructors.OrderByDescending(c => c.Parameters.Length)
                .Select(c => c.Parameters.Select(a => (Property: properties.FirstOrDefault(p => string.Equals(p.Name, a.Name, StringComparison.OrdinalIgnoreCase)), Parameter: a)).ToList())
                .FirstOrDefault(list => list.All(m => m.Property is not null))
                ?.Select(m => (m.Property!, (IParameterSymbol?)m.Parameter)).ToList();
            positional = true;
            if (members is null)
                return Invalid(diagnostics, location, display, $"its step type '{step.Name}' needs a parameterless constructor, or a constructor whose parameters are its properties (a positional record)");
        }
        if (members.Count == 0)
            return Invalid(diagnostics, location, display, $"its step type '{step.Name}' has no settable properties to hold the step columns");

        var specs = new List<PropertySpec>();
        var ok = true;
        foreach (var (member, parameter) in members)
        {
            var spec = Spec(member, parameter, step, diagnostics);
            if (spec is null) ok = false;
            else specs.Add(spec);
            sites.Add(new PropertySite(member.Name, LocationInfo.From(member.Locations.FirstOrDefault(l => l.IsInSource) ?? location)));
        }
        if (!ok) return null;
        return new StepsSpec(property.Name, step.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), step.Name,
            property.Type is IArrayTypeSymbol, positional, specs.ToEquatableArray());
    }

    /// <summary>A step property as the binder reads it: its kind, nullability, [Column] name and enum members.</summary>
    private static PropertySpec? Spec(IPropertySymbol property, IParameterSymbol? parameter, INamedTypeSymbol step, List<DiagnosticInfo> diagnostics)
    {
        var type = parameter?.Type ?? property.Type;
        var underlying = type;
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
        {
            underlying = wrapped.TypeArguments[0];
            nullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            underlying = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            nullable = true;
        }
        var kind = KindInfo.Of(underlying);
        var members = underlying.TypeKind == TypeKind.Enum
            ? underlying.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToList()
            : new List<string>();
        if (kind is null or ValueKind.TimeOnly or ValueKind.TimeSpan || (kind == ValueKind.Enum && members.Count == 0))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, property.Locations.FirstOrDefault(),
                step.Name + "." + property.Name, type.ToDisplayString()));
            return null;
        }
        var column = ColumnName(property.GetAttributes()) ?? (parameter is null ? null : ColumnName(parameter.GetAttributes()));
        return new PropertySpec(property.Name, underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), kind.Value, nullable, 0,
            ValueSource.Default, KindInfo.Longs(0, 0), null, null, false, null, EquatableArray<string>.Empty, EquatableArray<double>.Empty,
            null, null, 0, 0, null, null, column, false, members.ToEquatableArray());
    }

    private static string? ColumnName(IEnumerable<AttributeData> attributes) =>
        attributes.Where(a => a.AttributeClass?.ToDisplayString() == AttributeNames.DaColumn)
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string).FirstOrDefault();

    /// <summary>Instance properties of the step type, base types' first, without the compiler's own.</summary>
    private static List<IPropertySymbol> Properties(INamedTypeSymbol step)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = step; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType) chain.Insert(0, t);
        var found = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var property in chain.SelectMany(t => t.GetMembers().OfType<IPropertySymbol>()))
        {
            if (property.IsStatic || property.IsIndexer || property.Name == "EqualityContract") continue;
            if (property.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal)) continue;
            if (property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Ignore)) continue;
            if (!found.ContainsKey(property.Name)) order.Add(property.Name);
            found[property.Name] = property;
        }
        return order.Select(n => found[n]).ToList();
    }

    private static StepsSpec? Invalid(List<DiagnosticInfo> diagnostics, Location? location, string display, string problem)
    {
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidStepsProperty, location, display, problem));
        return null;
    }
}
