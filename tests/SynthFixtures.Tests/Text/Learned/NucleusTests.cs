using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>The nucleus search against its definition: sort by probability (ties by id), take the fewest reaching the target.</summary>
public class NucleusTests
{
    [Theory]
    [InlineData(1, 0.9)]
    [InlineData(7, 0.5)]
    [InlineData(40, 0.95)]
    [InlineData(2000, 0.95)]
    [InlineData(2000, 0.3)]
    public void The_quickselect_finds_the_same_last_token_as_sorting(int n, double topP)
    {
        var random = new SynthRandom(n);
        for (var trial = 0; trial < 50; trial++)
        {
            // Peaked, flat and tied distributions.
            var probabilities = new float[n];
            for (var i = 0; i < n; i++)
                probabilities[i] = trial % 3 == 0 ? (float)Math.Exp(4 * random.NextNormal()) : trial % 3 == 1 ? 1f / (1 + random.NextInt(5)) : (float)random.NextDouble();
            var total = probabilities.Sum(p => (double)p);
            var keys = probabilities.Select((p, i) => ((ulong)~BitConverter.SingleToUInt32Bits(p) << 32) | (uint)i).ToArray();

            var sorted = keys.Order().ToArray();
            var need = topP * total;
            var expected = sorted[^1];
            foreach (var key in sorted)
            {
                need -= probabilities[(int)(uint)key];
                if (need <= 0)
                {
                    expected = key;
                    break;
                }
            }
            var actual = LearnedTextSampler.NucleusLastKey(keys, probabilities, topP * total);
            // Sums in another order may round differently at the boundary: then the neighbouring key is as right.
            var at = Array.IndexOf(sorted, actual);
            Assert.InRange(at, Array.IndexOf(sorted, expected) - 1, Array.IndexOf(sorted, expected) + 1);
            var mass = sorted[..(at + 1)].Sum(k => (double)probabilities[(int)(uint)k]);
            Assert.True(mass >= topP * total * (1 - 1e-6), "the nucleus reaches top-p");
            Assert.True(mass - probabilities[(int)(uint)actual] < topP * total * (1 + 1e-6), "and is the smallest that does");
        }
    }
}
