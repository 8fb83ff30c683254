namespace SynthFixtures.Randomness;

/// <summary>
/// The fixed "now" that Bogus fake values count from. Bogus's date datasets (<c>Date.Past</c>, <c>Date.Recent</c>,
/// <c>Date.Future</c>, a person's birth date, …) read the wall clock unless given a reference date, so the same seed
/// would give different values a moment later; every faker this library creates gets a reference date instead.
/// </summary>
public static class FakeClock
{
    /// <summary>
    /// The reference date used unless the caller sets one (<see cref="Synth{T}.WithReferenceDate"/>):
    /// 2025-01-01T00:00:00Z.
    /// </summary>
    public static readonly DateTime DefaultReferenceDate = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
