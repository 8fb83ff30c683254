using System.Linq;
using Microsoft.CodeAnalysis;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Resolves a <c>[Fake("Dataset.Method")]</c> path against Bogus's <c>Faker</c> in the compilation, at compile time,
/// to the text of a direct call. Says why when it cannot.
/// </summary>
internal static class FakeResolver
{
    public static string? Resolve(Compilation compilation, string path, ITypeSymbol propertyType, out string? problem)
    {
        problem = null;
        var faker = compilation.GetTypeByMetadataName("Bogus.Faker");
        if (faker is null)
        {
            problem = "cannot be resolved because Bogus is not referenced";
            return null;
        }
        var parts = path.Split('.');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            problem = "is not of the form 'Dataset.Method'";
            return null;
        }
        var dataset = faker.GetMembers(parts[0]).OfType<IPropertySymbol>().FirstOrDefault(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic);
        if (dataset is null)
        {
            problem = $"names no Bogus dataset '{parts[0]}'";
            return null;
        }
        var methods = dataset.Type.GetMembers(parts[1]).OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsStatic && !m.IsGenericMethod)
            .ToList();
        if (methods.Count == 0)
        {
            problem = $"names no method '{parts[1]}' on Bogus's {dataset.Type.Name} dataset";
            return null;
        }
        var callable = methods.FirstOrDefault(m => m.Parameters.All(p => p.IsOptional || p.IsParams));
        if (callable is null)
        {
            problem = "names a method whose arguments are all required";
            return null;
        }
        if (!SymbolEqualityComparer.Default.Equals(callable.ReturnType, propertyType))
        {
            problem = $"returns '{callable.ReturnType.ToDisplayString()}', not the property's type";
            return null;
        }
        return parts[0] + "." + parts[1] + "()";
    }
}
