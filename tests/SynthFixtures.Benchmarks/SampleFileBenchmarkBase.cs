using BenchmarkDotNet.Attributes;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// The setup the sample-to-file benchmarks share, so that their numbers compare: a GaussianCopula fitted on the
/// benchmark table (<see cref="BenchmarkData"/>), two cores, <see cref="Rows"/> rows, and a temporary folder for the
/// files, removed after the run.
/// </summary>
public abstract class SampleFileBenchmarkBase
{
    /// <summary>The model fitted in <see cref="Setup"/>.</summary>
    protected GaussianCopulaModel Model { get; private set; } = null!;

    /// <summary>The temporary folder the files are written to.</summary>
    protected string Folder { get; private set; } = null!;

    /// <summary>Sampling on two cores, the machine's size.</summary>
    protected SamplingOptions TwoCores { get; } = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>Rows of the whole sample.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    /// <summary>Fits the model and makes the folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (table, name) = BenchmarkData.Load();
        Console.WriteLine($"// benchmark data: {name}, {table.RowCount} rows");
        Model = GaussianCopulaFitter.Fit(table, TableProfiler.Profile(table));
        Folder = Directory.CreateTempSubdirectory("synthfixtures-bench-").FullName;
    }

    /// <summary>Removes the folder and its files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Folder, recursive: true);
}
