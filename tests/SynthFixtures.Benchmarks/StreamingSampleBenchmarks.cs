using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
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
public class StreamingSampleBenchmarks : SampleFileBenchmarkBase
{
    [Benchmark(Baseline = true, Description = "Sample to CSV, whole table in memory, two cores")]
    public void Whole() => CsvTableWriter.Write(Model.Sample(Rows, 42, options: TwoCores).ToTable(), Path.Combine(Folder, "whole.csv"));

    [Benchmark(Description = "Sample to CSV, streamed in chunks (SamplingService), two cores")]
    public SamplingResult Streamed() =>
        SamplingService.Run(new SamplingRequest { Model = Model, Rows = Rows, Seed = 42, OutputPath = Path.Combine(Folder, "streamed.csv"), Options = TwoCores });
}
