using BenchmarkDotNet.Attributes;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Parquet;
using SynthFixtures.Sampling;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Write throughput of a sample file by format: a GaussianCopula fitted on adult sampled through SamplingService into
/// CSV and into Parquet (typed columns, a row group per chunk) on two cores, and one shard of four (a quarter of the
/// rows, drawn without the others). Rows per second is the rows written divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class SampleFileFormatBenchmarks
{
    private GaussianCopulaModel _model = null!;
    private string _folder = null!;
    private readonly SamplingOptions _twoCores = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>Rows of the whole sample.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (table, name) = BenchmarkData.Load();
        Console.WriteLine($"// benchmark data: {name}, {table.RowCount} rows");
        _model = GaussianCopulaFitter.Fit(table, TableProfiler.Profile(table));
        _folder = Directory.CreateTempSubdirectory("synthfixtures-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "Sample to CSV, two cores")]
    public SamplingResult Csv() => Run("s.csv", CsvSampleFormat.Instance, shard: null);

    [Benchmark(Description = "Sample to Parquet, two cores")]
    public SamplingResult Parquet() => Run("s.parquet", ParquetSampleFormat.Instance, shard: null);

    [Benchmark(Description = "Shard 1 of 4 to Parquet, two cores")]
    public SamplingResult ParquetShard() => Run("part-1.parquet", ParquetSampleFormat.Instance, new SampleShard(1, 4));

    private SamplingResult Run(string file, ISampleFileFormat format, SampleShard? shard) => SamplingService.Run(new SamplingRequest
    {
        Model = _model, Rows = Rows, Seed = 42, OutputPath = Path.Combine(_folder, file), Options = _twoCores, Format = format, Shard = shard,
    });
}
