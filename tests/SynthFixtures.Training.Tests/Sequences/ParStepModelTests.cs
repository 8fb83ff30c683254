using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Sequences;
using SynthFixtures.Transforms.Sequences;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>One PAR model trained on the invented AR(1) panel, shared by the tests that sample it.</summary>
public sealed class AutoregressivePanelModel
{
    public AutoregressivePanelModel()
    {
        Set = ParPanels.Autoregressive(150, 24, seed: 3);
        var context = Set.Columns.Columns.Where(c => c.Name == "regime").ToList();
        Model = ParSynthesizer.Train(Set, Set.StepColumns, context, new ParOptions
        {
            Epochs = 150, BatchSize = 16, HiddenWidth = 32, ChunkLength = 24, LearningRate = 0.003, Seed = 7, Threads = 1,
        });
    }

    public SequenceSet Set { get; }

    public ParStepModel Model { get; }
}

/// <summary>The PAR step model learns what makes a sequence one: persistence, the context's shift, sticky transitions; and samples reproducibly.</summary>
public sealed class ParStepModelTests(AutoregressivePanelModel trained, ITestOutputHelper output) : IClassFixture<AutoregressivePanelModel>
{
    [Fact]
    public void An_AR1_panel_keeps_its_lag_one_coefficient_and_the_context_shifts_the_level()
    {
        var set = trained.Set;
        var contexts = ParPanels.Contexts(set, ["regime"]);
        var lengths = set.Entities.Select(e => e.Length).ToArray();
        var sampled = trained.Model.SampleSteps(new SequenceStepRequest(contexts, lengths, 0, new SynthRandom(11)));
        Assert.Equal(lengths.Sum(), sampled.RowCount);

        var synthetic = ParPanels.Split(sampled, "x", lengths);
        var real = ParPanels.Real(set, "x");
        int Regime(int entity) => entity % 2;
        var realPhi = ParPanels.LagOneCoefficient(real, Regime);
        var syntheticPhi = ParPanels.LagOneCoefficient(synthetic, Regime);
        double Level(List<double[]> sequences, int regime) => sequences.Where((_, i) => i % 2 == regime).SelectMany(s => s).Average();
        var (low, high) = (Level(synthetic, 0), Level(synthetic, 1));
        output.WriteLine($"lag-1 coefficient: real {realPhi:F3}, synthetic {syntheticPhi:F3}; levels: low {low:F2}, high {high:F2} "
            + $"(real {Level(real, 0):F2} and {Level(real, 1):F2})");

        // φ = 0.8 (the real panel's estimate 0.79); 150 × 23 pairs estimate it to about ±0.02, so the band is mostly the
        // model's error. Independent draws would give about 0. Over five settings and seeds the synthetic φ ran 0.77–0.80.
        Assert.InRange(syntheticPhi, 0.7, 0.88);
        // The level is the context's: 0 and 5. A bias b in the one-step mean moves an AR(1)'s level by b / (1 − φ) = 5b,
        // so the level is the loosest property: over the same runs the shift ran 4.3–5.2 (real 5.05); ±20 % here.
        Assert.InRange(high - low, 4.0, 6.0);
        Assert.InRange(low, -0.8, 0.8);
    }

    [Fact]
    public void An_entity_draws_the_same_steps_whether_sampled_alone_or_with_others()
    {
        var set = trained.Set;
        var contexts = ParPanels.Contexts(set, ["regime"]);
        int[] lengths = [24, 10, 3, 24, 0, 17, 24, 5, 24, 12];
        var ten = Rows(contexts, 0, 10);
        var whole = trained.Model.SampleSteps(new SequenceStepRequest(ten, lengths, 100, new SynthRandom(5))).ToTable();
        var first = trained.Model.SampleSteps(new SequenceStepRequest(Rows(contexts, 0, 4), lengths[..4], 100, new SynthRandom(5))).ToTable();
        var rest = trained.Model.SampleSteps(new SequenceStepRequest(Rows(contexts, 4, 6), lengths[4..], 104, new SynthRandom(5))).ToTable();
        Assert.Equal(whole.Column("x"), first.Column("x").Concat(rest.Column("x")));
        var shifted = trained.Model.SampleSteps(new SequenceStepRequest(ten, lengths, 101, new SynthRandom(5))).ToTable();
        Assert.NotEqual(whole.Column("x"), shifted.Column("x"));
    }

