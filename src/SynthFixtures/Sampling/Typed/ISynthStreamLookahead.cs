namespace SynthFixtures;

/// <summary>
/// A stream that batches expensive work (the language-model calls of <c>[Text(Prompt = …)]</c> properties) and is
/// told how many objects are still wanted, so a batch never makes (and pays for) objects nobody takes.
/// <see cref="Synth{T}"/> tells it before each object when the query has a count; without a hint the stream uses its
/// full batch size.
/// </summary>
public interface ISynthStreamLookahead
{
    /// <summary>At least <paramref name="count"/> more objects will be asked for, the next one included.</summary>
    void Expect(int count);
}
