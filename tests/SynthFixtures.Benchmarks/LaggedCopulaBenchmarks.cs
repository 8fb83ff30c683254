using System.Globalization;
using BenchmarkDotNet.Attributes;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.LaggedCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// The lagged-copula step model on an invented panel of <see cref="Entities"/> sensors × <see cref="Steps"/> steps (a
/// context region; per step a reading that follows an AR(1) around the region's level, a three-state status chain and a
/// whole-number count): fitting, and sampling every entity's steps again. Results are per step (OperationsPerInvoke), so
/// the mean is the time of one step and steps per second is its inverse.
/// </summary>
[MemoryDiagnoser]
public class LaggedCopulaBenchmarks
{
    private const int Entities = 500;
    private const int Steps = 100;
    private SequenceSet _data = null!;
    private LaggedCopulaStepModel _model = null!;
    private Table _contexts = null!;
    private int[] _lengths = null!;

    /// <summary>Lags of the fitted model.</summary>
    [Params(1, 3)]
    public int Lags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SynthRandom(1);
        string[] statuses = ["ok", "warn", "fault"];
        var cells = new string?[5][];
        for (var c = 0; c < cells.Length; c++) cells[c] = new string?[Entities * Steps];
        for (var e = 0; e < Entities; e++)
        {
            var region = e % 3 == 0 ? "north" : "south";
            var level = region == "north" ? 20.0 : 12.0;
            var reading = level;
            var status = 0;
            for (var t = 0; t < Steps; t++)
            {
                var row = e * Steps + t;
                reading = level + 0.8 * (reading - level) + random.NextNormal();
                var u = random.NextDouble();
                status = u < 0.85 ? status : u < 0.95 ? Math.Min(status + 1, 2) : Math.Max(status - 1, 0);
                cells[0][row] = "s" + e;
                cells[1][row] = region;
                cells[2][row] = reading.ToString("F2", CultureInfo.InvariantCulture);
                cells[3][row] = statuses[status];
                cells[4][row] = random.NextInt(10).ToString(CultureInfo.InvariantCulture);
            }
        }
        var table = new Table(["sensor", "region", "reading", "status", "count"], cells);
        var metadata = new TableMetadata
        {
            Columns =
            [
                new ColumnMetadata { Name = "sensor", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "region", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "reading", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
                new ColumnMetadata { Name = "status", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "count", Kind = ColumnKind.Integer },
            ],
        };
        _data = SequenceSet.From(table, metadata, new SequenceMetadata { EntityColumns = ["sensor"], ContextColumns = ["region"] });
        _model = Fit();
        _contexts = new Table(["region"], [_data.Entities.Select(e => table[e.Rows[0], 1]).ToArray()]);
        _lengths = _data.Entities.Select(e => e.Length).ToArray();
    }

    [Benchmark(Description = "Fit the lagged copula (500 × 100 steps)")]
    public LaggedCopulaStepModel Fit() => LaggedCopulaFitter.Fit(_data, _data.StepColumns,
        [_data.Columns.Find("region")!], new LaggedCopulaOptions { Lags = Lags });

    [Benchmark(Description = "SampleSteps, per step", OperationsPerInvoke = Entities * Steps)]
    public SampledTable SampleSteps() => _model.SampleSteps(new SequenceStepRequest(_contexts, _lengths, 0, new SynthRandom(42)));
}
