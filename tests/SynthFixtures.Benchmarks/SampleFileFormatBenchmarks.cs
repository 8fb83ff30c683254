using BenchmarkDotNet.Attributes;
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
public class SampleFileFormatBenchmarks : SampleFileBenchmarkBase
{
    [Benchmark(Baseline = true, Description = "Sample to CSV, two cores")]
    public SamplingResult Csv() => Run("s.csv", CsvSampleFormat.Instance, shard: null);

    [Benchmark(Description = "Sample to Parquet, two cores")]
    public SamplingResult Parquet() => Run("s.parquet", ParquetSampleFormat.Instance, shard: null);

    [Benchmark(Description = "Shard 1 of 4 to Parquet, two cores")]
    public SamplingResult ParquetShard() => Run("part-1.parquet", ParquetSampleFormat.Instance, new SampleShard(1, 4));

    private SamplingResult Run(string file, ISampleFileFormat format, SampleShard? shard) => SamplingService.Run(new SamplingRequest
    {
        Model = Model, Rows = Rows, Seed = 42, OutputPath = Path.Combine(Folder, file), Options = TwoCores, Format = format, Shard = shard,
    });
}
