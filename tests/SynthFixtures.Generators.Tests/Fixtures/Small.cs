using SynthFixtures;

namespace SynthFixtures.Generators.Tests.Fixtures;

/// <summary>Only three unique values exist: asking for a fourth must fail loudly, not loop.</summary>
[Synthesize]
public partial record Die
{
    [SynthRange(1, 3), Unique] public int Face { get; init; }
}

/// <summary>A type that nests itself: allowed because the link is nullable with a null rate, so chains end.</summary>
[Synthesize]
public partial record Node
{
    [SynthKey] public long Id { get; init; }
    [NullRate(0.5)] public Node? Next { get; init; }
}
