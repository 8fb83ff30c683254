using System.Text.Json;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Transforms;

public class ModeNormalizerTests
{
    private static double[] Mixture(long seed, int n, params (double Weight, double Mean, double Sd)[] components)
    {
        var random = new SynthRandom(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            var c = 0;
            while (c < components.Length - 1 && (u -= components[c].Weight) >= 0) c++;
            values[i] = components[c].Mean + components[c].Sd * random.NextNormal();
        }
        return values;
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    public void Recovers_a_three_component_mixture(long seed)
    {
        var values = Mixture(seed, 3000, (0.5, -5, 1), (0.3, 0, 0.5), (0.2, 6, 1));

        var p = ModeNormalizer.Fit(values, new SynthRandom(seed)).Parameters;

        Assert.Equal(3, p.Weights.Length);
        Assert.Equal([-5, 0, 6], p.Means, (a, b) => Math.Abs(a - b) < 0.15);
        Assert.Equal([0.5, 0.3, 0.2], p.Weights, (a, b) => Math.Abs(a - b) < 0.03);
        Assert.Equal([1, 0.5, 1], p.StandardDeviations, (a, b) => Math.Abs(a - b) < 0.1);
    }

    [Fact]
    public void Prunes_the_components_a_two_mode_column_does_not_need()
    {
        var values = Mixture(3, 2000, (0.7, 100, 5), (0.3, 200, 10));

        var p = ModeNormalizer.Fit(values, new SynthRandom(3)).Parameters;

        Assert.Equal(2, p.Weights.Length);
        Assert.Equal([100, 200], p.Means, (a, b) => Math.Abs(a - b) < 1.5);
        Assert.Equal(0.7, p.Weights[0], 0.03);
        Assert.Equal(1, p.Weights.Sum(), 1e-9);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    public void A_single_gaussian_keeps_one_component(long seed)
    {
        var values = Mixture(seed, 2000, (1.0, 10, 2));

        var p = ModeNormalizer.Fit(values, new SynthRandom(seed * 7)).Parameters;

        Assert.Single(p.Weights);
        Assert.Equal(10, p.Means[0], 0.2);
        Assert.Equal(2, p.StandardDeviations[0], 0.15);
    }

    [Fact]
    public void Encodes_and_decodes_within_the_clipping_range()
    {
        var values = Mixture(4, 1000, (0.6, -3, 1), (0.4, 4, 0.5));
        var normalizer = ModeNormalizer.Fit(values, new SynthRandom(4));
        var random = new SynthRandom(5);

        foreach (var x in values)
        {
            var mode = normalizer.Encode(x, random, out var alpha);
            Assert.InRange(alpha, -0.99, 0.99);
            var sd = normalizer.Parameters.StandardDeviations[mode];
            // Inside ±3.96σ of its mode a value comes back exactly (up to rounding); beyond, α was clipped.
            if (Math.Abs(x - normalizer.Parameters.Means[mode]) < 3.9 * sd) Assert.Equal(x, normalizer.Decode(alpha, mode), 1e-9);
        }
        Assert.Equal(normalizer.Parameters.Means[0] + 4 * normalizer.Parameters.StandardDeviations[0], normalizer.Decode(7, 0), 1e-9);
    }

    [Fact]
    public void Draws_the_mode_from_the_posterior()
    {
        var normalizer = new ModeNormalizer(new ModeNormalizerParameters { Weights = [0.5, 0.5], Means = [0, 1], StandardDeviations = [1, 1] });
        var random = new SynthRandom(6);
        // Halfway between two equal components the posterior is ½/½.
        var firsts = Enumerable.Range(0, 4000).Count(i => normalizer.Encode(0.5, random, out _) == 0);
        Assert.InRange(firsts, 1800, 2200);
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_serialisable()
    {
        var values = Mixture(7, 1500, (0.5, 0, 1), (0.5, 10, 2));
        var a = ModeNormalizer.Fit(values, new SynthRandom(8)).Parameters;
        var b = ModeNormalizer.Fit(values, new SynthRandom(8)).Parameters;
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Means, b.Means);
        Assert.Equal(a.StandardDeviations, b.StandardDeviations);

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(a, ArtifactJson.Default.ModeNormalizerParameters), ArtifactJson.Default.ModeNormalizerParameters)!;
        Assert.Equal(a.Means, back.Means);
        Assert.Equal(a.Weights, back.Weights);
        Assert.Equal(a.StandardDeviations, back.StandardDeviations);
    }

    [Theory]
    [InlineData(42.5)]
    [InlineData(double.NaN)]
    public void Handles_a_constant_or_empty_column(double constant)
    {
        var normalizer = ModeNormalizer.Fit(Enumerable.Repeat(constant, 50).ToArray(), new SynthRandom(9));
        var expected = double.IsNaN(constant) ? 0 : constant;

        Assert.Equal(1, normalizer.Modes);
        Assert.Equal(0, normalizer.Encode(expected, new SynthRandom(1), out var alpha));
        Assert.Equal(0, alpha);
        Assert.Equal(expected, normalizer.Decode(0.7, 0));
    }

    [Fact]
    public void Rejects_inconsistent_parameters() =>
        Assert.Throws<ArgumentException>(() => new ModeNormalizer(new ModeNormalizerParameters { Weights = [0.5, 0.6], Means = [0, 1], StandardDeviations = [1, 1] }));
}
