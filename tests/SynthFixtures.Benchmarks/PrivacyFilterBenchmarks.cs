using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// The sampling privacy filters on adult (32k reference rows × 15 mixed columns): fitting the thresholds (a seeded 20 %
/// of the reference against the rest), and a filtered sample of 32k rows streamed to a CSV next to the same sample
/// unfiltered, so the filter's cost per row shows directly.
/// </summary>
[MemoryDiagnoser]
public class PrivacyFilterBenchmarks
{
    private Table _reference = null!;
    private TableMetadata _metadata = null!;
    private GaussianCopulaModel _model = null!;
    private string _output = null!;
    private PrivacyFilter _filter = null!;
    private Table _candidates = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (table, name) = BenchmarkData.Load();
        Console.WriteLine($"// benchmark data: {name}, {table.RowCount} rows");
        _reference = table;
        _metadata = TableProfiler.Profile(table);
        _model = GaussianCopulaFitter.Fit(table, _metadata);
        _output = Path.Combine(Path.GetTempPath(), $"synthfixtures-filter-bench-{Guid.NewGuid():N}.csv");
        _filter = PrivacyFilter.Fit(_reference, null, _model.Metadata);
        _candidates = _model.Sample(_reference.RowCount, 3).ToTable();
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_output);

    [Benchmark(Description = "Privacy filter: fit thresholds (6.5k held-out rows × 26k rows)")]
    public PrivacyFilter Fit() => PrivacyFilter.Fit(_reference, null, _model.Metadata);

    [Benchmark(Description = "Verdicts on 32k candidates (both filters, threshold searches)")]
    public RowVerdict[] Judge() => _filter.JudgeRows(_candidates, -1, CancellationToken.None);

    [Benchmark(Description = "Exact nearest distances of 32k candidates (the DCR)")]
    public double[] ExactDistances() => _filter.Distances(_candidates);

    [Benchmark(Baseline = true, Description = "Sample 32k rows to CSV, unfiltered")]
    public SamplingResult Unfiltered() => SamplingService.Run(new SamplingRequest { Model = _model, Rows = _reference.RowCount, OutputPath = _output });

    [Benchmark(Description = "Sample 32k rows to CSV through both filters (fit included)")]
    public SamplingResult Filtered() => SamplingService.Run(new SamplingRequest
    {
        Model = _model, Rows = _reference.RowCount, OutputPath = _output,
        PrivacyFilter = new PrivacyFilterRequest { Reference = _reference },
    });
}