    [Fact]
    public void The_model_survives_its_bytes_and_damaged_bytes_are_refused()
    {
        var bytes = trained.Model.ToBytes();
        var read = ParStepModel.FromBytes(bytes, "w.synth");
        Assert.Equal(bytes, read.ToBytes());
        var contexts = ParPanels.Contexts(trained.Set, ["regime"]);
        var request = new SequenceStepRequest(Rows(contexts, 0, 6), [24, 24, 24, 24, 24, 24], 0, new SynthRandom(9));
        Assert.Equal(trained.Model.SampleSteps(request).ToTable().Column("x"), read.SampleSteps(request).ToTable().Column("x"));

        var error = Assert.Throws<SynthDataException>(() => ParStepModel.FromBytes(bytes.AsSpan(0, bytes.Length - 3), "w.synth"));
        Assert.Contains("inconsistent", error.Message);
        var wrongTag = (byte[])bytes.Clone();
        wrongTag[0] ^= 0xFF;
        Assert.Throws<SynthDataException>(() => ParStepModel.FromBytes(wrongTag, "w.synth"));
    }

    [Fact]
    public void A_sticky_markov_chain_keeps_its_transition_matrix()
    {
        var set = ParPanels.Markov(120, 30, stay: 0.8, seed: 4);
        var model = ParSynthesizer.Train(set, set.StepColumns, [], new ParOptions
        {
            Epochs = 40, BatchSize = 16, HiddenWidth = 16, ChunkLength = 30, LearningRate = 0.01, Seed = 8, Threads = 1,
        });
        var lengths = Enumerable.Repeat(30, 200).ToArray();
        var contexts = new Data.Table(["unused"], [new string?[200]]);
        var sampled = model.SampleSteps(new SequenceStepRequest(contexts, lengths, 0, new SynthRandom(2))).ToTable().Column("state");
        var counts = new double[3, 3];
        for (var e = 0; e < lengths.Length; e++)
            for (var t = 1; t < 30; t++)
                counts[Code(sampled[e * 30 + t - 1]), Code(sampled[e * 30 + t])]++;
        for (var from = 0; from < 3; from++)
        {
            var total = counts[from, 0] + counts[from, 1] + counts[from, 2];
            var row = Enumerable.Range(0, 3).Select(to => counts[from, to] / total).ToArray();
            output.WriteLine($"{"ABC"[from]} → {string.Join(" ", row.Select(p => p.ToString("F3")))} ({total} transitions)");
            // About 1,900 transitions per row: sampling error ±0.02; the rest is the model's.
            for (var to = 0; to < 3; to++) Assert.InRange(row[to], from == to ? 0.72 : 0.05, from == to ? 0.88 : 0.15);
        }
    }

    [Fact]
    public void The_same_seed_trains_the_same_model_and_another_seed_another()
    {
        var set = ParPanels.Markov(40, 12, stay: 0.8, seed: 6);
        byte[] Train(long seed) => ParSynthesizer.Train(set, set.StepColumns, [], new ParOptions
        {
            Epochs = 3, BatchSize = 8, HiddenWidth = 8, ChunkLength = 5, Seed = seed, Threads = 1,
        }).ToBytes();
        var first = Train(1);
        Assert.Equal(first, Train(1));
        Assert.NotEqual(first, Train(2));
    }

    private static int Code(string? state) => state switch { "A" => 0, "B" => 1, "C" => 2, _ => throw new InvalidOperationException($"Unexpected state '{state}'.") };

    private static Data.Table Rows(Data.Table table, int start, int count) =>
        new([.. table.ColumnNames], table.ColumnNames.Select(c => table.Column(c).Skip(start).Take(count).ToArray()).ToArray());
}
