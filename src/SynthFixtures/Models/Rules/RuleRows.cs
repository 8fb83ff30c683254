using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.Rules;

/// <summary>
/// Rebuilds the user's rows from the inner model's: splits joint columns, adds each inequality's difference to its
/// lesser column, computes derived columns, generates identifiers. Every step is arithmetic on the drawn row, so each
/// rule holds on every row by construction (no row is drawn twice or thrown away).
/// </summary>
internal sealed class RuleRows
{
    private readonly KeptRules _kept;
    private readonly Randomness.SynthRandom[] _identifierStreams;

    /// <summary>A rebuilder for one sample, its identifiers generated block by block on <paramref name="random"/>'s streams.</summary>
    public RuleRows(KeptRules kept, Randomness.SynthRandom random)
    {
        _kept = kept;
        _identifierStreams = GeneratedColumnBlocks.SampleStreams(kept.Identifiers, random);
    }

    /// <summary>
    /// The user's rows for <paramref name="inner"/>, which holds sample rows <paramref name="firstRow"/> onwards; identifiers
    /// count from <paramref name="firstRowNumber"/> at sample row 0, so any chunk or shard gets the cells of the whole sample.
    /// </summary>
    public SampledTable Rebuild(SampledTable inner, long firstRow, long firstRowNumber, ParallelOptions parallel)
    {
        var metadata = _kept.Metadata;
        var rules = metadata.Rules ?? [];
        var count = inner.RowCount;
        var built = new Dictionary<string, SampledColumn>(StringComparer.Ordinal);
        var innerNames = inner.Columns.Select(c => c.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var written = rules.SelectMany(r => r.WrittenColumns).ToHashSet(StringComparer.Ordinal);
        foreach (var column in metadata.Columns)
            if (!written.Contains(column.Name) && innerNames.Contains(column.Name)) built[column.Name] = inner[column.Name];

        foreach (var kept in _kept.Combinations)
            foreach (var member in Split((FixedCombinationRule)rules[kept.Rule], inner[kept.JointColumn], metadata))
                built[member.Metadata.Name] = member;

        foreach (var rule in RuleChecks.RebuildOrder(rules))
        {
            var kept = _kept.Inequalities.Single(k => ReferenceEquals(rules[k.Rule], rule) || rules[k.Rule] == rule);
            built[rule.Greater] = Greater(rule, kept, built[rule.Lesser], inner[kept.DifferenceColumn],
                kept.FallbackColumn is null ? null : inner[kept.FallbackColumn].Numbers, metadata, count);
        }

        foreach (var rule in rules.OfType<DerivedColumnRule>())
            built[rule.Target] = Derived(rule, built, metadata, count);

        var identifiers = GeneratedColumnBlocks.Generate(_kept.Identifiers, _identifierStreams, firstRow, count, firstRowNumber, parallel);
        for (var i = 0; i < identifiers.Length; i++)
        {
            var spec = _kept.Identifiers[i];
            built[spec.Name] = new SampledColumn(metadata.Find(spec.Name)!, Token(spec.Name), texts: identifiers[i]);
        }
        return new SampledTable(metadata, metadata.Columns.Select(c => built[c.Name]).ToArray(), count);
    }

    private string? Token(string column) => _kept.MissingTokens.TryGetValue(column, out var token) ? token : null;

    private IEnumerable<SampledColumn> Split(FixedCombinationRule rule, SampledColumn joint, TableMetadata metadata)
    {
        var labels = joint.Categories ?? throw new InvalidOperationException($"The joint column '{joint.Metadata.Name}' has no labels.");
        var codes = joint.Codes!;
        // A label that is not a combination (missing, when a private model released none) leaves every member missing.
        var parts = labels.Select(l => l?.Split(RuleFitter.Separator) is { } p && p.Length == rule.Columns.Count ? p : null).ToArray();
        for (var m = 0; m < rule.Columns.Count; m++)
        {
            var column = metadata.Find(rule.Columns[m])!;
            string? Part(int label) => parts[label] is { } p && p[m] != RuleFitter.Missing.ToString() ? p[m] : null;
            if (column.IsNumeric)
            {
                var byLabel = Enumerable.Range(0, labels.Count)
                    .Select(l => Part(l) is { } text && ColumnValues.TryParse(text, column, out var value) ? value : double.NaN).ToArray();
                var numbers = new double[codes.Length];
                for (var row = 0; row < numbers.Length; row++) numbers[row] = byLabel[codes[row]];
                yield return new SampledColumn(column, Token(column.Name), numbers: numbers);
            }
            else
            {
                var categories = new List<string?>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                var missing = -1;
                var byLabel = new int[labels.Count];
                for (var l = 0; l < labels.Count; l++)
                {
                    if (Part(l) is not { } text)
                    {
                        if (missing < 0) { missing = categories.Count; categories.Add(null); }
                        byLabel[l] = missing;
                        continue;
                    }
                    if (!index.TryGetValue(text, out var code)) { code = categories.Count; index[text] = code; categories.Add(text); }
                    byLabel[l] = code;
                }
                var memberCodes = new int[codes.Length];
                for (var row = 0; row < memberCodes.Length; row++) memberCodes[row] = byLabel[codes[row]];
                yield return new SampledColumn(column, Token(column.Name), codes: memberCodes, categories: categories);
            }
        }
    }

    private SampledColumn Greater(InequalityRule rule, KeptInequality kept, SampledColumn lesserColumn, SampledColumn difference, double[]? fallback,
        TableMetadata metadata, int count)
    {
        var greater = metadata.Find(rule.Greater)!;
        var lesserMetadata = metadata.Find(rule.Lesser)!;
        var lesser = lesserColumn.Numbers!;
        var logs = difference.Numbers!;
        var unit = RuleFitter.Unit(greater);
        var values = new double[count];
        for (var row = 0; row < count; row++)
        {
            if (double.IsNaN(lesser[row]))
            {
                values[row] = fallback is null ? double.NaN : ColumnValues.Quantize(fallback[row], greater);
                continue;
            }
            if (double.IsNaN(logs[row]))
            {
                values[row] = double.NaN;
                continue;
            }
            // As written: the lesser value its column writes, the difference rounded as the greater column writes.
            var low = ColumnValues.Quantize(lesser[row], lesserMetadata);
            var gap = Math.Exp(Math.Clamp(logs[row], -700, 700)) - kept.Offset;
            var value = ColumnValues.Quantize(low + Math.Max(gap, 0), greater);
            // Rounding can land on or below the lesser value: step up to the smallest value the greater column writes above it.
            if (!rule.Holds(value, low))
            {
                value = ColumnValues.Quantize(low, greater);
                for (var step = 0; step < 4 && !rule.Holds(value, low); step++)
                    value = unit > 0 ? ColumnValues.Quantize(value + unit, greater) : Math.BitIncrement(value);
            }
            values[row] = value;
        }
        return new SampledColumn(greater, Token(greater.Name), numbers: values);
    }

    private SampledColumn Derived(DerivedColumnRule rule, Dictionary<string, SampledColumn> built, TableMetadata metadata, int count)
    {
        var target = metadata.Find(rule.Target)!;
        var operands = rule.Operands.ToDictionary(o => o, o => (Values: built[o].Numbers!, Column: metadata.Find(o)!), StringComparer.Ordinal);
        var values = new double[count];
        for (var row = 0; row < count; row++)
        {
            // From the operands as they are written, so the target agrees with what a reader of the CSV computes.
            var computed = rule.Evaluate(name => operands[name].Values[row] is var v && double.IsNaN(v) ? double.NaN : ColumnValues.Quantize(v, operands[name].Column));
            values[row] = double.IsNaN(computed) ? double.NaN : ColumnValues.Quantize(computed, target);
        }
        return new SampledColumn(target, Token(target.Name), numbers: values);
    }
}
