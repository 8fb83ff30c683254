using SynthFixtures.Metadata.Rules;
using SynthFixtures.Models.Given;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Rules;

/// <summary>
/// A model that keeps its metadata's rules: an inner model of any kind learned the transformed table
/// (<see cref="RuleFitter"/>), and every sample is rebuilt into the user's columns (<see cref="RuleRows"/>). It is
/// sampled, saved and described as its inner model's kind.
/// </summary>
internal sealed class RulesModel : SynthModel
{
    /// <summary>Wraps <paramref name="inner"/>, which learned the rows <paramref name="kept"/> describes.</summary>
    public RulesModel(SynthModel inner, KeptRules kept, ModelProvenance provenance)
        : base(kept.Metadata, provenance)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner is RulesModel) throw new ArgumentException("The inner model already keeps rules.", nameof(inner));
        if (inner.TextModels.Count > 0) throw new ArgumentException("Learned text models go on the rules model, not its inner model.", nameof(inner));
        Inner = inner;
        Kept = kept;
    }

    /// <summary>The model of the transformed table.</summary>
    public SynthModel Inner { get; }

    /// <summary>How the rows are rebuilt.</summary>
    public KeptRules Kept { get; }

    /// <inheritdoc />
    public override string Kind => Inner.Kind;

    /// <inheritdoc />
    public override Privacy.PrivacyPlan? Privacy => Inner.Privacy;

    private IReadOnlyList<TableRule> Rules => Metadata.Rules ?? [];

    private protected override IReadOnlyList<GeneratedColumnSpec> GeneratedColumnSpecs => [.. Inner.GeneratedSpecs, .. Kept.Identifiers];

    private protected override IReadOnlyList<ColumnModelSummary> DescribeTabularColumns()
    {
        var inner = Inner.DescribeColumns().ToDictionary(c => c.Column, StringComparer.Ordinal);
        return Metadata.Columns.Select(c => inner.TryGetValue(c.Name, out var summary) && RuleOf(c.Name) is null ? summary
            : new ColumnModelSummary(c.Name, c.Kind, "kept by rule: " + RuleOf(c.Name))).ToList();
    }

    private protected override ModelSchema DescribeTabularSchema()
    {
        var inner = Inner.DescribeSchema();
        var byName = inner.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = new List<ModelSchemaColumn>();
        foreach (var column in Metadata.Columns)
        {
            if (byName.TryGetValue(column.Name, out var same) && RuleOf(column.Name) is null) columns.Add(same);
            else columns.Add(RuleOf(column.Name) switch
            {
                FixedCombinationRule combination => CombinationMember(combination, column, byName),
                IdentifierFormatRule => new ModelSchemaColumn(column.Name, column.Kind, Kept.Identifiers.First(s => s.Name == column.Name).MissingProbability, Generator: "pattern"),
                // The range of a rebuilt number depends on the row: no range, and missing wherever what it is built from can be.
                InequalityRule inequality => new ModelSchemaColumn(column.Name, column.Kind,
                    Math.Min(1, MissingOf(Kept.Inequalities.Single(k => Rules[k.Rule] == inequality).DifferenceColumn, byName) + MissingOf(inequality.Lesser, byName))),
                DerivedColumnRule derived => new ModelSchemaColumn(column.Name, column.Kind, Math.Min(1, derived.Operands.Sum(o => MissingOf(o, byName)))),
                _ => new ModelSchemaColumn(column.Name, column.Kind, 1),
            });
        }
        return inner with { Columns = columns, Rules = Rules };
    }

    // A column the inner model does not draw (rebuilt itself) counts as possibly missing.
    private static double MissingOf(string column, Dictionary<string, ModelSchemaColumn> inner) =>
        inner.TryGetValue(column, out var schema) ? schema.MissingRate : 1;

    private ModelSchemaColumn CombinationMember(FixedCombinationRule rule, Metadata.ColumnMetadata column, Dictionary<string, ModelSchemaColumn> inner)
    {
        var joint = inner[Kept.Combinations.Single(k => Rules[k.Rule] == rule).JointColumn];
        var m = rule.Columns.ToList().IndexOf(column.Name);
        var parts = (joint.Labels ?? []).Select(l => l.Split(RuleFitter.Separator)).Where(p => p.Length > m).Select(p => p[m]).ToList();
        var missing = parts.Any(p => p == RuleFitter.Missing.ToString()) ? 1.0 : 0.0;
        var present = parts.Where(p => p != RuleFitter.Missing.ToString()).Distinct(StringComparer.Ordinal).ToList();
        if (!column.IsNumeric) return new ModelSchemaColumn(column.Name, column.Kind, missing, Labels: present);
        var values = present.Select(p => Transforms.ColumnValues.TryParse(p, column, out var v) ? v : double.NaN).Where(v => !double.IsNaN(v)).ToList();
        return values.Count == 0 ? new ModelSchemaColumn(column.Name, column.Kind, missing) : ModelSchemaColumn.Numeric(column, missing, values.Min(), values.Max());
    }

    /// <summary>The rule that writes <paramref name="column"/>, or <c>null</c>.</summary>
    private TableRule? RuleOf(string column) => Rules.FirstOrDefault(r => r.WrittenColumns.Contains(column));

    /// <summary>The rule whose rebuilding reads or writes <paramref name="column"/>, or <c>null</c>.</summary>
    private TableRule? RuleTouching(string column) => Rules.FirstOrDefault(r => r.Columns.Contains(column));

    /// <summary>
    /// The inner model's candidate columns that no rule writes: a row expression on them is checked on the inner model's
    /// candidates (the rules only add or rebuild other columns); a column a rule writes cannot be checked before it is built.
    /// </summary>
    private protected override IEnumerable<ColumnSlot>? CandidateSlots =>
        Inner.TabularCandidateSlots?.Where(slot => RuleOf(slot.Column.Name) is null && Metadata.Find(slot.Column.Name) is not null).ToList();

    /// <inheritdoc />
    private protected override string? UncheckableReason(Metadata.ColumnMetadata column) =>
        RuleOf(column.Name) is { } rule ? $"set by the rule '{rule}' after the row is drawn" : null;

    private protected override SampleCursor OpenCursor(long startRow, long rows, long seed, IReadOnlyList<Condition> conditions, SamplingOptions options,
        RowFilter? filter, CancellationToken cancellationToken)
    {
        conditions = OnInnerColumns(conditions);
        foreach (var condition in conditions)
            if (RuleOf(condition.Column) is { } rule)
                throw new SynthDataException(
                    $"The condition {condition} is on '{condition.Column}', which the rule '{rule}' sets after the model draws the row, so it cannot be met in closed form.",
                    columnName: condition.Column,
                    hint: "Condition on a column no rule sets (the lesser side of an inequality, say), or filter the sampled rows afterwards.");
        var inner = Inner.OpenTabularCursor(startRow, rows, seed, conditions, options, filter, cancellationToken);
        return new RulesCursor(inner, new RuleRows(Kept, new SynthRandom(seed).Derive("rules")), options, cancellationToken);
    }

    /// <summary>
    /// Fixed values of a combination's members that together pick exactly one learned combination become that
    /// combination's label on the joint column (met in closed form, as any label); other conditions are kept as they are.
    /// </summary>
    private List<Condition> OnInnerColumns(IReadOnlyList<Condition> conditions)
    {
        var result = conditions.Where(c => c is not EqualsCondition || RuleOf(c.Column) is not FixedCombinationRule).ToList();
        foreach (var group in conditions.OfType<EqualsCondition>().Where(c => RuleOf(c.Column) is FixedCombinationRule)
                     .GroupBy(c => (FixedCombinationRule)RuleOf(c.Column)!))
        {
            var rule = group.Key;
            var joint = Kept.Combinations.Single(k => Rules[k.Rule] == rule).JointColumn;
            var labels = Inner.DescribeSchema().Columns.Single(c => c.Name == joint).Labels ?? [];
            var members = rule.Columns.ToList();
            var matching = labels.Where(l => l.Split(RuleFitter.Separator) is { } parts && parts.Length == members.Count
                && group.All(c => string.Equals(parts[members.IndexOf(c.Column)].Trim(), c.Value.Trim(), StringComparison.Ordinal))).ToList();
            var written = string.Join(" and ", group.Select(c => c.ToString()));
            if (matching.Count == 1)
            {
                result.Add(new EqualsCondition(joint, matching[0]));
                continue;
            }
            throw new SynthDataException(
                matching.Count == 0
                    ? $"The condition {written} matches no combination of the rule '{rule}' the model learned."
                    : $"The condition {written} matches {matching.Count} combinations of the rule '{rule}', and a condition on it must pick one.",
                columnName: group.First().Column,
                hint: matching.Count == 0 ? "Use values the data combines." : "Fix another member of the combination too, or filter the sampled rows afterwards.");
        }
        return result;
    }

    private protected override SampledTable DrawGiven(GivenRows given, SynthRandom root, SamplingOptions options, ParallelOptions parallel)
    {
        foreach (var column in given.Columns)
            if (RuleTouching(column.Name) is { } rule)
                throw new SynthDataException(
                    $"The given column '{column.Name}' takes part in the rule '{rule}', which a given cell written over the drawn row would break.",
                    columnName: column.Name, hint: "Give only columns no rule names, or remove the rule from the metadata.");
        return base.DrawGiven(given, root, options, parallel);
    }

    /// <summary>The inner model's rows, rebuilt chunk by chunk in the same blocks.</summary>
    private sealed class RulesCursor(SampleCursor inner, RuleRows rebuild, SamplingOptions options, CancellationToken cancellationToken)
        : SampleCursor(inner.StartRow, inner.Rows, options, cancellationToken)
    {
        public override bool ChecksRows => inner.ChecksRows;

        protected override SampledTable Draw(int count, long firstRow) => rebuild.Rebuild(inner.Next(count), firstRow, FirstRowNumber, Parallel);
    }
}
