namespace SynthFixtures.Metadata.Rules;

/// <summary>Turns the <c>"rules"</c> array of a metadata document into <see cref="TableRule"/>s, every problem at its line and column.</summary>
internal static class RuleDocumentReader
{
    private const string Shape =
        "Write one of { \"fixedCombination\": [\"city\", \"state\"] }, { \"inequality\": \"discharged > admitted\" }, "
        + "{ \"derived\": \"total = price * quantity\" } or { \"identifier\": \"invoice\", \"prefix\": \"INV-\", \"digits\": 6, \"checkDigit\": \"luhn\" }.";

    /// <summary>
    /// The rules of <paramref name="documents"/> over <paramref name="columns"/>; <paramref name="error"/> makes the
    /// exception for a message, hint, column and the JSON paths to place it at (first found wins).
    /// </summary>
    public static IReadOnlyList<TableRule>? Read(List<RuleDocument?>? documents, IReadOnlyList<ColumnMetadata> columns, string root,
        Func<string, string, string?, string[], SynthDataException> error, Func<string, (int Line, int Column)?> find,
        Func<string, int, string, string?, SynthDataException> errorAt)
    {
        if (documents is null) return null;
        var names = columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var rules = new List<TableRule>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var at = $"{root}.rules[{i}]";
            var document = documents[i] ?? throw error($"Rule {i + 1} is null.", Shape, null, [at]);
            var kinds = new[] { document.FixedCombination is not null, document.Inequality is not null, document.Derived is not null, document.Identifier is not null }.Count(k => k);
            if (kinds != 1)
                throw error(kinds == 0 ? $"Rule {i + 1} says nothing." : $"Rule {i + 1} is more than one rule.", Shape, null, [at]);
            if (document.Identifier is null && (document.Prefix is not null || document.Digits is not null || document.CheckDigit is not null))
                throw error($"Rule {i + 1} has an identifier's prefix, digits or checkDigit but is not an identifier rule.", Shape, null, [at]);
            try
            {
                rules.Add(ReadOne(document, names, at, error));
            }
            catch (RuleTextException e)
            {
                var field = document.Inequality is not null ? "inequality" : "derived";
                throw errorAt(e.Message, e.Index, $"{at}.{field}", "Name columns of the metadata (in backticks when a name holds an operator), e.g. \"total = price * quantity\".");
            }
        }
        if (RuleChecks.Problem(rules, columns) is { } problem)
            throw error(problem.Message, problem.Hint, problem.Column, [$"{root}.rules[{problem.Rule}]"]);
        return rules;
    }

    private static TableRule ReadOne(RuleDocument document, HashSet<string> names, string at,
        Func<string, string, string?, string[], SynthDataException> error)
    {
        if (document.FixedCombination is { } members)
        {
            for (var m = 0; m < members.Count; m++)
                if (members[m] is not { } member || !names.Contains(member))
                    throw error($"'{members[m]}' in the fixed combination is not a column.", $"Name columns of the metadata: {string.Join(", ", names)}.", members[m], [$"{at}.fixedCombination[{m}]", at]);
            if (members.Count < 2 || members.Distinct().Count() != members.Count)
                throw error("A fixed combination needs two or more different columns.", "List the columns whose value combinations must be ones seen in the data.", null, [$"{at}.fixedCombination", at]);
            return new FixedCombinationRule(members!);
        }
        if (document.Inequality is { } inequality) return RuleText.ParseInequality(inequality, names);
        if (document.Derived is { } derived) return RuleText.ParseDerived(derived, names);
        var column = document.Identifier!;
        if (!names.Contains(column))
            throw error($"The identifier rule names '{column}', which is not a column.", $"Name a column of the metadata: {string.Join(", ", names)}.", column, [$"{at}.identifier", at]);
        if (document.Digits is < 1 or > 18)
            throw error($"The identifier '{column}' has digits {document.Digits}; it must be between 1 and 18.", "Count the digits of the number, check digit included.", column, [$"{at}.digits", at]);
        CheckDigit? check = null;
        if (document.CheckDigit is { } text)
        {
            if (!MetadataJson.TryParseName<CheckDigit>(text, out var parsed))
                throw error($"The identifier '{column}' has the unknown checkDigit '{text}'.", $"Use one of: {MetadataJson.Names<CheckDigit>()}.", column, [$"{at}.checkDigit", at]);
            check = parsed;
        }
        return new IdentifierFormatRule(column, document.Prefix, document.Digits, check);
    }
}
