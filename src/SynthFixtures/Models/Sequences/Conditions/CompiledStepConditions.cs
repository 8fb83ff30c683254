using SynthFixtures.Metadata;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences.Conditions;

/// <summary>
/// A sample's step conditions checked against the model (the column is a per-step column the step model draws, the
/// value parses, a label is one the model draws) and ready to use: the filter handed to the step model, and the check
/// of a whole drawn entity that every kept entity passes.
/// </summary>
internal sealed class CompiledStepConditions
{
    /// <summary>Redraws of one later step (under <see cref="StepScope.Every"/>) before the entity's attempt is given up.</summary>
    public const int MaxStepRedraws = 1_000;

    private readonly StepPredicate[] _all;

    private CompiledStepConditions(StepPredicate[] all) => _all = all;

    /// <summary>The conditions as given.</summary>
    public IReadOnlyList<StepCondition> Conditions => _all.Select(p => p.Source).ToList();

    /// <summary>Whether some condition is checked on a whole entity only (<see cref="StepScope.Some"/>, <see cref="StepScope.Last"/>).</summary>
    public bool NeedsWholeEntities => _all.Any(p => p.Source.Scope is StepScope.Some or StepScope.Last);

    /// <summary>Checks <paramref name="conditions"/> against <paramref name="model"/>.</summary>
    /// <exception cref="SynthDataException">A condition on a column that is not a per-step column, or one the model cannot meet.</exception>
    public static CompiledStepConditions Compile(SequenceModel model, IReadOnlyList<StepCondition> conditions)
    {
        var predicates = new StepPredicate[conditions.Count];
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = conditions[i];
            var name = condition.Condition.Column;
            var column = model.StepColumns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
                ?? throw NotAStepColumn(model, condition);
            predicates[i] = StepPredicate.Of(condition, column, model.StepModel.LabelsOf(name));
        }
        return new CompiledStepConditions(predicates);
    }

    /// <summary>A fresh filter for one request (its counts start at zero).</summary>
    public SequenceStepFilter NewFilter() => new(
        _all.Where(p => p.Source.Scope == StepScope.First).ToArray(),
        _all.Where(p => p.Source.Scope == StepScope.Every).ToArray(),
        MaxStepRedraws);

    /// <summary>Whether the entity of <paramref name="length"/> steps at rows <paramref name="start"/>… of <paramref name="steps"/> meets every condition.</summary>
    public bool Meets(SampledTable steps, int start, int length)
    {
        foreach (var predicate in _all)
        {
            var column = steps[predicate.Column.Name];
            bool At(int row) => predicate.Matches(column.Numbers?[row] ?? double.NaN, column.Numbers is null ? Label(column, row) : null);
            var met = predicate.Source.Scope switch
            {
                StepScope.First => length > 0 && At(start),
                StepScope.Last => length > 0 && At(start + length - 1),
                StepScope.Every => length > 0 && Enumerable.Range(start, length).All(At),
                _ => Enumerable.Range(start, length).Any(At),
            };
            if (!met) return false;
        }
        return true;
    }

    private static string? Label(SampledColumn column, int row) => column.Codes is { } codes ? column.Categories![codes[row]] : column.Texts![row];

    private static SynthDataException NotAStepColumn(SequenceModel model, StepCondition condition)
    {
        var name = condition.Condition.Column;
        var steps = string.Join(", ", model.StepColumns.Select(c => c.Name));
        var sequence = model.Sequence;
        if (sequence.ContextColumns.Contains(name, StringComparer.Ordinal))
            return new SynthDataException($"The step condition '{condition}' names the context column '{name}', which holds one value per entity, not one per step.",
                hint: $"Give it as a condition on the context ('{condition.Condition}'); the per-step columns are {steps}.", columnName: name);
        // A learned key member (the sex of a job × sex panel) is drawn once per entity by the context model, like a context column.
        if (model.EntityKeys.Any(k => k.IsLearned && string.Equals(k.Column, name, StringComparison.Ordinal)))
            return new SynthDataException($"The step condition '{condition}' names the entity key member '{name}', which is learned once per entity (from its labels), not per step.",
                hint: $"Give it as a condition on the entity ('{condition.Condition}'), which the context model meets; the per-step columns are {steps}.", columnName: name);
        if (sequence.EntityColumns.Contains(name, StringComparer.Ordinal) || string.Equals(name, sequence.IndexColumn, StringComparison.Ordinal))
            return new SynthDataException($"The step condition '{condition}' names '{name}', the {(string.Equals(name, sequence.IndexColumn, StringComparison.Ordinal) ? "sequence index" : "entity column")}, which is generated, not drawn by the step model: no step condition can choose it.",
                hint: $"Condition on a per-step column ({steps}).", columnName: name);
        return new SynthDataException($"The step condition '{condition}' names '{name}', which is not a per-step column of the sequence model.",
            hint: $"The per-step columns are {steps}.", columnName: name);
    }
}
