using SynthFixtures.Data;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Evaluation.Text;

/// <summary>
/// On the women's clothing reviews, real reviews the "model" never saw stand in for a perfect generator: every text
/// metric must then read as good as the holdout baseline, and placeholder prose must not.
/// </summary>
public class ReviewsTextEvaluationTests
{
    [SkippableFact]
    public void Unseen_real_reviews_score_like_real_text_and_shuffled_ratings_lose_consistency()
    {
        var path = Datasets.Path("womens_clothing_reviews", "womens_clothing_ecommerce_reviews.csv");
        Skip.If(path is null, Datasets.Missing("womens_clothing_reviews"));
        var all = CsvTableReader.Read(path, new CsvReadOptions { NameUnnamedColumns = true });
        var metadata = TableProfiler.Profile(all);
        Assert.Contains("Review Text", TextEvaluator.TextColumns(metadata));
        var (training, rest) = HoldoutSplit.Split(all, 0.4, seed: 1);
        var (holdout, unseen) = HoldoutSplit.Split(rest, 0.5, seed: 2);
        TextColumnReport Review(Table synthetic) => TextEvaluator.Evaluate(new TextEvaluationInput
        {
            Training = training, Synthetic = synthetic, Holdout = holdout, Metadata = metadata,
            Options = new TextEvaluationOptions { ConsistencyLabel = "Rating" },
        }).Columns.Single(c => c.Column == "Review Text");

        var c = Review(unseen);

        Assert.InRange(c.Length.CharacterKsComplement, 0.95, 1.0);
        Assert.InRange(c.Length.WordKsComplement, 0.95, 1.0);
        Assert.InRange(c.Vocabulary.Coverage, c.Vocabulary.HoldoutCoverage!.Value - 0.01, 1.0);
        Assert.InRange(c.Keywords.TvComplement, 0.95, 1.0);
        Assert.InRange(c.Copies.SyntheticOverlapRate, c.Copies.HoldoutOverlapRate!.Value - 0.03, c.Copies.HoldoutOverlapRate.Value + 0.03);
        Assert.InRange(c.Copies.Protection, 0.96, 1.0);
        var k = c.Consistency!;
        Assert.InRange(k.RealAccuracy, k.MajorityShare, 1.0); // the text says something about the rating
        Assert.InRange(k.Ratio, 0.93, 1.0);
        Assert.InRange(k.KappaRatio, 0.8, 1.0);

        // The same reviews with their ratings shuffled among rows: the words no longer fit their rows.
        var ratings = unseen.Column("Rating").ToArray();
        new Random(3).Shuffle(ratings);
        var columns = unseen.ColumnNames.Select(n => n == "Rating" ? ratings : unseen.Column(n).ToArray()).ToArray();
        var shuffled = Review(new Table(unseen.ColumnNames, columns));
        Assert.InRange(shuffled.Consistency!.KappaRatio, 0.0, 0.2);
        Assert.True(shuffled.Score < c.Score);
    }
}
