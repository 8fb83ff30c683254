using System.Text.Json;
using SynthFixtures.Generators.Tests.Fixtures;

namespace SynthFixtures.Generators.Tests;

/// <summary>One seed drives everything: same seed, same objects; streams do not depend on how many were asked for.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(-7L)]
    public void The_same_seed_gives_identical_objects(long seed)
    {
        var first = Patient.Synth.WithSeed(seed).Take(50).ToList();
        var second = Patient.Synth.WithSeed(seed).Take(50).ToList();

        Assert.Equal(first, second);
        Assert.Equal(Json(Customer.Synth.WithSeed(seed).Take(20)), Json(Customer.Synth.WithSeed(seed).Take(20)));
    }

    [Fact]
    public void Different_seeds_give_different_objects()
    {
        var a = Patient.Synth.WithSeed(1).Take(20).ToList();
        var b = Patient.Synth.WithSeed(2).Take(20).ToList();

        Assert.NotEqual(a.Select(p => p.RecordNumber), b.Select(p => p.RecordNumber));
        Assert.NotEqual(a.Select(p => p.Name), b.Select(p => p.Name));
    }

    [Fact]
    public void A_shorter_run_is_a_prefix_of_a_longer_one()
    {
        var ten = Patient.Synth.WithSeed(9).Take(10).ToList();
        var hundred = Patient.Synth.WithSeed(9).Take(100).ToList();

        Assert.Equal(ten, hundred.Take(10));
        Assert.Equal(ten[0], Patient.Synth.WithSeed(9).Generate());
        Assert.Equal(ten, Patient.Synth.WithSeed(9).Generate(10));
    }

    [Fact]
    public void Where_keeps_only_matching_objects_deterministically()
    {
        var seniors = Patient.Synth.WithSeed(42).Where(p => p.Age >= 65).Take(200).ToList();

        Assert.Equal(200, seniors.Count);
        Assert.All(seniors, p => Assert.True(p.Age >= 65));
        Assert.Equal(seniors, Patient.Synth.WithSeed(42).Where(p => p.Age >= 65).Take(200).ToList());
    }

    [Fact]
    public void An_impossible_filter_fails_with_a_hint_instead_of_looping()
    {
        var ex = Assert.Throws<SynthDataException>(() => Patient.Synth.Where(p => p.Age > 110).Generate());

        Assert.Contains("Where", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Hint);
    }

    [Fact]
    public void An_exhausted_unique_domain_fails_with_the_property_name()
    {
        Assert.Equal([1, 2, 3], Die.Synth.WithSeed(3).Take(3).Select(d => d.Face).Order());

        var ex = Assert.Throws<SynthDataException>(() => Die.Synth.WithSeed(3).Take(4).ToList());
        Assert.Contains("'Face'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_null_rates_and_distributions_shape_the_values()
    {
        var patients = Patient.Synth.WithSeed(5).Take(4000).ToList();

        Assert.InRange(patients.Count(p => p.Priority == 1) / 4000.0, 0.66, 0.74);      // weight 0.7
        Assert.InRange(patients.Count(p => p.Discharged is null) / 4000.0, 0.17, 0.23);  // NullRate(0.2)
        Assert.InRange(patients.Average(p => p.WeightKg), 68.5, 71.5);                  // Normal(70, 15) barely truncated
        Assert.InRange(patients.Count(p => p.Insured) / 4000.0, 0.46, 0.54);
        Assert.InRange(patients.Count(p => p.Employer is null) / 4000.0, 0.27, 0.33);    // NullRate(0.3) on a [Fake]
    }

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items);
}
