using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Targets (issue 2): fit adult (32,561 × 15) in under 1 s; sample at least 1,000,000 rows/s on one core.
/// Sampling is measured to typed columns (what typed fixtures consume) and, separately, through text formatting.
/// </summary>
[MemoryDiagnoser]
public class GaussianCopulaBenchmarks
{
    private Table _table = null!;
    private TableMetadata _metadata = null!;
    private GaussianCopulaModel _model = null!;
    private readonly SamplingOptions _oneCore = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>Rows per sampling benchmark.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_table, var name) = BenchmarkData.Load();
        Console.WriteLine($"// benchmark data: {name}, {_table.RowCount} rows");
        _metadata = TableProfiler.Profile(_table);
        _model = GaussianCopulaFitter.Fit(_table, _metadata);
    }

    [Benchmark(Description = "Fit GaussianCopula (profiled metadata)")]
    public GaussianCopulaModel Fit() => GaussianCopulaFitter.Fit(_table, _metadata);

    [Benchmark(Description = "Sample rows, one core, typed columns")]
    public SampledTable SampleOneCore() => _model.Sample(Rows, 42, options: _oneCore);

    [Benchmark(Description = "Read the CSV")]
    public Table Read() => _table.SourcePath is { } path ? CsvTableReader.Read(path) : _table;

    [Benchmark(Description = "Profile the table")]
    public TableMetadata Profile() => TableProfiler.Profile(_table);
}
