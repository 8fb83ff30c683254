using SynthFixtures.Randomness;

namespace SynthFixtures.Training;

/// <summary>Seeded Fisher–Yates shuffles for the trainers' batch orders and permutations.</summary>
internal static class Shuffling
{
    /// <summary>Shuffles <paramref name="items"/> in place.</summary>
    public static void Shuffle<T>(T[] items, SynthRandom random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
