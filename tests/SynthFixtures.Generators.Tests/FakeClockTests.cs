using SynthFixtures.Generators.Tests.Fixtures;
using SynthFixtures.Randomness;

namespace SynthFixtures.Generators.Tests;

/// <summary>Bogus's date datasets count from a reference date; the seed alone must fix their values, not the wall clock.</summary>
public sealed class FakeClockTests
{
    [Fact]
    public void Date_fakes_are_identical_for_the_same_seed_a_second_apart()
    {
        var first = Appointment.Synth.WithSeed(17).Take(20).ToList();
        Thread.Sleep(TimeSpan.FromSeconds(1.1));
        var second = Appointment.Synth.WithSeed(17).Take(20).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Date_fakes_count_from_the_default_reference_date()
    {
        var reference = FakeClock.DefaultReferenceDate;
        var appointments = Appointment.Synth.WithSeed(3).Take(200).ToList();

        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), reference);
        Assert.All(appointments, a =>
        {
            Assert.InRange(a.Booked, reference.AddYears(-1), reference);       // Date.Past: within a year before
            Assert.InRange(a.Confirmed, reference.AddDays(-1), reference);     // Date.Recent: within a day before
            Assert.InRange(a.Due, reference, reference.AddYears(1));           // Date.Future: within a year after
        });
    }

    [Fact]
    public void A_reference_date_set_on_the_query_or_the_graph_moves_the_dates_and_nothing_else()
    {
        var moved = new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var shift = moved - FakeClock.DefaultReferenceDate;
        var usual = Appointment.Synth.WithSeed(8).Take(20).ToList();
        var later = Appointment.Synth.WithSeed(8).WithReferenceDate(moved).Take(20).ToList();
        var inGraph = Appointment.Synth.In(new SynthGraph(8, moved)).Take(20).ToList();

        Assert.Equal(moved, Appointment.Synth.WithReferenceDate(moved).ReferenceDate);
        Assert.Equal(later, inGraph);
        // The same draws, counted from another "now": Past and Future shift exactly; Recent is drawn in a fixed window too.
        Assert.Equal(usual.Select(a => a.Due + shift), later.Select(a => a.Due));
        Assert.All(later, a => Assert.InRange(a.Booked, moved.AddYears(-1), moved));
    }
}
