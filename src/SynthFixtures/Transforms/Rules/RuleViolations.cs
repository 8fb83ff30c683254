using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;

namespace SynthFixtures.Transforms.Rules;

/// <summary>The rows of a table that break one rule: how many, and the first few (0-based row indexes).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Count">Rows breaking it.</param>
/// <param name="FirstRows">The first rows breaking it, at most <see cref="RuleViolations.FirstRowsKept"/>.</param>
public sealed record RuleViolation(TableRule Rule, int Count, IReadOnlyList<int> FirstRows);

/// <summary>
/// Checks a table's cells against its metadata's rules, as written (a number as its column parses it, a date in its
/// format): training refuses data that breaks a declared rule, and the evaluation report counts sampled rows that do.
/// Rows with a missing cell in a rule's columns keep the rule (inequalities and derived columns hold where all are
/// present); a fixed combination's allowed combinations are the ones in <c>reference</c> (a row with every member missing keeps it).
/// </summary>
public static class RuleViolations
{
    /// <summary>How many breaking rows are listed per rule.</summary>
    public const int FirstRowsKept = 5;

    /// <summary>One entry per rule of <paramref name="metadata"/>, in order, for the rows of <paramref name="table"/>.</summary>
    /// <param name="table">The rows checked.</param>
    /// <param name="metadata">The columns and rules.</param>
    /// <param name="reference">The rows whose combinations a fixed combination allows; <c>null</c>: <paramref name="table"/>'s own (always kept).</param>
    /// <exception cref="SynthDataException">A cell in a rule's column does not parse as its column's kind.</exception>
    public static IReadOnlyList<RuleViolation> Find(Table table, TableMetadata metadata, Table? reference = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        var result = new List<RuleViolation>();
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[] Numbers(string name)
        {
            if (!numbers.TryGetValue(name, out var values))
                numbers[name] = values = ColumnValues.ToDoubles(table, table.IndexOf(name), metadata.Find(name)!);
            return values;
        }
        foreach (var rule in metadata.Rules ?? [])
        {
            Func<int, bool> breaks = rule switch
            {
                InequalityRule r => Inequality(r, Numbers(r.Greater), Numbers(r.Lesser)),
                DerivedColumnRule r => Derived(r, metadata.Find(r.Target)!, Numbers),
                FixedCombinationRule r => reference is null ? _ => false : Combination(r, table, reference),
                IdentifierFormatRule r => Identifier(r, table.Column(r.Column)),
                _ => _ => false,
            };
            var count = 0;
            var first = new List<int>();
            for (var row = 0; row < table.RowCount; row++)
            {
                if (!breaks(row)) continue;
                count++;
                if (first.Count < FirstRowsKept) first.Add(row);
            }
            result.Add(new RuleViolation(rule, count, first));
        }
        return result;
    }

    /// <summary>The check of one identifier cell against a complete format (prefix, digits, check digit).</summary>
    public static bool MatchesFormat(string cell, string prefix, int digits, CheckDigit check)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = cell.Trim();
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || text.Length != prefix.Length + digits) return false;
        var number = text.AsSpan(prefix.Length);
        for (var i = 0; i < number.Length - (check == CheckDigit.Mod11 ? 1 : 0); i++) if (!char.IsAsciiDigit(number[i])) return false;
        return CheckDigits.IsValid(check, number);
    }

    private static Func<int, bool> Inequality(InequalityRule rule, double[] greater, double[] lesser) =>
        row => !double.IsNaN(greater[row]) && !double.IsNaN(lesser[row]) && !rule.Holds(greater[row], lesser[row]);

    private static Func<int, bool> Derived(DerivedColumnRule rule, ColumnMetadata target, Func<string, double[]> numbers)
    {
        var values = numbers(rule.Target);
        var operands = rule.Operands.ToDictionary(o => o, numbers, StringComparer.Ordinal);
        // Equal as the target writes its values: the computed value rounded to its places is the written one.
        return row =>
        {
            var computed = rule.Evaluate(name => operands[name][row]);
            if (double.IsNaN(computed) || double.IsNaN(values[row])) return double.IsNaN(computed) != double.IsNaN(values[row]);
            return !string.Equals(ColumnValues.Format(computed, target), ColumnValues.Format(values[row], target), StringComparison.Ordinal);
        };
    }

    private static Func<int, bool> Combination(FixedCombinationRule rule, Table table, Table reference)
    {
        var seen = new HashSet<string>(Keys(rule, reference), StringComparer.Ordinal);
        var keys = Keys(rule, table);
        var nothing = string.Join("\u001F", rule.Columns.Select(_ => "\u0018"));
        // A row with every member missing combines nothing, so it keeps the rule.
        return row => keys[row] != nothing && !seen.Contains(keys[row]);
    }

    /// <summary>Each row's combination of <paramref name="rule"/>'s cells (trimmed; missing as its own value) as one string.</summary>
    internal static string[] Keys(FixedCombinationRule rule, Table table)
    {
        var columns = rule.Columns.Select(c => table.Column(c)).ToArray();
        var keys = new string[table.RowCount];
        for (var row = 0; row < keys.Length; row++)
            keys[row] = string.Join("\u001F", columns.Select(c => c[row]?.Trim() ?? "\u0018"));
        return keys;
    }

    private static Func<int, bool> Identifier(IdentifierFormatRule rule, IReadOnlyList<string?> cells)
    {
        if (rule.Prefix is null || rule.Digits is null) return _ => false; // a learned format is checked when it is learned
        return row => cells[row] is { } cell && !MatchesFormat(cell, rule.Prefix, rule.Digits.Value, rule.Check ?? CheckDigit.None);
    }

    /// <summary>The line (or row) where a breaking row sits, for messages.</summary>
    public static string Where(Table table, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        return string.Join(", ", rows.Select(r => table.SourceLine(r) is { } line
            ? "line " + line.ToString(CultureInfo.InvariantCulture) : "row " + (r + 1).ToString(CultureInfo.InvariantCulture)));
    }
}
