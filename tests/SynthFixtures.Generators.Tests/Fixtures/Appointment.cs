using SynthFixtures;

namespace SynthFixtures.Generators.Tests.Fixtures;

/// <summary>Bogus date fakes, which read a clock unless the synthesizer fixes their reference date.</summary>
[Synthesize]
public partial record Appointment
{
    [Fake("Date.Past")] public DateTime Booked { get; init; }
    [Fake("Date.Recent")] public DateTime Confirmed { get; init; }
    [Fake("Date.Future")] public DateTime Due { get; init; }
}
