using SynthFixtures.Xunit;

namespace Fixtures.Sample;

public sealed class PatientTests
{
    [Theory, SynthData<Patient>(Count = 5, Seed = 7)]
    public void Discharge_follows_admission(Patient p) =>
        Assert.True(p.Discharged is null || p.Discharged > p.Admitted);

    [Fact]
    public void Seniors_can_be_asked_for_directly()
    {
        var seniors = Patient.Synth.WithSeed(42).Where(p => p.Age >= 65).Take(200).ToList();

        Assert.Equal(200, seniors.Count);
        Assert.All(seniors, p => Assert.InRange(p.Age, 65, 110));
        Assert.Equal(200, seniors.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void A_fixture_is_reproducible_from_its_seed()
    {
        var first = Patient.Synth.WithSeed(2024).Generate(30);
        var again = Patient.Synth.WithSeed(2024).Generate(30);

        Assert.Equal(first, again);
        Assert.All(first, p => Assert.Matches(@"^[A-Z]{2}\d{1,2} \d[A-Z]{2}$", p.Home.PostCode));
    }
}
