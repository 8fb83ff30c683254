using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SynthFixtures.Trainer.RuleAttributes;

/// <summary>
/// Finds, in a project's C# sources, the types bound to one model (<c>[Synthesize(From = "data/stays.csv")]</c>, whose
/// file name matches the model's CSV, as the source generator matches a type to its model's schema) and their rule
/// attributes. Syntax only: the build trains before it compiles, so there is no semantic model; attribute names are
/// matched by their last identifier (<c>GreaterThan</c>, <c>SynthFixtures.GreaterThanAttribute</c>), and arguments must
/// be constants written in place (string literals, <c>nameof</c>, their concatenation; numbers).
/// </summary>
internal static class BoundTypeReader
{
    // The attributes whose property gets its values from elsewhere than the model's column (as the generator binds).
    private static readonly HashSet<string> NotReadingColumn = new(StringComparer.Ordinal)
    {
        "SynthIgnore", "SynthKey", "Key", "Fake", "SynthRegex", "RegularExpression", "EmailAddress", "Phone", "Url", "SynthForeignKey", "ForeignKey",
    };

    /// <summary>The types of <paramref name="sources"/> bound to the model learned from <paramref name="dataFile"/> (a CSV, not a database table).</summary>
    public static IReadOnlyList<BoundType> Read(IEnumerable<string> sources, string dataFile, CancellationToken cancellationToken = default)
    {
        var model = ModelName(dataFile);
        var parts = new Dictionary<string, List<(TypeDeclarationSyntax Syntax, SyntaxTree Tree)>>(StringComparer.Ordinal);
        var bound = new List<string>();
        foreach (var path in sources.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(path)) continue;
            var text = File.ReadAllText(path);
            // Every part of a bound type says 'partial'; a file without the word holds none.
            if (!text.Contains("partial", StringComparison.Ordinal)) continue;
            var tree = CSharpSyntaxTree.ParseText(text, path: path, cancellationToken: cancellationToken);
            foreach (var type in tree.GetRoot(cancellationToken).DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var name = FullName(type);
                if (!parts.TryGetValue(name, out var list)) parts[name] = list = [];
                list.Add((type, tree));
                if (Attributes(type.AttributeLists).Any(a => IsBinding(a, model)) && !bound.Contains(name)) bound.Add(name);
            }
        }
        return bound.Order(StringComparer.Ordinal).Select(name => Describe(name, parts[name])).ToList();
    }

    /// <summary>The model name a CSV path or a <c>From</c> value stands for: its file name without extension (as the generator has it).</summary>
    public static string ModelName(string path) => Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/')[^1]);

    private static BoundType Describe(string name, List<(TypeDeclarationSyntax Syntax, SyntaxTree Tree)> parts)
    {
        var properties = new List<BoundProperty>();
        var rules = new List<RuleAttributeSyntax>();
        foreach (var (type, tree) in parts)
        {
            foreach (var attribute in Attributes(type.AttributeLists))
                if (Kind(attribute) == RuleAttributeKind.FixedCombination) rules.Add(Rule(RuleAttributeKind.FixedCombination, null, attribute, tree));
            foreach (var property in type.Members.OfType<PropertyDeclarationSyntax>())
            {
                var attributes = Attributes(property.AttributeLists).ToList();
                var column = attributes.FirstOrDefault(a => Simple(a) == "Column") is { } c ? Constant(c.ArgumentList?.Arguments.FirstOrDefault()?.Expression) : null;
                var readsColumn = !attributes.Any(a => NotReadingColumn.Contains(Simple(a)));
                properties.Add(new BoundProperty(property.Identifier.ValueText, column, readsColumn));
                foreach (var attribute in attributes)
                    if (Kind(attribute) is { } kind and not RuleAttributeKind.FixedCombination)
                        rules.Add(Rule(kind, property.Identifier.ValueText, attribute, tree));
            }
        }
        return new BoundType(name, properties, rules);
    }

    private static RuleAttributeSyntax Rule(RuleAttributeKind kind, string? property, AttributeSyntax attribute, SyntaxTree tree)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        var named = arguments.Where(a => a.NameEquals is not null)
            .ToDictionary(a => a.NameEquals!.Name.Identifier.ValueText, a => Constant(a.Expression), StringComparer.Ordinal);
        var first = positional.FirstOrDefault()?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            && literal.Token.Text.StartsWith('"')
            ? Place(tree, literal.SpanStart + 1) : null;
        return new RuleAttributeSyntax(kind, property, positional.Select(a => Constant(a.Expression)).ToList(), named,
            "[" + Normalize(attribute.ToString()) + "]", Place(tree, attribute.SpanStart), first);
    }

    private static SourcePlace Place(SyntaxTree tree, int position)
    {
        var at = tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition;
        return new SourcePlace(tree.FilePath, at.Line + 1, at.Character + 1);
    }

    /// <summary>A constant argument's value: a string or number literal, <c>nameof(X)</c>, or their concatenation with <c>+</c>; <c>null</c> for anything else.</summary>
    private static string? Constant(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) => literal.Token.Text,
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) => null,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } call
            when call.ArgumentList.Arguments.Count == 1 => LastName(call.ArgumentList.Arguments[0].Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression)
            && Constant(binary.Left) is { } left && Constant(binary.Right) is { } right => left + right,
        ParenthesizedExpressionSyntax parenthesized => Constant(parenthesized.Expression),
        _ => null,
    };

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static IEnumerable<AttributeSyntax> Attributes(SyntaxList<AttributeListSyntax> lists) =>
        lists.Where(l => l.Target is null).SelectMany(l => l.Attributes);

    /// <summary>An attribute's name without namespace and without the <c>Attribute</c> suffix.</summary>
    private static string Simple(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length ? name[..^"Attribute".Length] : name;
    }

    private static RuleAttributeKind? Kind(AttributeSyntax attribute) => Simple(attribute) switch
    {
        "GreaterThan" => RuleAttributeKind.GreaterThan,
        "LessThan" => RuleAttributeKind.LessThan,
        "Derived" => RuleAttributeKind.Derived,
        "IdentifierFormat" => RuleAttributeKind.IdentifierFormat,
        "FixedCombination" => RuleAttributeKind.FixedCombination,
        _ => null,
    };

    /// <summary>Whether <paramref name="attribute"/> is <c>[Synthesize(From = …)]</c> naming this model, without <c>Table</c> (a database's table).</summary>
    private static bool IsBinding(AttributeSyntax attribute, string model)
    {
        if (Simple(attribute) != "Synthesize" || attribute.ArgumentList is not { } list) return false;
        var from = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "From");
        var table = list.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "Table");
        return !table && from is not null && Constant(from.Expression) is { } path && ModelName(path) == model;
    }

    /// <summary>Namespaces and enclosing types, dotted: the parts of one partial type share it.</summary>
    private static string FullName(TypeDeclarationSyntax type)
    {
        var names = new List<string> { type.Identifier.ValueText + (type.TypeParameterList is { } p ? "`" + p.Parameters.Count : "") };
        for (var node = type.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax outer) names.Add(outer.Identifier.ValueText);
            else if (node is BaseNamespaceDeclarationSyntax ns) names.Add(ns.Name.ToString());
        }
        names.Reverse();
        return string.Join(".", names);
    }

    private static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
