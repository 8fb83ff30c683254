using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Metadata;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Target (issue 12): the text section of 20k reviews in seconds on 2 cores. Training: 80 % of the women's clothing
/// reviews; holdout: the rest; synthetic: the training rows with each text's words reversed (the real vocabulary and
/// lengths, but new n-grams, so the copy search does its full work rather than stopping at the first hit). Without the
/// dataset, 20,000 texts drawn from a 5,000-word vocabulary stand in.
/// </summary>
[MemoryDiagnoser]
public class TextEvaluationBenchmarks
{
    private TextEvaluationInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchmarkData.DatasetPath("womens_clothing_reviews", "womens_clothing_ecommerce_reviews.csv");
        Table all;
        if (path is not null) all = CsvTableReader.Read(path, new CsvReadOptions { NameUnnamedColumns = true });
        else
        {
            var random = new Random(1);
            var texts = Enumerable.Range(0, 25_000).Select(_ => string.Join(' ', Enumerable.Range(0, 20 + random.Next(80)).Select(_ => "w" + random.Next(5_000)))).ToArray<string?>();
            var ratings = Enumerable.Range(0, 25_000).Select(_ => (random.Next(5) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray<string?>();
            all = new Table(["Review Text", "Rating"], [texts, ratings]);
        }
        Console.WriteLine($"// benchmark data: {(path is null ? "generated texts" : "womens_clothing_reviews")}, {all.RowCount} rows");
        var metadata = TableProfiler.Profile(all);
        var (training, holdout) = HoldoutSplit.Split(all, 0.2, 1);
        var columns = training.ColumnNames.Select(name => metadata.Find(name)?.Kind == ColumnKind.Text
            ? training.Column(name).Select(t => t is null ? null : string.Join(' ', t.Split(' ').Reverse())).ToArray()
            : training.Column(name).ToArray()).ToArray();
        _input = new TextEvaluationInput { Training = training, Synthetic = new Table(training.ColumnNames, columns), Holdout = holdout, Metadata = metadata };
    }

    [Benchmark(Description = "Text section: every free-text column, label chosen automatically")]
    public TextReport Evaluate() => TextEvaluator.Evaluate(_input);
}
