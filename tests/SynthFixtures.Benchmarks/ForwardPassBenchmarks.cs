using BenchmarkDotNet.Attributes;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// The pure-C# forward pass at CTGAN's default size on adult's layout (128 noise + ~100 condition inputs, residual
/// blocks of 256, 157 outputs), one core. Issue 6's target: sample adult's 32,561 rows in a third of the Python
/// package's 0.5 s (CTGAN) / 0.24 s (TVAE).
/// </summary>
[MemoryDiagnoser]
public class ForwardPassBenchmarks
{
    private FeedForwardNetwork _generator = null!;
    private float[] _input = null!;

    /// <summary>Rows per forward pass.</summary>
    [Params(32_561)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SynthRandom(1);
        float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)(0.05 * random.NextNormal())).ToArray();
        BatchNormLayer Norm(int width) => new(width, Values(width), Values(width), Values(width), Enumerable.Repeat(1f, width).ToArray());
        const int input = 228, hidden = 256, output = 157;
        _generator = new FeedForwardNetwork(
        [
            new ResidualLayer(new LinearLayer(input, hidden, Values(input * hidden), Values(hidden)), Norm(hidden)),
            new ResidualLayer(new LinearLayer(input + hidden, hidden, Values((input + hidden) * hidden), Values(hidden)), Norm(hidden)),
            new LinearLayer(input + 2 * hidden, output, Values((input + 2 * hidden) * output), Values(output)),
        ]);
        _input = Values(Rows * input);
    }

    [Benchmark(Description = "CTGAN-size generator forward pass, adult's row count, one core")]
    public float[] Generator() => _generator.Forward(_input, Rows);

    [Benchmark(Description = "CTGAN-size generator forward pass, adult's row count, all cores")]
    public float[] GeneratorParallel() => _generator.Forward(_input, Rows, maxDegreeOfParallelism: -1);
}
