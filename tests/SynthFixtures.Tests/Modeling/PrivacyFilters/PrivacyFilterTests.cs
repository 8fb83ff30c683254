using SynthFixtures.Data;
using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Modeling.PrivacyFilters;

/// <summary>
/// The sampling privacy filters: rows within the similarity threshold of a training row never come out (by the filter's
/// distance and by the evaluation's DCR), copies of training rows are dropped, the counts add up, the output is the
/// first kept candidates for any thread count and chunk size, and a filter that drops nearly everything is an error.
/// </summary>
public sealed class PrivacyFilterTests : IDisposable
{
    private static readonly Table Training = MixedTestTable.Create(3000, seed: 7);
    private static readonly Table Holdout = MixedTestTable.Create(800, seed: 8);

    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(Training, MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void No_row_written_is_within_the_similarity_threshold_or_beyond_the_outlier_threshold()
    {
        var (result, sample) = Run(new PrivacyFilterOptions { SimilarityQuantile = 0.2, OutlierQuantile = 0.9 }, rows: 4000);
        var summary = result.PrivacyFilter!;
        Assert.True(summary.SimilarityThreshold > 0);
        Assert.True(summary.DroppedAsTooSimilar > 0 && summary.DroppedAsOutliers > 0, $"{summary.DroppedAsTooSimilar}, {summary.DroppedAsOutliers}");

        var filter = PrivacyFilter.Fit(Training, Holdout, Model.Value.Metadata, new PrivacyFilterOptions { SimilarityQuantile = 0.2, OutlierQuantile = 0.9 });
        var distances = filter.Distances(sample);
        Assert.Equal(4000, distances.Length);
        Assert.All(distances, d => Assert.InRange(d, Math.BitIncrement(summary.SimilarityThreshold), summary.OutlierThreshold));

        // The evaluation's DCR measures the same distance (its column order may round the float sum differently).
        var report = PrivacyEvaluator.Evaluate(Training, sample, Model.Value.Metadata);
        for (var i = 0; i < distances.Length; i++) Assert.Equal(distances[i], report.SyntheticDistances[i], 6);
        Assert.True(report.SyntheticDistances.Min() > summary.SimilarityThreshold - 1e-6);
    }

    [Fact]
    public void Thresholds_are_the_holdout_quantiles_of_the_distances_to_the_training_rows()
    {
        var filter = PrivacyFilter.Fit(Training, Holdout, Model.Value.Metadata, new PrivacyFilterOptions { SimilarityQuantile = 0.05, OutlierQuantile = 0.99 });
        var distances = filter.Distances(Holdout).Order().ToArray();
        Assert.Equal(distances[39], filter.Thresholds.SimilarityThreshold);   // ⌈0.05 · 800⌉ = 40th smallest
        Assert.Equal(distances[791], filter.Thresholds.OutlierThreshold);     // ⌈0.99 · 800⌉ = 792nd smallest
        Assert.Equal(800, filter.Thresholds.HoldoutRows);
        Assert.Equal("given", filter.Thresholds.HoldoutSource);
        Assert.Equal(["x", "y", "group", "visits", "day", "flag"], filter.Thresholds.Columns);
    }

    [Theory]
    [InlineData(0.0, 1.0)]    // the smallest
    [InlineData(0.05, 1.0)]   // ⌈0.5⌉ = 1st
    [InlineData(0.5, 2.5)]    // ⌈5⌉ = 5th
    [InlineData(0.51, 3.0)]   // ⌈5.1⌉ = 6th
    [InlineData(1.0, 4.0)]    // the largest
    public void Quantiles_are_nearest_rank(double q, double expected)
    {
        double[] sorted = [1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 3.9, 4];
        Assert.Equal(expected, PrivacyFilter.Quantile(sorted, q));
    }

    [Fact]
    public void Copies_of_training_rows_are_dropped()
    {
        // The unfiltered sample's first 200 rows, added to the training rows: the filtered sample (same seed, so the same
        // candidates in the same order) must leave every one of them out.
        var plain = Model.Value.Sample(3000, 5).ToTable();
        var copied = HoldoutSplit.Rows(plain, Enumerable.Range(0, 200).ToArray());
        var reference = Concat(Training, copied);
        var filter = PrivacyFilter.Fit(reference, Holdout, Model.Value.Metadata, new PrivacyFilterOptions { Kinds = PrivacyFilterKinds.Similarity, SimilarityQuantile = 0 });
        Assert.All(filter.Distances(copied), d => Assert.Equal(0, d));

        var (result, sample) = Run(new PrivacyFilterOptions { Kinds = PrivacyFilterKinds.Similarity, SimilarityQuantile = 0 }, rows: 1000, reference: reference);
        Assert.True(result.PrivacyFilter!.DroppedAsTooSimilar >= 200);
        var written = RowKeys(sample).ToHashSet();
        Assert.DoesNotContain(RowKeys(copied), written.Contains);
        Assert.Equal(0, result.PrivacyFilter.DroppedAsOutliers);
    }

    [Fact]
    public void The_rows_are_the_first_kept_candidates_and_the_counts_add_up()
    {
        var options = new PrivacyFilterOptions { SimilarityQuantile = 0.2, OutlierQuantile = 0.9 };
        var (result, sample) = Run(options, rows: 2500);
        var filter = PrivacyFilter.Fit(Training, Holdout, Model.Value.Metadata, options);
        var candidates = Model.Value.Sample(20_000, 5).ToTable();
        var verdicts = filter.Distances(candidates).Select(filter.Judge).ToArray();
        var kept = Enumerable.Range(0, verdicts.Length).Where(i => verdicts[i] == RowVerdict.Kept).Take(2500).ToArray();
        var looked = kept[^1] + 1;

        var summary = result.PrivacyFilter!;
        Assert.Equal(looked, summary.Candidates);
        Assert.Equal(verdicts.Take(looked).Count(v => v == RowVerdict.TooSimilar), summary.DroppedAsTooSimilar);
        Assert.Equal(verdicts.Take(looked).Count(v => v == RowVerdict.Outlier), summary.DroppedAsOutliers);
        Assert.Equal(2500, summary.Kept);
        Assert.Equal(summary.Candidates, summary.Kept + summary.DroppedAsTooSimilar + summary.DroppedAsOutliers);
        var expected = HoldoutSplit.Rows(candidates, kept);
        foreach (var name in new[] { "x", "y", "group", "visits", "day", "flag" })
            Assert.Equal(expected.Column(name), sample.Column(name));
        // Keys are generated, not filtered: consecutive, exactly as in an unfiltered sample.
        Assert.Equal(Model.Value.Sample(2500, 5).ToTable().Column("id"), sample.Column("id"));

        var json = File.ReadAllText(result.PrivacyFilterSummaryPath!);
        Assert.Equal(summary, PrivacyFilterSummaryJson.Read(result.PrivacyFilterSummaryPath!) with { Columns = summary.Columns });
        Assert.Contains("\"droppedAsTooSimilar\": " + summary.DroppedAsTooSimilar, json);
    }

    [Theory]
    [InlineData(1, 1024)]
    [InlineData(2, 3000)]
    [InlineData(2, 65_536)]
    public void The_file_is_the_same_for_any_thread_count_and_chunk_size(int threads, int chunkRows)
    {
        var options = new PrivacyFilterOptions { SimilarityQuantile = 0.2, OutlierQuantile = 0.9 };
        var (reference, _) = Run(options, rows: 5000, threads: 1, chunkRows: 8192, name: "reference");
        var (other, _) = Run(options, rows: 5000, threads: threads, chunkRows: chunkRows, name: "other");
        Assert.Equal(File.ReadAllBytes(reference.OutputPath), File.ReadAllBytes(other.OutputPath));
        Assert.Equal(File.ReadAllText(reference.PrivacyFilterSummaryPath!), File.ReadAllText(other.PrivacyFilterSummaryPath!));
    }

    [Fact]
    public void Without_a_holdout_a_seeded_share_of_the_training_rows_sets_the_thresholds()
    {
        var options = new PrivacyFilterOptions { HoldoutFraction = 0.25, Seed = 3 };
        var filter = PrivacyFilter.Fit(Training, null, Model.Value.Metadata, options);
        Assert.Equal("split", filter.Thresholds.HoldoutSource);
        Assert.Equal(750, filter.Thresholds.HoldoutRows);
        Assert.Equal(3000, filter.Thresholds.ReferenceRows);
        var again = PrivacyFilter.Fit(Training, null, Model.Value.Metadata, options).Thresholds;
        Assert.Equal(filter.Thresholds, again with { Columns = filter.Thresholds.Columns });
        Assert.NotEqual(filter.Thresholds.SimilarityThreshold,
            PrivacyFilter.Fit(Training, null, Model.Value.Metadata, options with { Seed = 4 }).Thresholds.SimilarityThreshold);
    }

    [Fact]
    public void A_filter_that_drops_nearly_everything_is_an_error_and_writes_nothing()
    {
        var target = _folder.File("s.csv");
        var error = Assert.Throws<SynthDataException>(() => SamplingService.Run(new SamplingRequest
        {
            Model = Model.Value, Rows = 2000, OutputPath = target, Seed = 5,
            PrivacyFilter = new PrivacyFilterRequest
            {
                Reference = Training, Holdout = Holdout, SummaryPath = _folder.File("s.privacy-filter.json"),
                Options = new PrivacyFilterOptions { Kinds = PrivacyFilterKinds.Outliers, OutlierQuantile = 0, CandidatesPerRow = 3, MinimumCandidates = 1 },
            },
        }));
        Assert.Contains("privacy filters dropped", error.Message);
        Assert.Contains("of the 2,000 rows asked for passed within the budget of 6,000 candidates", error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void A_reference_without_a_modelled_column_is_refused_by_name()
    {
        var withoutY = new Table(["id", "x", "group", "visits", "day", "flag"],
            new[] { "id", "x", "group", "visits", "day", "flag" }.Select(n => Training.Column(n).ToArray()).ToArray(), sourcePath: "train.csv");
        var error = Assert.Throws<SynthDataException>(() => PrivacyFilter.Fit(withoutY, Holdout, Model.Value.Metadata));
        Assert.Contains("The reference table lacks the model's column 'y'", error.Message);
        Assert.Contains("train.csv", error.Message);
    }

    [Fact]
    public void A_holdout_of_training_rows_is_refused()
    {
        var error = Assert.Throws<SynthDataException>(() => PrivacyFilter.Fit(Training, Training, Model.Value.Metadata));
        Assert.Contains("3000 of 3000 holdout rows are copies of reference rows", error.Message);
    }

    [Theory]
    [InlineData(PrivacyFilterKinds.None, 0.05, 0.99, "No privacy filter")]
    [InlineData(PrivacyFilterKinds.Both, 1.5, 0.99, "similarity quantile 1.5")]
    [InlineData(PrivacyFilterKinds.Both, 0.5, 0.4, "not below the outlier quantile")]
    public void Bad_options_are_refused_in_domain_words(PrivacyFilterKinds kinds, double similarity, double outlier, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => PrivacyFilter.Fit(Training, Holdout, Model.Value.Metadata,
            new PrivacyFilterOptions { Kinds = kinds, SimilarityQuantile = similarity, OutlierQuantile = outlier }));
        Assert.Contains(expected, error.Message);
    }

    private (SamplingResult Result, Table Sample) Run(PrivacyFilterOptions options, int rows, Table? reference = null,
        int threads = 2, int chunkRows = 1024, string name = "s")
    {
        var target = _folder.File(name + ".csv");
        var result = SamplingService.Run(new SamplingRequest
        {
            Model = Model.Value, Rows = rows, OutputPath = target, Seed = 5,
            Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows },
            PrivacyFilter = new PrivacyFilterRequest
            {
                Reference = reference ?? Training, Holdout = Holdout, Options = options,
                SummaryPath = PrivacyFilterSummaryJson.DefaultPathFor(target),
            },
        });
        Assert.Equal(rows, result.Rows);
        return (result, CsvTableReader.Read(target));
    }

    private static IEnumerable<string> RowKeys(Table table) =>
        Enumerable.Range(0, table.RowCount).Select(r => string.Join("|", new[] { "x", "y", "group", "visits", "day", "flag" }.Select(n => table.Column(n)[r]?.Trim())));

    private static Table Concat(Table a, Table b) => new(a.ColumnNames,
        a.ColumnNames.Select(n => a.Column(n).Concat(b.Column(n)).ToArray()).ToArray());
}
