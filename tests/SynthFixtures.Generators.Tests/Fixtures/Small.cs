using SynthFixtures;

namespace SynthFixtures.Generators.Tests.Fixtures;

/// <summary>Only three unique values exist: asking for a fourth must fail loudly, not loop.</summary>
[Synthesize]
public partial record Die
{
    [SynthRange(1, 3), Unique] public int Face { get; init; }
}
