using System.Diagnostics;

namespace SynthFixtures.Evaluation;

/// <summary>How long each stage of an evaluation took, in the order the stages ran, for the report's audit.</summary>
internal sealed class StageTimings
{
    private readonly List<KeyValuePair<string, TimeSpan>> _stages = [];
    private readonly CancellationToken _ct;

    /// <param name="ct">Checked before each stage starts, so a cancelled evaluation stops between stages.</param>
    public StageTimings(CancellationToken ct = default) => _ct = ct;

    /// <summary>The stages timed so far, each with how long it took.</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Stages => _stages;

    /// <summary>Runs <paramref name="work"/> and records how long it took as stage <paramref name="stage"/>.</summary>
    public T Time<T>(string stage, Func<T> work)
    {
        _ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var result = work();
        _stages.Add(new(stage, clock.Elapsed));
        return result;
    }
}
