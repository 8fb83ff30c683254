namespace SynthFixtures;

/// <summary>Counts the objects a <see cref="Synth{T}.Replace{TValue}"/> rule was applied to (safe to share between threads).</summary>
public sealed class ReplaceCount
{
    private long _rows;

    /// <summary>Objects the rule was applied to so far.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    internal void Add() => Interlocked.Increment(ref _rows);
}
