using BenchmarkDotNet.Attributes;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Numerics;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Target (issue 5): the exact DCR of 32k synthetic rows against 32k training rows (adult, 15 mixed columns) in a few
/// seconds on 2 cores, and the whole privacy report in under 10 s.
/// </summary>
[MemoryDiagnoser]
public class PrivacyBenchmarks
{
    private DistanceRows _training = null!;
    private DistanceRows _synthetic = null!;
    private EvaluatedColumn[] _columns = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (table, name) = BenchmarkData.Load();
        Console.WriteLine($"// benchmark data: {name}, {table.RowCount} rows");
        var metadata = TableProfiler.Profile(table);
        var synthetic = GaussianCopulaFitter.Fit(table, metadata).Sample(table.RowCount, 7).ToTable();
        _columns = PreparedColumns.Prepare(table, synthetic, null, metadata, new ParallelOptions());
        var encoder = DistanceEncoder.Create(_columns, new SynthRandom(1));
        _training = encoder.Encode(RowSource.Training);
        _synthetic = encoder.Encode(RowSource.Synthetic);
    }

    [Benchmark(Description = "DCR: synthetic × training nearest neighbours (all cores)")]
    public double[] Dcr() => NearestNeighbourSearch.Distances(_synthetic, _training, -1, CancellationToken.None);

    [Benchmark(Description = "Privacy report without holdout (DCR, baseline, new rows)")]
    public PrivacyReport Report() => PrivacyEvaluator.FromColumns(_columns, false, new PrivacyOptions(), null, CancellationToken.None, -1);
}
