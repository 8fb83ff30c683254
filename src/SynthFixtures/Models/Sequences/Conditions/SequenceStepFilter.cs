using SynthFixtures.Metadata;

namespace SynthFixtures.Models.Sequences.Conditions;

/// <summary>
/// What a step model must respect while it draws one request's entities under step conditions: the first step's
/// conditions (<see cref="StepScope.First"/> and <see cref="StepScope.Every"/>) and every later step's
/// (<see cref="StepScope.Every"/>). A step model draws a step, checks it with <see cref="Bind"/>'s
/// <see cref="BoundStepFilter.Accepts"/>, and:
/// <list type="bullet">
/// <item>at the first step, on a failure, stops the entity and reports it with <see cref="Abandon"/>: the sampler then
/// draws a new context and length for it, so contexts are kept in proportion to how likely their first step is to meet
/// the conditions (rejection, exact for the joint distribution);</item>
/// <item>at a later step, redraws the step from the same conditional (the same state and past) until it passes — a
/// draw from the model's step conditional restricted to the allowed values — and after <see cref="MaxRedraws"/>
/// failures abandons the entity.</item>
/// </list>
/// A step model that ignores the filter stays correct: the sampler checks every entity and redraws those that fail.
/// One filter serves one request; its counts are the request's.
/// </summary>
public sealed class SequenceStepFilter
{
    private readonly StepPredicate[] _first;
    private readonly StepPredicate[] _every;
    private long _redraws;
    private int _abandoned;

    internal SequenceStepFilter(StepPredicate[] first, StepPredicate[] every, int maxRedraws)
    {
        _first = first;
        _every = every;
        MaxRedraws = maxRedraws;
    }

    /// <summary>Redraws of one later step before its entity is abandoned.</summary>
    public int MaxRedraws { get; }

    /// <summary>Whether step <paramref name="step"/> (0-based) has conditions to check.</summary>
    public bool Constrains(int step) => _every.Length > 0 || (step == 0 && _first.Length > 0);

    /// <summary>Whether a failed step <paramref name="step"/> is redrawn (later steps) rather than ending the entity's attempt (the first step).</summary>
    public static bool Redraws(int step) => step > 0;

    /// <summary>The filter for a model whose step values come in the order of <paramref name="stepColumns"/>.</summary>
    /// <exception cref="ArgumentException">A condition's column is not among <paramref name="stepColumns"/>.</exception>
    public BoundStepFilter Bind(IReadOnlyList<ColumnMetadata> stepColumns)
    {
        ArgumentNullException.ThrowIfNull(stepColumns);
        int[] Positions(StepPredicate[] predicates) => predicates.Select(p =>
        {
            for (var i = 0; i < stepColumns.Count; i++)
                if (string.Equals(stepColumns[i].Name, p.Column.Name, StringComparison.Ordinal)) return i;
            throw new ArgumentException($"The step model draws no column '{p.Column.Name}'.", nameof(stepColumns));
        }).ToArray();
        return new BoundStepFilter(this, _first, Positions(_first), _every, Positions(_every));
    }

    /// <summary>Marks an entity of the request as abandoned: its steps are not kept.</summary>
    public void Abandon() => Interlocked.Increment(ref _abandoned);

    /// <summary>Counts steps redrawn because they failed.</summary>
    public void CountRedraws(long redraws) => Interlocked.Add(ref _redraws, redraws);

    /// <summary>Entities abandoned so far.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    /// <summary>Steps redrawn so far.</summary>
    public long Redrawn => Interlocked.Read(ref _redraws);
}

/// <summary>A <see cref="SequenceStepFilter"/> that knows where each condition's column sits in a step model's values.</summary>
public sealed class BoundStepFilter
{
    private readonly StepPredicate[] _first;
    private readonly int[] _firstAt;
    private readonly StepPredicate[] _every;
    private readonly int[] _everyAt;

    internal BoundStepFilter(SequenceStepFilter filter, StepPredicate[] first, int[] firstAt, StepPredicate[] every, int[] everyAt)
    {
        Filter = filter;
        _first = first;
        _firstAt = firstAt;
        _every = every;
        _everyAt = everyAt;
    }

    /// <summary>The filter this binds.</summary>
    public SequenceStepFilter Filter { get; }

    /// <summary>
    /// Whether step <paramref name="step"/>'s values meet its conditions: per step column (in the bound order) its
    /// number (<see cref="double.NaN"/> when missing or drawn as a label) and its label (<c>null</c> for a number).
    /// </summary>
    public bool Accepts(int step, ReadOnlySpan<double> numbers, ReadOnlySpan<string?> labels)
    {
        for (var i = 0; i < _every.Length; i++)
            if (!_every[i].Matches(numbers[_everyAt[i]], labels[_everyAt[i]])) return false;
        if (step != 0) return true;
        for (var i = 0; i < _first.Length; i++)
            if (!_first[i].Matches(numbers[_firstAt[i]], labels[_firstAt[i]])) return false;
        return true;
    }
}
