using SynthFixtures.Randomness;
using SynthFixtures.Training.Text;

namespace SynthFixtures.Training.Tests.Text;

public class LengthBatchesTests
{
    [Fact]
    public void Every_text_is_in_one_batch_and_a_batch_holds_texts_of_about_one_length()
    {
        var random = new SynthRandom(1);
        var lengths = Enumerable.Range(0, 5000).Select(_ => 1 + random.NextInt(200)).ToArray();

        var batches = LengthBatches.Shuffled(lengths, 20, new SynthRandom(2));

        Assert.Equal(Enumerable.Range(0, lengths.Length), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.True(b.Length <= 20));
        // Padding: each batch is padded to its longest text. Unsorted batches would waste about half the work.
        double padded = batches.Sum(b => b.Length * b.Max(i => lengths[i]));
        Assert.True(lengths.Sum() / padded > 0.9, $"useful share {lengths.Sum() / padded:F3}");
        Assert.NotEqual(batches.Select(b => b[0]), LengthBatches.Shuffled(lengths, 20, new SynthRandom(3)).Select(b => b[0]));
    }
}
