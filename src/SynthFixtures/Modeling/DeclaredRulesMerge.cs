using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;
using SynthFixtures.Transforms.Rules;

namespace SynthFixtures.Modeling;

/// <summary>
/// Adds declared rules to the metadata a run trains with, after its own: a rule the metadata already has is taken once,
/// and a declared rule that clashes with the others (two rules setting one column, a column of the wrong kind) or that
/// the data breaks is an error at the place that declared it rather than in the metadata file.
/// </summary>
internal static class DeclaredRulesMerge
{
    public static TableMetadata Merge(TableMetadata metadata, IReadOnlyList<DeclaredRule> declared, Table table)
    {
        var own = metadata.Rules ?? [];
        var added = new List<DeclaredRule>();
        foreach (var rule in declared)
            if (!own.Contains(rule.Rule) && !added.Any(a => a.Rule == rule.Rule)) added.Add(rule);
        if (added.Count == 0) return metadata;
        var merged = metadata with { Rules = [.. own, .. added.Select(a => a.Rule)] };
        if (RuleChecks.Problem(merged.Rules!, merged.Columns) is { } problem && problem.Rule >= own.Count)
            throw At(added[problem.Rule - own.Count], problem.Message, problem.Hint, problem.Column);
        var violations = RuleViolations.Find(table, merged);
        for (var i = 0; i < added.Count; i++)
        {
            var broken = violations[own.Count + i];
            if (broken.Count == 0) continue;
            throw At(added[i],
                string.Create(CultureInfo.InvariantCulture,
                    $"The data in {Path.GetFileName(table.SourcePath) ?? "the table"} breaks the rule '{broken.Rule}' on {broken.Count:N0} of {table.RowCount:N0} rows ({RuleViolations.Where(table, broken.FirstRows)}{(broken.Count > broken.FirstRows.Count ? ", …" : "")})."),
                "A model keeps its rules on every row, so the data must keep them too: fix or drop those rows, or remove the attribute.",
                broken.Rule.WrittenColumns[0]);
        }
        return merged;
    }

    private static SynthDataException At(DeclaredRule rule, string message, string hint, string? column) =>
        new($"{rule.Declaration}: {message}", rule.File, rule.Line, rule.Column, hint, column);
}
