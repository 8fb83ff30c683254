using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.TestData;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>The learned text model's data side on the clothing reviews (skipped without the shared datasets).</summary>
public class ClothingReviewsTests
{
    private static readonly string[] File = ["womens_clothing_reviews", "womens_clothing_ecommerce_reviews.csv"];

    [SkippableFact]
    public void The_tokenizer_keeps_every_review_and_the_context_is_the_rows_labels_not_its_keys_or_text()
    {
        var path = Datasets.Path(File);
        Skip.If(path is null, Datasets.Missing(File));
        var table = CsvTableReader.Read(path!, new CsvReadOptions { NameUnnamedColumns = true });
        var metadata = TableProfiler.Profile(table);
        var reviews = table.Column("Review Text").OfType<string>().ToArray();

        var tokenizer = SubwordTokenizer.Train(reviews, 2000);
        Assert.Equal(2000, tokenizer.Count);
        var lengths = reviews.Select(r => tokenizer.Encode(r).Length).ToArray();
        Assert.All(reviews.Take(2000), r => Assert.Equal(r, tokenizer.Decode(tokenizer.Encode(r))));
        Assert.InRange(lengths.Average(), 60, 100);
        foreach (var word in new[] { " dress", " love", " fabric", " small" }) Assert.Single(tokenizer.Encode(word));

        var context = TextContextEncoder.Fit(table, metadata, "Review Text", null);
        Assert.Contains("Rating", context.Columns);
        Assert.Contains("Department Name", context.Columns);
        Assert.DoesNotContain("Title", context.Columns);
        Assert.DoesNotContain(metadata.Columns[0].Name, context.Columns);   // the unnamed row index
        Assert.InRange(context.Columns.Count, 2, TextContextEncoder.MaxColumns);

        var guard = TrainingTextFingerprints.Of(reviews);
        Assert.All(reviews.Take(2000), r => Assert.True(guard.MayContain(r)));
    }
}
