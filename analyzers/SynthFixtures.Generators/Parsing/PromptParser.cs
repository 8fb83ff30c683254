using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SynthFixtures.Generators.Diagnostics;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Reads one <c>[Text(Prompt = …)]</c> attribute into its draft: the template's parts (positional placeholders
/// resolved through <c>Uses</c>) and the writer settings. Problems point at the attribute argument, and at the
/// placeholder itself when the prompt is a plain string literal. Whether the names exist is checked per type
/// (<see cref="PromptChecker"/>), which knows every property.
/// </summary>
internal sealed class PromptParser
{
    private readonly PropertyParser _parser;
    private readonly PropertyDraft _draft;
    private readonly string _display;
    private readonly AttributeData _attribute;
    private readonly AttributeSyntax? _syntax;

    public PromptParser(PropertyParser parser, PropertyDraft draft, string display, AttributeData attribute)
    {
        _parser = parser;
        _draft = draft;
        _display = display;
        _attribute = attribute;
        _syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
    }

    public PropertyDraft? Read()
    {
        var template = Named("Prompt").Value as string ?? "";
        var promptExpression = Argument("Prompt");
        var promptLocation = promptExpression?.GetLocation() ?? _draft.TextLocation;
        if (template.Trim().Length == 0)
            return _parser.Add(DiagnosticDescriptors.MalformedPrompt, promptLocation, _display, "it is empty");
        var segments = PromptTemplate.Parse(template, out var problem, out var position);
        if (segments is null)
            return _parser.Add(DiagnosticDescriptors.MalformedPrompt, Within(promptExpression, position, 1) ?? promptLocation, _display, problem!);

        var usesConstant = Named("Uses");
        var uses = usesConstant.Kind == TypedConstantKind.Array && !usesConstant.IsNull
            ? usesConstant.Values.Select(v => v.Value as string ?? "").ToList()
            : new List<string>();
        var used = new HashSet<int>();
        foreach (var segment in segments)
        {
            if (segment.Key is null)
            {
                _draft.PromptParts.Add(new PromptDraftPart(segment.Literal, null, null, null));
                continue;
            }
            var placeholder = Within(promptExpression, segment.Start, segment.Length) ?? promptLocation;
            if (segment.Index < 0)
            {
                _draft.PromptParts.Add(new PromptDraftPart(null, segment.Key, segment.Format, placeholder));
                continue;
            }
            if (segment.Index >= uses.Count)
                return _parser.Add(DiagnosticDescriptors.PromptPositionMismatch, placeholder, _display,
                    $"the placeholder {{{segment.Key}}} has no Uses entry (Uses {(uses.Count == 0 ? "is not given" : "has " + Count(uses.Count, "name"))})");
            used.Add(segment.Index);
            _draft.PromptParts.Add(new PromptDraftPart(null, uses[segment.Index], segment.Format, UsesElement(segment.Index) ?? placeholder));
        }
        for (var i = 0; i < uses.Count; i++)
        {
            if (used.Contains(i)) continue;
            return _parser.Add(DiagnosticDescriptors.PromptPositionMismatch, UsesElement(i) ?? Argument("Uses")?.GetLocation() ?? promptLocation, _display,
                $"Uses[{i.ToString(CultureInfo.InvariantCulture)}] ('{uses[i]}') is never used: the prompt has no {{{i.ToString(CultureInfo.InvariantCulture)}}}");
        }
        return ReadSettings() ? _draft : null;
    }

    private bool ReadSettings()
    {
        var temperature = Named("Temperature");
        if (!temperature.IsNull && temperature.Value is not null)
        {
            var value = Convert.ToDouble(temperature.Value, CultureInfo.InvariantCulture);
            if (!(value >= 0) || double.IsInfinity(value)) return _parser.Invalid(_draft, "[Text]", _display, "Temperature must be a finite number, 0 or more") is not null;
            _draft.Temperature = value;
        }
        var maxTokens = Named("MaxTokens");
        if (!maxTokens.IsNull && maxTokens.Value is not null)
        {
            var value = Convert.ToInt32(maxTokens.Value, CultureInfo.InvariantCulture);
            if (value < 1) return _parser.Invalid(_draft, "[Text]", _display, "MaxTokens must be at least 1") is not null;
            _draft.MaxTokens = value;
        }
        var candidates = Named("Candidates");
        if (!candidates.IsNull && candidates.Value is not null)
        {
            var value = Convert.ToInt32(candidates.Value, CultureInfo.InvariantCulture);
            if (value < 1) return _parser.Invalid(_draft, "[Text]", _display, "Candidates must be at least 1") is not null;
            _draft.Candidates = value;
        }
        return true;
    }

    private TypedConstant Named(string name) =>
        _attribute.NamedArguments.Where(n => n.Key == name).Select(n => n.Value).FirstOrDefault();

    private ExpressionSyntax? Argument(string name) =>
        _syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;

    /// <summary>The location of Uses[i] as written (an array or collection expression), when it can be found.</summary>
    private Location? UsesElement(int index)
    {
        var elements = Argument("Uses") switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.ToList(),
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.ToList(),
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
            _ => null,
        };
        return elements is not null && index < elements.Count ? elements[index].GetLocation() : null;
    }

    /// <summary>
    /// The characters [start, start + length) of the template inside its string literal, when the literal is written
    /// without escapes (so template positions are source positions); null otherwise.
    /// </summary>
    private static Location? Within(ExpressionSyntax? expression, int start, int length)
    {
        if (expression is not LiteralExpressionSyntax literal || !literal.Token.IsKind(SyntaxKind.StringLiteralToken)) return null;
        var token = literal.Token;
        if (token.Text != "\"" + token.ValueText + "\"") return null;
        return Location.Create(literal.SyntaxTree, new TextSpan(token.SpanStart + 1 + start, length));
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
