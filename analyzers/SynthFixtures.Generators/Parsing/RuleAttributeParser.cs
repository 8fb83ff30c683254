using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Reads the rule attributes only a learned model keeps — <c>[Derived]</c> and <c>[IdentifierFormat]</c> on properties,
/// <c>[FixedCombination]</c> on the type — as the properties they name. The build's trainer reads the same attributes
/// from syntax and has the model keep them; the binder checks the model's schema says it does.
/// </summary>
internal static class RuleAttributeParser
{
    /// <summary>A rule attribute and where it is written.</summary>
    public sealed record Found(RuleAttributeSpec Spec, Location? Location);

    public static List<Found> Parse(INamedTypeSymbol type, IReadOnlyList<IPropertySymbol> properties, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(properties.Select(p => p.Name), StringComparer.Ordinal);
        var found = new List<Found>();
        foreach (var attribute in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AttributeNames.FixedCombination))
        {
            var members = attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } array
                ? array.Values.Select(v => v.Value as string ?? "").ToList() : new List<string>();
            found.Add(new Found(new RuleAttributeSpec(RuleAttributeKind.FixedCombination, null, members.ToEquatableArray(), Display(attribute, cancellationToken)), LocationOf(attribute, cancellationToken)));
        }
        foreach (var property in properties)
            foreach (var attribute in property.GetAttributes())
            {
                switch (attribute.AttributeClass?.ToDisplayString())
                {
                    case AttributeNames.Derived:
                        var expression = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
                        // The operands: the words of the expression that are properties (numbers and operators are not).
                        var operands = Words(expression).Where(names.Contains).Distinct().ToEquatableArray();
                        found.Add(new Found(new RuleAttributeSpec(RuleAttributeKind.Derived, property.Name, operands, Display(attribute, cancellationToken)), LocationOf(attribute, cancellationToken)));
                        break;
                    case AttributeNames.IdentifierFormat:
                        found.Add(new Found(new RuleAttributeSpec(RuleAttributeKind.IdentifierFormat, property.Name, EquatableArray<string>.Empty, Display(attribute, cancellationToken)), LocationOf(attribute, cancellationToken)));
                        break;
                }
            }
        return found;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text.Substring(start, i - start);
                start = -1;
            }
        }
    }

    private static Location? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static string Display(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax
            ? "[" + string.Join(" ", syntax.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) + "]"
            : "[" + attribute.AttributeClass?.Name + "]";
}
