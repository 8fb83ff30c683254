using System.Globalization;
using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Neural;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// The PAR step model's pure-C# sampling (GRU forward pass, heads, draws, decoding) over <see cref="Entities"/> entities ×
/// <see cref="Steps"/> steps with a region context and the calendar's four daily covariates: a reading with several
/// modes, a three-state status and a whole-number count. Training needs TorchSharp, which benchmarks do not load, so the
/// network has fixed small weights: sampling does the same work whatever the weights are. Results are per step
/// (OperationsPerInvoke), so the mean is the time of one step and steps per second is its inverse.
/// </summary>
[MemoryDiagnoser]
public class ParSamplingBenchmarks
{
    private const int Entities = 200;
    private const int Steps = 100;
    private const int Covariates = 4;
    private ParStepModel _model = null!;
    private Table _contexts = null!;
    private int[] _lengths = null!;
    private float[][] _covariates = null!;

    /// <summary>Width of the GRU's state (64 is the default).</summary>
    [Params(32, 64)]
    public int HiddenWidth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SynthRandom(1);
        string[] statuses = ["ok", "warn", "fault"];
        var rows = Entities * Steps;
        var (reading, status, count) = (new string?[rows], new string?[rows], new string?[rows]);
        for (var row = 0; row < rows; row++)
        {
            var level = row / Steps % 3 == 0 ? 20.0 : 12.0;
            reading[row] = (level + 2 * random.NextNormal()).ToString("F2", CultureInfo.InvariantCulture);
            status[row] = statuses[random.NextInt(3)];
            count[row] = random.NextInt(10).ToString(CultureInfo.InvariantCulture);
        }
        var steps = ModeSpecificTransformer.Fit(new Table(["reading", "status", "count"], [reading, status, count]), new TableMetadata
        {
            Columns =
            [
                new ColumnMetadata { Name = "reading", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
                new ColumnMetadata { Name = "status", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "count", Kind = ColumnKind.Integer },
            ],
        }, random.Derive("steps"));
        _contexts = new Table(["region"], [Enumerable.Range(0, Entities).Select(e => (string?)(e % 3 == 0 ? "north" : "south")).ToArray()]);
        var context = ModeSpecificTransformer.Fit(_contexts, new TableMetadata { Columns = [new ColumnMetadata { Name = "region", Kind = ColumnKind.Categorical }] },
            random.Derive("context"));
        var layout = new ParOutputLayout(steps);
        var input = layout.InputWidth(context.Width, Covariates);
        var weights = new float[GruNetwork.ParameterCount(input, HiddenWidth, 1, layout.OutputWidth)];
        var draws = random.Derive("weights");
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(0.1 * draws.NextNormal());
        _model = new ParStepModel(new ParModelParameters
        {
            Steps = steps.Parameters, Context = context.Parameters, HiddenWidth = HiddenWidth, Layers = 1,
            Ranges = [new NeuralColumnRange("reading", 0, 40, 0), new NeuralColumnRange("status", null, null, 0), new NeuralColumnRange("count", 0, 9, 0)],
            MissingTokens = [null, null, null], Covariates = Covariates,
        }, new GruNetwork(input, HiddenWidth, 1, layout.OutputWidth, weights));
        _lengths = Enumerable.Repeat(Steps, Entities).ToArray();
        _covariates = _lengths.Select(n => Enumerable.Range(0, n * Covariates).Select(i => MathF.Sin(0.1f * i)).ToArray()).ToArray();
    }

    [Benchmark(Description = "PAR SampleSteps, per step", OperationsPerInvoke = Entities * Steps)]
    public SampledTable SampleSteps() => _model.SampleSteps(new SequenceStepRequest(_contexts, _lengths, 0, new SynthRandom(42), _covariates));
}
