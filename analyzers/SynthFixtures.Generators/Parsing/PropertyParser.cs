using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>Reads one property's type and attributes into a <see cref="PropertyDraft"/>, reporting what is wrong with them.</summary>
internal sealed class PropertyParser
{
    private const string FullName = "global::";
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _owner;
    private readonly List<DiagnosticInfo> _diagnostics;

    public PropertyParser(Compilation compilation, INamedTypeSymbol owner, List<DiagnosticInfo> diagnostics)
    {
        _compilation = compilation;
        _owner = owner;
        _diagnostics = diagnostics;
    }

    /// <summary>The draft, or null when the property cannot be generated (a diagnostic says why).</summary>
    public PropertyDraft? Parse(IPropertySymbol property)
    {
        var draft = new PropertyDraft(property, property.Name, property.Locations.FirstOrDefault());
        var display = _owner.Name + "." + property.Name;
        var attributes = property.GetAttributes();
        if (!ResolveType(draft, property.Type, attributes, display)) return null;

        // Which attribute decides where values come from; more than one is a conflict.
        var sources = new List<(string Name, ValueSource Source, AttributeData Data)>();
        var modifiers = new List<(string Name, AttributeData Data)>();
        AttributeData? range = null, stringLength = null, distribution = null, nullRate = null, required = null, text = null;
        foreach (var attribute in attributes)
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case AttributeNames.Key or AttributeNames.DaKey: sources.Add(("[Key]", ValueSource.Key, attribute)); break;
                case AttributeNames.OneOf: sources.Add(("[OneOf]", ValueSource.OneOf, attribute)); break;
                case AttributeNames.DaAllowedValues: sources.Add(("[AllowedValues]", ValueSource.OneOf, attribute)); break;
                case AttributeNames.Fake: sources.Add(("[Fake]", ValueSource.Fake, attribute)); break;
                case AttributeNames.Regex: sources.Add(("[SynthRegex]", ValueSource.Pattern, attribute)); break;
                case AttributeNames.DaRegularExpression: sources.Add(("[RegularExpression]", ValueSource.Pattern, attribute)); break;
                case AttributeNames.DaEmailAddress: sources.Add(("[EmailAddress]", ValueSource.Pattern, attribute)); break;
                case AttributeNames.DaPhone: sources.Add(("[Phone]", ValueSource.Pattern, attribute)); break;
                case AttributeNames.DaUrl: sources.Add(("[Url]", ValueSource.Pattern, attribute)); break;
                case AttributeNames.ForeignKey: sources.Add(("[SynthForeignKey]", ValueSource.ForeignKey, attribute)); break;
                case AttributeNames.Range or AttributeNames.DaRange:
                    if (range is not null) return Conflict(draft, display, "[SynthRange]", "[Range]");
                    range = attribute;
                    modifiers.Add(("[Range]", attribute));
                    break;
                case AttributeNames.Distribution:
                    distribution = attribute;
                    modifiers.Add(("[Distribution]", attribute));
                    break;
                case AttributeNames.GreaterThan or AttributeNames.LessThan:
                    var greater = attribute.AttributeClass!.Name == "GreaterThanAttribute";
                    var name = greater ? "[GreaterThan]" : "[LessThan]";
                    if (draft.OrderingAttribute is not null) return Conflict(draft, display, draft.OrderingAttribute, name);
                    draft.OrderingAttribute = name;
                    draft.OrderingGreater = greater;
                    draft.OrderingTarget = attribute.ConstructorArguments.FirstOrDefault().Value as string;
                    draft.OrderingLocation = LocationOf(attribute) ?? draft.Location;
                    modifiers.Add((name, attribute));
                    break;
                case AttributeNames.StringLength or AttributeNames.DaStringLength or AttributeNames.DaMaxLength or AttributeNames.DaMinLength or AttributeNames.DaLength:
                    stringLength = attribute;
                    modifiers.Add(("[" + attribute.AttributeClass!.Name.Replace("Attribute", "") + "]", attribute));
                    break;
                case AttributeNames.Unique: draft.Unique = true; break;
                case AttributeNames.NullRate: nullRate = attribute; break;
                case AttributeNames.DaRequired: required = attribute; break;
                case AttributeNames.DaColumn: draft.ColumnName = attribute.ConstructorArguments.FirstOrDefault().Value as string; break;
                case AttributeNames.Text: text = attribute; break;
            }
        }
        if (text is not null)
        {
            draft.TextLocation = LocationOf(text) ?? draft.Location;
            if (draft.Kind != ValueKind.String)
                return Add(DiagnosticDescriptors.TextOnNonString, draft.TextLocation, display, property.Type.ToDisplayString());
            // Without a prompt the property is a plain string read from a learned text column; with one, the text writer makes it.
            var learned = !text.NamedArguments.Any(n => n.Key == "Prompt" && !n.Value.IsNull);
            draft.LearnedText = learned;
            sources.Add(("[Text]", learned ? ValueSource.Default : ValueSource.Prompt, text));
        }
        draft.RangeDeclared = range is not null;

        if (draft.Kind == ValueKind.Nested)
        {
            if (sources.Count > 0) return Conflict(draft, display, "a [Synthesize] type", sources[0].Name);
            draft.Source = ValueSource.Nested;
        }
        else if (sources.Count > 1) return Conflict(draft, display, sources[0].Name, sources[1].Name);
        else if (sources.Count == 1) draft.Source = sources[0].Source;

        // Ranges, distributions and ordering shape the kind's own draw; with any other source they would be ignored.
        if (draft.Source != ValueSource.Default && modifiers.Count > 0 && !(draft.Source == ValueSource.Pattern && modifiers.All(m => m.Data == stringLength)))
            return Conflict(draft, display, (draft.Source == ValueSource.Nested ? "a [Synthesize] type" : sources[0].Name), modifiers[0].Name);

        if (!ReadNullRate(draft, display, nullRate, required)) return null;
        if (draft.Unique && draft.Kind == ValueKind.Nested) return Invalid(draft, "[Unique]", display, "a nested object cannot be unique");
        if (draft.Unique && draft.Source == ValueSource.Prompt) return Conflict(draft, display, "[Text(Prompt = …)]", "[Unique]");

        switch (draft.Source)
        {
            case ValueSource.Key: return ReadKey(draft, display, sources[0].Data);
            case ValueSource.OneOf: return ReadOneOf(draft, display, sources[0].Data);
            case ValueSource.Fake: return ReadFake(draft, display, sources[0].Data);
            case ValueSource.Pattern: return ReadPattern(draft, display, sources[0], stringLength);
            case ValueSource.ForeignKey: return ReadForeignKey(draft, display, sources[0].Data);
            case ValueSource.Nested: return ReadNested(draft, display);
            case ValueSource.Prompt: return new PromptParser(this, draft, display, sources[0].Data).Read();
        }
        if (stringLength is not null && draft.Kind != ValueKind.String)
            return Invalid(draft, modifiers.First(m => m.Data == stringLength).Name, display, "length limits apply to strings only");
        if (draft.Kind == ValueKind.String && !ReadLength(draft, display, stringLength)) return null;
        if (draft.OrderingAttribute is not null && !draft.Kind.IsOrderable())
            return Add(DiagnosticDescriptors.InvalidOrderingTarget, draft.OrderingLocation, draft.OrderingAttribute, display, draft.OrderingTarget ?? "", $"cannot be ordered because '{draft.Name}' is a {draft.Kind.ToString().ToLowerInvariant()}");
        if (!ReadDistribution(draft, display, distribution)) return null;
        if (range is not null && !draft.Kind.IsOrderable())
            return Add(DiagnosticDescriptors.InvalidRange, LocationOf(range), display, $"a range cannot apply to a {draft.Kind.ToString().ToLowerInvariant()} property");
        if (draft.Kind.IsOrderable())
        {
            if (range is null) draft.Bounds = KindInfo.Default(draft.Kind, draft.Distribution);
            else
            {
                var args = range.ConstructorArguments;
                var (min, max) = args.Length == 3 ? (args[1].Value, args[2].Value) : (args[0].Value, args[1].Value);
                var bounds = BoundsParser.Parse(draft.Kind, min, max, out var error);
                if (bounds is null) return Add(DiagnosticDescriptors.InvalidRange, LocationOf(range), display, error!);
                draft.Bounds = bounds;
            }
        }
        return draft;
    }

    private bool ResolveType(PropertyDraft draft, ITypeSymbol type, ImmutableArray<AttributeData> attributes, string display)
    {
        var underlying = type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            underlying = nullable.TypeArguments[0];
            draft.IsNullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            underlying = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            draft.IsNullable = true;
        }
        draft.Underlying = underlying;
        draft.TypeName = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var kind = KindInfo.Of(underlying);
        if (kind is null && underlying is INamedTypeSymbol named && named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Synthesize))
            kind = ValueKind.Nested;
        if (kind == ValueKind.Enum && !underlying.GetMembers().OfType<IFieldSymbol>().Any(f => f.HasConstantValue))
            kind = null;
        if (kind is null)
        {
            Add(DiagnosticDescriptors.UnsupportedPropertyType, draft.Location, display, type.ToDisplayString());
            return false;
        }
        draft.Kind = kind.Value;
        if (kind == ValueKind.Enum)
        {
            // Without [OneOf], an enum draws uniformly from its declared members.
            foreach (var field in underlying.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
            {
                draft.Values.Add(draft.TypeName + "." + field.Name);
                draft.EnumMembers.Add(field.Name);
            }
        }
        return true;
    }

    private bool ReadNullRate(PropertyDraft draft, string display, AttributeData? nullRate, AttributeData? required)
    {
        if (nullRate is null) return true;
        var rate = Convert.ToDouble(nullRate.ConstructorArguments[0].Value, CultureInfo.InvariantCulture);
        if (!draft.IsNullable) return Invalid(draft, "[NullRate]", display, "the property is not nullable") is not null;
        if (rate < 0 || rate > 1 || double.IsNaN(rate)) return Invalid(draft, "[NullRate]", display, "the rate must lie in [0, 1]") is not null;
        if (required is not null && rate > 0) return Conflict(draft, display, "[Required]", "[NullRate]") is not null;
        if (draft.Source == ValueSource.Key) return Conflict(draft, display, "[Key]", "[NullRate]") is not null;
        draft.NullRate = rate;
        return true;
    }

    private bool ReadLength(PropertyDraft draft, string display, AttributeData? attribute)
    {
        ExplicitLength(attribute, out var min, out var max);
        var low = min ?? Math.Min(5, max ?? 12);
        var high = max ?? Math.Max(12, low + 7);
        if (low < 0 || high < low || high > 100_000)
            return Invalid(draft, "String length", display, $"the lengths [{low}, {high}] must satisfy 0 ≤ minimum ≤ maximum ≤ 100000") is not null;
        draft.MinLength = low;
        draft.MaxLength = high;
        return true;
    }

    /// <summary>The lengths a length attribute states; null where it says nothing.</summary>
    private static void ExplicitLength(AttributeData? attribute, out int? min, out int? max)
    {
        min = null;
        max = null;
        if (attribute is not null)
        {
            var args = attribute.ConstructorArguments;
            switch (attribute.AttributeClass!.Name)
            {
                case "SynthStringLengthAttribute" or "LengthAttribute":
                    min = (int)args[0].Value!;
                    max = (int)args[1].Value!;
                    break;
                case "StringLengthAttribute":
                    max = (int)args[0].Value!;
                    min = attribute.NamedArguments.Where(n => n.Key == "MinimumLength").Select(n => (int?)n.Value.Value).FirstOrDefault() ?? 0;
                    break;
                case "MaxLengthAttribute":
                    max = args.Length > 0 ? (int)args[0].Value! : null;
                    break;
                case "MinLengthAttribute":
                    min = (int)args[0].Value!;
                    break;
            }
        }
    }

    private bool ReadDistribution(PropertyDraft draft, string display, AttributeData? attribute)
    {
        if (attribute is null) return true;
        var args = attribute.ConstructorArguments;
        var kind = Convert.ToInt32(args[0].Value, CultureInfo.InvariantCulture);
        var p1 = Convert.ToDouble(args[1].Value, CultureInfo.InvariantCulture);
        var p2 = args.Length > 2 ? Convert.ToDouble(args[2].Value, CultureInfo.InvariantCulture) : 0;
        if (!(draft.Kind.IsFloating() || draft.Kind <= ValueKind.Decimal))
            return Invalid(draft, "[Distribution]", display, "distributions apply to numeric properties only") is not null;
        string? problem = kind switch
        {
            0 => null,
            1 when !(p2 > 0) => "a normal distribution needs a positive standard deviation",
            2 when !(p2 > 0) => "a log-normal distribution needs a positive σ",
            3 when !(p1 > 0) => "an exponential distribution needs a positive mean",
            > 3 or < 0 => "unknown distribution kind",
            _ => null,
        };
        if (problem is not null) return Invalid(draft, "[Distribution]", display, problem) is not null;
        if (kind != 0) draft.Distribution = new DistributionSpec(kind, p1, p2);
        return true;
    }

    private PropertyDraft? ReadKey(PropertyDraft draft, string display, AttributeData attribute)
    {
        var kind = attribute.NamedArguments.Where(n => n.Key == "Kind").Select(n => Convert.ToInt32(n.Value.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
        var start = attribute.NamedArguments.Where(n => n.Key == "Start").Select(n => Convert.ToInt64(n.Value.Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).First();
        if (draft.IsNullable) return Invalid(draft, "[Key]", display, "a key cannot be nullable");
        switch (draft.Kind)
        {
            case ValueKind.Byte or ValueKind.Int16 or ValueKind.Int32 or ValueKind.Int64:
                if (kind == 2) return Invalid(draft, "[Key]", display, "a GUID key needs a Guid or string property");
                var limits = KindInfo.Limits(draft.Kind);
                if (start < limits.LongMin || start > limits.LongMax) return Invalid(draft, "[Key]", display, "Start lies outside the property type");
                draft.Key = new KeySpec(false, start);
                break;
            case ValueKind.String:
                draft.Key = new KeySpec(kind == 2, start);
                break;
            case ValueKind.Guid:
                if (kind == 1) return Invalid(draft, "[Key]", display, "a Guid key cannot be sequential; use KeyKind.Auto or KeyKind.Guid");
                draft.Key = new KeySpec(true, start);
                break;
            default:
                return Invalid(draft, "[Key]", display, "keys must be integers, strings or Guids");
        }
        return draft;
    }

    private PropertyDraft? ReadOneOf(PropertyDraft draft, string display, AttributeData attribute)
    {
        var location = LocationOf(attribute) ?? draft.Location;
        var arg = attribute.ConstructorArguments.FirstOrDefault();
        var values = arg.Kind == TypedConstantKind.Array ? arg.Values : ImmutableArray.Create(arg);
        draft.Values.Clear(); // an enum's default member list is replaced by the chosen values
        if (values.Length == 0) return Add(DiagnosticDescriptors.OneOfValueNotConvertible, location, display, "the list of values is empty");
        foreach (var value in values)
        {
            var literal = Literal(draft, value, out var problem);
            if (literal is null)
                return Add(DiagnosticDescriptors.OneOfValueNotConvertible, location, display,
                    $"the value {(value.IsNull ? "null" : value.ToCSharpString())} cannot be converted to '{draft.TypeName.Replace(FullName, "")}'{(problem is null ? "" : " (" + problem + ")")}; list values of the property's type");
            draft.Values.Add(literal);
        }
        var weights = attribute.NamedArguments.Where(n => n.Key == "Weights").Select(n => n.Value).FirstOrDefault();
        if (weights.Kind == TypedConstantKind.Array && !weights.IsNull)
        {
            var numbers = weights.Values.Select(w => Convert.ToDouble(w.Value, CultureInfo.InvariantCulture)).ToList();
            if (numbers.Count != values.Length)
                return Add(DiagnosticDescriptors.OneOfValueNotConvertible, location, display, $"{numbers.Count} weights are given for {values.Length} values; give one weight per value");
            if (numbers.Any(w => !(w >= 0) || double.IsInfinity(w)) || numbers.Sum() <= 0)
                return Add(DiagnosticDescriptors.OneOfValueNotConvertible, location, display, "weights must be finite, non-negative and not all zero");
            var total = 0.0;
            foreach (var w in numbers) draft.CumulativeWeights.Add(total += w);
        }
        return draft;
    }

    private static string? Literal(PropertyDraft draft, TypedConstant value, out string? problem)
    {
        problem = null;
        if (value.IsNull)
        {
            problem = "use [NullRate] for nulls";
            return null;
        }
        var v = value.Value!;
        switch (draft.Kind)
        {
            case ValueKind.String:
                return v is string s ? SymbolDisplay.FormatLiteral(s, quote: true) : null;
            case ValueKind.Boolean:
                return v is bool b ? (b ? "true" : "false") : null;
            case ValueKind.Byte or ValueKind.Int16 or ValueKind.Int32 or ValueKind.Int64:
                if (v is string or bool or double or float or decimal || value.Kind == TypedConstantKind.Enum) return null;
                var l = Convert.ToInt64(v, CultureInfo.InvariantCulture);
                var limits = KindInfo.Limits(draft.Kind);
                if (l < limits.LongMin || l > limits.LongMax)
                {
                    problem = "out of range";
                    return null;
                }
                return "(" + draft.TypeName + ")" + l.ToString(CultureInfo.InvariantCulture) + (draft.Kind == ValueKind.Int64 ? "L" : "");
            case ValueKind.Double or ValueKind.Single:
                if (v is string or bool || value.Kind == TypedConstantKind.Enum) return null;
                var d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                if (draft.Kind == ValueKind.Single && Math.Abs(d) > float.MaxValue) return null;
                return draft.Kind == ValueKind.Single
                    ? ((float)d).ToString("R", CultureInfo.InvariantCulture) + "F"
                    : d.ToString("R", CultureInfo.InvariantCulture) + "D";
            case ValueKind.Decimal:
                if (v is bool || value.Kind == TypedConstantKind.Enum) return null;
                decimal m;
                if (v is string text)
                {
                    if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out m)) return null;
                }
                else m = Convert.ToDecimal(v, CultureInfo.InvariantCulture);
                return m.ToString(CultureInfo.InvariantCulture) + "M";
            case ValueKind.Enum:
                var fields = draft.Underlying!.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
                IFieldSymbol? field = v is string name
                    ? fields.FirstOrDefault(f => f.Name == name)
                    : v is bool ? null : fields.FirstOrDefault(f => Equals(Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture), Convert.ToInt64(v, CultureInfo.InvariantCulture)));
                if (field is null) problem = "no such member";
                return field is null ? null : draft.TypeName + "." + field.Name;
            default:
                problem = "[OneOf] supports strings, numbers, bools and enums";
                return null;
        }
    }

    private PropertyDraft? ReadFake(PropertyDraft draft, string display, AttributeData attribute)
    {
        var path = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        var call = FakeResolver.Resolve(_compilation, path, draft.Underlying!, out var problem);
        if (call is null) return Add(DiagnosticDescriptors.UnknownFakePath, LocationOf(attribute) ?? draft.Location, path, display, problem!, draft.TypeName.Replace(FullName, ""));
        draft.FakeCall = call;
        return draft;
    }

    private PropertyDraft? ReadPattern(PropertyDraft draft, string display, (string Name, ValueSource Source, AttributeData Data) source, AttributeData? lengthAttribute)
    {
        var attribute = source.Data;
        var pattern = attribute.AttributeClass!.Name switch
        {
            "EmailAddressAttribute" => BuiltInPatterns.Email,
            "PhoneAttribute" => BuiltInPatterns.Phone,
            "UrlAttribute" => BuiltInPatterns.Url,
            _ => attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "",
        };
        var location = LocationOf(attribute) ?? draft.Location;
        if (draft.Kind != ValueKind.String)
            return Add(DiagnosticDescriptors.InvalidPattern, location, pattern, display, "patterns apply to string properties only");
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern);
        }
        catch (ArgumentException ex)
        {
            return Add(DiagnosticDescriptors.InvalidPattern, location, pattern, display, "it is not a valid regular expression (" + ex.Message + ")");
        }
        var node = SynthFixtures.Sampling.Typed.RegexPattern.TryParse(pattern, out var error);
        if (node is null) return Add(DiagnosticDescriptors.InvalidPattern, location, pattern, display, error!);
        draft.Pattern = pattern;
        if (lengthAttribute is null) return draft;

        // A pattern and a length limit together (common on EF entities): fine when every match fits, redrawn when
        // some do, a conflict when none can.
        ExplicitLength(lengthAttribute, out var min, out var max);
        SynthFixtures.Sampling.Typed.RegexPattern.LengthRange(node, out var shortest, out var longest);
        var low = min ?? 0;
        var high = max ?? int.MaxValue;
        if (longest < low || shortest > high)
            return Conflict(draft, display, source.Name, "[" + lengthAttribute.AttributeClass!.Name.Replace("Attribute", "") + "]");
        if (shortest < low || longest > high)
        {
            draft.MinLength = low;
            draft.MaxLength = high;
        }
        return draft;
    }

    private PropertyDraft? ReadForeignKey(PropertyDraft draft, string display, AttributeData attribute)
    {
        var location = LocationOf(attribute) ?? draft.Location;
        if (attribute.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol principal)
            return Add(DiagnosticDescriptors.InvalidForeignKey, location, display, "?", "is not a type");
        var name = principal.ToDisplayString();
        var synthesize = principal.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Synthesize);
        // A type bound to a table of a learned database may reference itself (Employee.ReportsTo): its rows form a forest.
        if (SymbolEqualityComparer.Default.Equals(principal, _owner) && (synthesize is null || TypeParser.Named(synthesize, "Table") is null))
            return Add(DiagnosticDescriptors.InvalidForeignKey, location, display, name, "is the type itself (self-references are only supported between types bound to a table of a learned database)");
        if (synthesize is null)
            return Add(DiagnosticDescriptors.InvalidForeignKey, location, display, name, "has no [Synthesize] attribute; add it so its objects can be generated");
        var key = principal.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => p.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() is AttributeNames.Key or AttributeNames.DaKey));
        if (key is null)
            return Add(DiagnosticDescriptors.InvalidForeignKey, location, display, name, "has no [SynthKey] or [Key] property; add a key to it");
        var keyType = key.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (keyType != draft.TypeName)
            return Add(DiagnosticDescriptors.InvalidForeignKey, location, display, name, $"has a key of type '{key.Type.ToDisplayString()}'; make the property the same type");
        draft.PrincipalType = principal.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        draft.PrincipalKey = key.Name;
        draft.PrincipalFrom = TypeParser.Named(synthesize, "From");
        draft.PrincipalTable = TypeParser.Named(synthesize, "Table");
        return draft;
    }

    private PropertyDraft? ReadNested(PropertyDraft draft, string display)
    {
        if (draft.TypeName == _owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) && draft.NullRate <= 0)
            return Invalid(draft, "Nesting", display, "a type containing itself must be nullable with a [NullRate] above 0, or generation never ends");
        return draft;
    }

    private PropertyDraft? Conflict(PropertyDraft draft, string display, string first, string second) =>
        Add(DiagnosticDescriptors.ConflictingAttributes, draft.Location, display, first, second);

    internal PropertyDraft? Invalid(PropertyDraft draft, string what, string display, string problem) =>
        Add(DiagnosticDescriptors.InvalidSetting, draft.Location, what, display, problem);

    internal PropertyDraft? Add(DiagnosticDescriptor descriptor, Location? location, params string[] args)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
        return null;
    }

    internal static Location? LocationOf(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
}
