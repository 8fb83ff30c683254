using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;
using SynthFixtures.Modeling;
using SynthFixtures.Sampling.Typed;

namespace SynthFixtures.Trainer.RuleAttributes;

/// <summary>
/// The rules the attributes of the types bound to a model declare, over the model's columns: each property is matched
/// to its column as the generator binds it (<see cref="PropertyColumns"/>), a derived expression is read by the
/// metadata's own rule parser over the type's property names, and a declaration that cannot be a rule is an error at
/// its attribute. <c>[GreaterThan]</c>/<c>[LessThan]</c> between properties that do not both read a column are left to
/// the generator (they are met by construction or reported there); the other attributes exist only for bound types.
/// </summary>
internal sealed class AttributeRules(IReadOnlyList<BoundType> types) : IDeclaredRules
{
    /// <summary>The bound types read.</summary>
    public IReadOnlyList<BoundType> Types => types;

    /// <summary>
    /// What the rules depend on, as text: each rule attribute as written (whitespace collapsed) with the <c>[Column]</c>
    /// names of the properties it names. A build compares it (through the lock's settings text) to retrain when it
    /// changes, and only then: moving an attribute or editing other code does not change it.
    /// </summary>
    public string Describe()
    {
        var lines = new List<string>();
        foreach (var type in types)
            foreach (var rule in type.Rules)
            {
                var named = Named(type, rule).Select(p => p.ColumnAttribute is { } c ? $"{p.Name}[Column={c}]" : p.Name);
                lines.Add($"{type.Name}.{rule.Property ?? ""} {rule.Text} {string.Join(",", named)}");
            }
        return string.Join("\n", lines);
    }

    /// <inheritdoc />
    public IReadOnlyList<DeclaredRule> Resolve(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var columns = metadata.Columns.Select(c => c.Name).ToList();
        var result = new List<DeclaredRule>();
        foreach (var type in types)
            foreach (var rule in type.Rules)
                if (Resolve(type, rule, columns) is { } resolved)
                    result.Add(new DeclaredRule(resolved, $"{rule.Text} on {type.Name.Split('.')[^1]}{(rule.Property is null ? "" : "." + rule.Property)}",
                        rule.Place.File, rule.Place.Line, rule.Place.Column));
        return result;
    }

    private static TableRule? Resolve(BoundType type, RuleAttributeSyntax rule, IReadOnlyList<string> columns)
    {
        var display = type.Name.Split('.')[^1];
        string? ColumnOf(BoundProperty p) => p.ReadsColumn ? PropertyColumns.ColumnFor(p.Name, p.ColumnAttribute, columns) : null;
        BoundProperty? Find(string? name) => type.Properties.FirstOrDefault(p => p.Name == name);
        string Needed(string? name)
        {
            if (Find(name) is not { } p)
                throw Error(rule, $"'{name}' is not a property of {display}.", $"Name properties of {display}, with nameof.");
            return ColumnOf(p) ?? throw Error(rule, $"{display}.{p.Name} reads no column of the model, so a rule cannot name it.",
                $"Name properties that read a column (the columns: {string.Join(", ", columns)}); bind one with [Column(\"name\")].");
        }
        switch (rule.Kind)
        {
            case RuleAttributeKind.GreaterThan or RuleAttributeKind.LessThan:
                // Properties the generator cannot order (unknown, or not both read from the model) are its to report.
                if (Find(rule.Property) is not { } self || Find(rule.Arguments.FirstOrDefault()) is not { } other) return null;
                if (ColumnOf(self) is not { } a || ColumnOf(other) is not { } b || a == b) return null;
                return rule.Kind == RuleAttributeKind.GreaterThan ? new InequalityRule(a, b, true) : new InequalityRule(b, a, true);
            case RuleAttributeKind.Derived:
                return Derived(type, rule, Needed(rule.Property), Needed);
            case RuleAttributeKind.IdentifierFormat:
                return Identifier(rule, Needed(rule.Property));
            default:
                if (rule.Arguments.Count < 2 || rule.Arguments.Any(a => a is null) || rule.Arguments.Distinct().Count() != rule.Arguments.Count)
                    throw Error(rule, "A fixed combination needs two or more different properties, each a constant name.",
                        "Write [FixedCombination(nameof(City), nameof(State))].");
                return new FixedCombinationRule(rule.Arguments.Select(Needed).ToList());
        }
    }

    private static DerivedColumnRule Derived(BoundType type, RuleAttributeSyntax rule, string target, Func<string?, string> columnOf)
    {
        if (rule.Arguments.FirstOrDefault() is not { } expression)
            throw Error(rule, "The derived expression is not a constant string.", "Write the expression in place, e.g. [Derived(\"Price * Quantity\")].");
        var head = rule.Property + " = ";
        DerivedColumnRule parsed;
        try
        {
            parsed = RuleText.ParseDerived(head + expression, type.Properties.Select(p => p.Name).ToList());
        }
        catch (RuleTextException e)
        {
            // At the character inside the string literal when the expression is one; else at the attribute.
            var at = rule.FirstArgumentText is { } text && e.Index >= head.Length ? text with { Column = text.Column + e.Index - head.Length } : rule.Place;
            // The parser reads the type's property names where the metadata's rules read columns.
            var message = e.Message.Replace("is not a column.", $"is not a property of {type.Name.Split('.')[^1]}.", StringComparison.Ordinal);
            throw new SynthDataException($"{rule.Text}: {message}", at.File, at.Line, at.Column,
                "Name properties of the type (a sum of products, numbers allowed), e.g. \"Price * Quantity + Fee\".");
        }
        var terms = parsed.Terms.Select(t => new DerivedTerm(t.Coefficient, t.Factors.Select(f => columnOf(f)).ToList())).ToList();
        return new DerivedColumnRule(target, terms);
    }

    private static IdentifierFormatRule Identifier(RuleAttributeSyntax rule, string column)
    {
        int? digits = null;
        if (rule.Named.TryGetValue("Digits", out var digitsText))
        {
            if (!int.TryParse(digitsText, System.Globalization.CultureInfo.InvariantCulture, out var value) || value is < 0 or > 18)
                throw Error(rule, $"Digits = {digitsText ?? "(not a constant)"} is not a number of digits from 1 to 18 (or 0: learned).", "Count the digits of the number, check digit included.");
            digits = value == 0 ? null : value;
        }
        CheckDigit? check = null;
        if (rule.Named.TryGetValue("CheckDigit", out var checkText) && checkText is not null)
        {
            if (!MetadataJson.TryParseName<CheckDigit>(checkText, out var parsed))
                throw Error(rule, $"CheckDigit = \"{checkText}\" is not a check digit.", $"Use one of: {MetadataJson.Names<CheckDigit>()}, or leave it out to learn it.");
            check = parsed;
        }
        var prefix = rule.Named.TryGetValue("Prefix", out var prefixText) ? prefixText : null;
        return new IdentifierFormatRule(column, prefix, digits, check);
    }

    /// <summary>The properties a rule names: the one it sits on and those its arguments name.</summary>
    private static IEnumerable<BoundProperty> Named(BoundType type, RuleAttributeSyntax rule)
    {
        var words = rule.Arguments.Where(a => a is not null)
            .SelectMany(a => a!.Split([' ', '+', '-', '*', '(', ')'], StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return type.Properties.Where(p => p.Name == rule.Property || words.Contains(p.Name));
    }

    private static SynthDataException Error(RuleAttributeSyntax rule, string message, string hint) =>
        new($"{rule.Text}: {message}", rule.Place.File, rule.Place.Line, rule.Place.Column, hint);
}
