using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Transforms;

public class PointMassModesTests
{
    [Fact]
    public void The_zeros_of_a_zero_inflated_column_decode_to_zero_for_any_alpha()
    {
        var random = new SynthRandom(3);
        var values = Enumerable.Range(0, 4000).Select(_ => random.NextDouble() < 0.9 ? 0 : Math.Round(Math.Exp(8 + random.NextNormal()))).ToArray();

        var normalizer = ModeNormalizer.Fit(values, new SynthRandom(4));

        var zero = normalizer.Encode(0, new SynthRandom(5), out var alpha);
        Assert.Equal(0, alpha, 1e-12);
        foreach (var a in new[] { -1.0, -0.3, 0, 0.4, 1 }) Assert.Equal(0, Math.Round(normalizer.Decode(a, zero)));
        var positive = normalizer.Encode(3000, new SynthRandom(6), out var positiveAlpha);
        Assert.NotEqual(zero, positive);
        Assert.Equal(3000, normalizer.Decode(positiveAlpha, positive), 1e-6);
    }

    [Fact]
    public void Continuous_modes_are_left_as_fitted()
    {
        var random = new SynthRandom(7);
        var values = Enumerable.Range(0, 3000).Select(_ => random.NextDouble() < 0.5 ? 10 + random.NextNormal() : 30 + 2 * random.NextNormal()).ToArray();
        var normalizer = ModeNormalizer.Fit(values, new SynthRandom(8));
        Assert.All(normalizer.Parameters.StandardDeviations, sd => Assert.True(sd > 0.5, $"σ {sd}"));
    }
}
