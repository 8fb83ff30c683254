namespace SynthFixtures.Metadata.Rules;

/// <summary>
/// What makes a set of rules unusable whatever the data: a column of the wrong kind, a column two rules write, a rule
/// reading a column another rule writes after it, a cycle of inequalities.
/// </summary>
internal static class RuleChecks
{
    /// <summary>A problem found in the rules.</summary>
    /// <param name="Rule">0-based index of the rule.</param>
    /// <param name="Message">What is wrong.</param>
    /// <param name="Hint">How to fix it.</param>
    /// <param name="Column">The column concerned, if one.</param>
    public sealed record RuleProblem(int Rule, string Message, string Hint, string? Column);

    /// <summary>The first problem of <paramref name="rules"/> over <paramref name="columns"/>, or <c>null</c>.</summary>
    public static RuleProblem? Problem(IReadOnlyList<TableRule> rules, IReadOnlyList<ColumnMetadata> columns)
    {
        var byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var writer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            foreach (var name in rule.Columns)
                if (!byName.ContainsKey(name)) return new(i, $"The rule '{rule}' names '{name}', which is not a column.", "Name columns of the metadata.", name);
            if (KindProblem(rule, byName) is { } kind) return new(i, kind.Message, kind.Hint, kind.Column);
            foreach (var name in rule.WrittenColumns)
            {
                if (writer.TryGetValue(name, out var other))
                    return new(i, $"The rules '{rules[other]}' and '{rule}' both set '{name}'.", "Keep one rule per column it sets.", name);
                writer.Add(name, i);
            }
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            foreach (var name in rule.Columns.Except(rule.WrittenColumns))
            {
                if (!writer.TryGetValue(name, out var w)) continue;
                // Inequalities may chain (c > b > a): b is rebuilt before c reads it. Everything else reads columns as the model drew them.
                var chain = rule is InequalityRule && rules[w] is InequalityRule;
                var derivedReadsRebuilt = rule is DerivedColumnRule && rules[w] is not DerivedColumnRule;
                if (!chain && !derivedReadsRebuilt)
                    return new(i, $"The rule '{rule}' reads '{name}', which the rule '{rules[w]}' sets.", "A column a rule sets can be read only by an inequality chained after another inequality, or by a derived column.", name);
            }
        }
        if (InequalityCycle(rules) is { } cycle)
            return new(cycle, $"The inequalities around '{rules[cycle]}' form a cycle.", "Remove one of them: a column cannot be above itself.", null);
        return null;
    }

    /// <summary>The inequalities in the order they are rebuilt after sampling: each lesser before the greater that reads it.</summary>
    public static IReadOnlyList<InequalityRule> RebuildOrder(IReadOnlyList<TableRule> rules)
    {
        var inequalities = rules.OfType<InequalityRule>().ToList();
        var ordered = new List<InequalityRule>(inequalities.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var greaters = inequalities.Select(r => r.Greater).ToHashSet(StringComparer.Ordinal);
        while (ordered.Count < inequalities.Count)
        {
            var next = inequalities.FirstOrDefault(r => !ordered.Contains(r) && (!greaters.Contains(r.Lesser) || done.Contains(r.Lesser)))
                ?? throw new InvalidOperationException("The inequalities form a cycle.");
            ordered.Add(next);
            done.Add(next.Greater);
        }
        return ordered;
    }

    private static int? InequalityCycle(IReadOnlyList<TableRule> rules)
    {
        try
        {
            _ = RebuildOrder(rules);
            return null;
        }
        catch (InvalidOperationException)
        {
            return rules.Select((r, i) => (r, i)).First(p => p.r is InequalityRule).i;
        }
    }

    private static (string Message, string Hint, string? Column)? KindProblem(TableRule rule, Dictionary<string, ColumnMetadata> byName)
    {
        switch (rule)
        {
            case FixedCombinationRule:
                foreach (var name in rule.Columns)
                    if (!byName[name].IsModelled)
                        return ($"The fixed combination '{rule}' includes '{name}', a {Describe(byName[name])} column, which the model does not learn.",
                            "Combine learned columns only (categorical, boolean, numbers, dates).", name);
                return null;
            case InequalityRule inequality:
                var greater = byName[inequality.Greater];
                var lesser = byName[inequality.Lesser];
                foreach (var column in new[] { greater, lesser })
                    if (!column.IsNumeric || !column.IsModelled)
                        return ($"The inequality '{rule}' compares '{column.Name}', a {Describe(column)} column.", "Compare numbers or dates.", column.Name);
                if ((greater.Kind == ColumnKind.DateTime) != (lesser.Kind == ColumnKind.DateTime))
                    return ($"The inequality '{rule}' compares a date with a number.", "Compare two dates or two numbers.", greater.Name);
                return null;
            case DerivedColumnRule derived:
                foreach (var name in derived.Columns)
                    if (byName[name].Kind is not (ColumnKind.Integer or ColumnKind.Decimal) || !byName[name].IsModelled)
                        return ($"The derived column '{rule}' uses '{name}', a {Describe(byName[name])} column.", "Derive numbers from numbers (integer or decimal columns).", name);
                return null;
            case IdentifierFormatRule identifier:
                var id = byName[identifier.Column];
                if (id.Kind != ColumnKind.Identifier || id.Pii != PiiKind.None)
                    return ($"The identifier rule names '{id.Name}', a {Describe(id)} column.", "Set the column's kind to identifier, or remove the rule.", id.Name);
                return null;
            default:
                return null;
        }
    }

    private static string Describe(ColumnMetadata column) =>
        column.Pii != PiiKind.None ? "personal-data" : MetadataJson.JsonName(column.Kind);
}
