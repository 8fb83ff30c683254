using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// What <c>synthfixtures sample</c> does: a GaussianCopula fitted on adult sampled to a CSV file on two cores, streamed
/// chunk by chunk (SamplingService) against the whole sample held in memory and written at once. Rows per second is
/// Rows divided by the mean; the allocated column shows the streamed path allocating per chunk, not per file.
/// </summary>
[MemoryDiagnoser]
public class StreamingSampleBenchmarks
{
    private GaussianCopulaModel _model = null!;
    private string _folder = null!;
    private readonly SamplingOptions _twoCores = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>Rows per file.</summary>
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

    [Benchmark(Baseline = true, Description = "Sample to CSV, whole table in memory, two cores")]
    public void Whole() => CsvTableWriter.Write(_model.Sample(Rows, 42, options: _twoCores).ToTable(), Path.Combine(_folder, "whole.csv"));

    [Benchmark(Description = "Sample to CSV, streamed in chunks (SamplingService), two cores")]
    public SamplingResult Streamed() =>
        SamplingService.Run(new SamplingRequest { Model = _model, Rows = Rows, Seed = 42, OutputPath = Path.Combine(_folder, "streamed.csv"), Options = _twoCores });
}
