using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Sampling adult's 32,561 rows from CTGAN and TVAE models of the paper's default sizes, decoded to typed columns,
/// on two cores (issue 6's targets: a third of the Python package's 0.5 s for CTGAN and 0.24 s for TVAE on this
/// machine). The networks have random weights on adult's fitted transformer, so the benchmark needs no TorchSharp:
/// the work per row (noise, forward pass, output activations, decoding) is the same as for a trained model's.
/// </summary>
[MemoryDiagnoser]
public class NeuralSamplingBenchmarks
{
    private NeuralSynthModel _ctgan = null!;
    private NeuralSynthModel _tvae = null!;
    private readonly SamplingOptions _twoCores = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>Rows per sample: adult's size.</summary>
    [Params(32_561)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (table, name) = BenchmarkData.Load();
        Console.WriteLine($"// benchmark data: {name}, {table.RowCount} rows");
        var metadata = TableProfiler.Profile(table);
        var random = new SynthRandom(1);
        var transformer = ModeSpecificTransformer.Fit(table, metadata, random.Derive("transformer"));
        var matrix = transformer.Transform(table, random.Derive("encode"));
        var width = transformer.Width;
        var conditions = ConditionVector.Count(transformer.Spans, matrix, table.RowCount);
        var weights = random.Derive("weights");
        var settings = JsonSerializer.SerializeToElement(new { benchmark = true });

        const int noise = 128, hidden = 256;
        var input = noise + conditions.Width;
        var generator = new FeedForwardNetwork(
        [
            new ResidualLayer(Linear(input, hidden, weights), Norm(hidden, weights)),
            new ResidualLayer(Linear(input + hidden, hidden, weights), Norm(hidden, weights)),
            Linear(input + 2 * hidden, width, weights),
        ]);
        _ctgan = NeuralModelBuilder.Build(ModelKinds.Ctgan, table, metadata, transformer, generator, null, conditions, settings, 1);

        const int latent = 128, decoderHidden = 128;
        var decoder = new FeedForwardNetwork(
        [
            Linear(latent, decoderHidden, weights), new ActivationLayer(decoderHidden, Activation.ReLU),
            Linear(decoderHidden, decoderHidden, weights), new ActivationLayer(decoderHidden, Activation.ReLU),
            Linear(decoderHidden, width, weights),
        ]);
        var sigmas = Enumerable.Repeat(0.1f, width).ToArray();
        _tvae = NeuralModelBuilder.Build(ModelKinds.Tvae, table, metadata, transformer, decoder, sigmas, null, settings, 1);
        Console.WriteLine($"// transformed width {width}, condition vector {conditions.Width}, generator input {input}");
    }

    [Benchmark(Description = "CTGAN (default size): sample adult's rows, two cores, typed columns")]
    public SampledTable Ctgan() => _ctgan.Sample(Rows, 42, options: _twoCores);

    [Benchmark(Description = "TVAE (default size): sample adult's rows, two cores, typed columns")]
    public SampledTable Tvae() => _tvae.Sample(Rows, 42, options: _twoCores);

    private static LinearLayer Linear(int inputs, int outputs, SynthRandom random)
    {
        // PyTorch's default initialisation scale, so activations have realistic magnitudes.
        var bound = 1 / Math.Sqrt(inputs);
        float Draw() => (float)((2 * random.NextDouble() - 1) * bound);
        return new LinearLayer(inputs, outputs, Enumerable.Range(0, inputs * outputs).Select(_ => Draw()).ToArray(),
            Enumerable.Range(0, outputs).Select(_ => Draw()).ToArray());
    }

    private static BatchNormLayer Norm(int width, SynthRandom random)
    {
        float[] Around(double centre, double spread) => Enumerable.Range(0, width).Select(_ => (float)(centre + spread * random.NextNormal())).ToArray();
        return new BatchNormLayer(width, Around(1, 0.1), Around(0, 0.1), Around(0, 0.1), Around(1, 0.1).Select(Math.Abs).ToArray());
    }
}
