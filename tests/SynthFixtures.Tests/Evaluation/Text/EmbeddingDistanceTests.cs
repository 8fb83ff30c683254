using SynthFixtures.Evaluation.Text;
using SynthFixtures.Evaluation.Utility;
using static SynthFixtures.Tests.Evaluation.Text.TextCorpora;

namespace SynthFixtures.Tests.Evaluation.Text;

/// <summary>The embedding distance: MMD² on hand-made vectors, and with the MiniLM model that ships in the package (offline).</summary>
public class EmbeddingDistanceTests
{
    [Fact]
    public void Mmd_is_near_zero_for_one_distribution_and_large_for_separate_ones()
    {
        var random = new Random(1);
        float[][] Cloud(double centre, int n) => Enumerable.Range(0, n)
            .Select(_ => new[] { (float)(centre + random.NextDouble()), (float)(centre + random.NextDouble()) }).ToArray();
        var a = Cloud(0, 200);
        var b = Cloud(0, 200);
        var far = Cloud(10, 200);
        var sigma2 = EmbeddingDistance.Bandwidth(a, b);

        Assert.InRange(EmbeddingDistance.Mmd2(a, b, sigma2), -0.02, 0.02);
        Assert.InRange(EmbeddingDistance.Mmd2(a, far, EmbeddingDistance.Bandwidth(a, far)), 0.5, 2.0);
        // By hand: two points at squared distance 2, σ² = 1, so k = e⁻¹ between them; within each side 2·e⁻¹ / 2,
        // between the sides (1 + e⁻¹ + e⁻¹ + 1) / 4: MMD² = 2e⁻¹ − (1 + e⁻¹) = e⁻¹ − 1 (the unbiased estimate dips below 0).
        Assert.Equal(Math.Exp(-1) - 1, EmbeddingDistance.Mmd2([[0f, 0f], [1f, 1f]], [[0f, 0f], [1f, 1f]], 1.0), 6); // distances in single precision
    }

    [Fact]
    public void MiniLM_runs_offline_and_puts_off_topic_text_further_away_than_unseen_real_text()
    {
        var (training, metadata) = Labelled(60, seed: 1);
        var (holdout, _) = Labelled(60, seed: 2);
        var offTopic = Notes(Enumerable.Range(0, 60).Select(i => $"Quarterly invoice {i} for server maintenance and database licences is overdue.").ToArray());
        var renamed = new SynthFixtures.Data.Table(["id", "notes", "topic", "noise"],
            [training.Column("id").ToArray(), offTopic.Column("notes").ToArray(), training.Column("topic").ToArray(), training.Column("noise").ToArray()]);
        using var embedder = new MiniLmTextEmbedder();

        EmbeddingScore Distance(SynthFixtures.Data.Table synthetic) => TextEvaluator.Evaluate(new TextEvaluationInput
        {
            Training = training, Synthetic = synthetic, Holdout = holdout, Metadata = metadata, Embedder = embedder,
            Options = new TextEvaluationOptions { EmbeddingTexts = 40 },
        }).Columns[0].Embedding!;

        var unseen = Distance(Labelled(60, seed: 3).Table);
        var off = Distance(renamed);

        Assert.StartsWith("all-MiniLM-L6-v2", unseen.Model);
        Assert.Equal(40, unseen.Texts);
        Assert.InRange(unseen.Mmd, -0.05, 0.05);
        Assert.InRange(unseen.HoldoutMmd!.Value, -0.05, 0.05);
        Assert.True(off.Mmd > 0.3, $"MMD² of off-topic text {off.Mmd}");
        Assert.Equal(off, Distance(renamed)); // the same texts give the same distance
    }
}
