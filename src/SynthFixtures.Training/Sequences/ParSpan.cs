namespace SynthFixtures.Training.Sequences;

/// <summary>
/// Part of one entity's sequence as the PAR trainer reads it: its first <paramref name="Length"/> steps run through
/// the network, and the loss is taken from step <paramref name="ScoredFrom"/> on (the steps before only build the state).
/// </summary>
/// <param name="Entity">The entity's position in the set.</param>
/// <param name="Length">Steps run.</param>
/// <param name="ScoredFrom">The first step scored.</param>
internal readonly record struct ParSpan(int Entity, int Length, int ScoredFrom)
{
    /// <summary>Steps scored.</summary>
    public int Scored => Length - ScoredFrom;
}
