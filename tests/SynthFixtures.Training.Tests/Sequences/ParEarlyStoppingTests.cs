using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Training.Sequences;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>PAR's early stopping: held-out entities (or sequence tails when there are too few), the best check's weights kept.</summary>
public sealed class ParEarlyStoppingTests(ITestOutputHelper output)
{
    private static ParOptions Overfitting(int epochs, int patience) => new()
    {
        // A wide network and a high learning rate on 16 short sequences: the held-out loss soon stops improving.
        Epochs = epochs, BatchSize = 4, HiddenWidth = 64, ChunkLength = 12, LearningRate = 0.01, Seed = 5, Threads = 1,
        EarlyStopping = new EarlyStoppingOptions { ValidationFraction = 0.25, CheckEvery = 2, Patience = patience },
    };

    [Fact]
    public void Training_stops_before_its_epoch_cap_and_keeps_the_best_checks_weights()
    {
        var set = ParPanels.Autoregressive(16, 12, seed: 4);
        var context = set.Columns.Columns.Where(c => c.Name == "regime").ToList();
        var stopped = ParSynthesizer.Train(set, set.StepColumns, context, Overfitting(400, patience: 3));
        var s = stopped.Parameters.EarlyStopping!;
        output.WriteLine(ParEarlyStoppingText.Describe(s));

        Assert.Equal("entities", s.HeldOut);
        Assert.Equal(4, s.HeldOutEntities); // a quarter of 16, whole
        Assert.Equal(48, s.HeldOutSteps);
        Assert.True(s.StoppedEarly);
        Assert.True(s.EpochsTrained < 400, $"trained {s.EpochsTrained} epochs");
        Assert.Equal(s.EpochsTrained - 2 * 3, s.KeptEpoch); // three checks two epochs apart without a gain after the best
        Assert.True(double.IsFinite(s.ValidationLoss));

        // The same run cut at the kept epoch (patience too long to stop it) ends with exactly the kept weights and loss.
        var cut = ParSynthesizer.Train(set, set.StepColumns, context, Overfitting(s.KeptEpoch, patience: 1000));
        Assert.Equal(cut.Network.Weights.ToArray(), stopped.Network.Weights.ToArray());
        Assert.Equal(s.ValidationLoss, cut.Parameters.EarlyStopping!.ValidationLoss);
        Assert.Equal(s.KeptEpoch, cut.Parameters.EarlyStopping.KeptEpoch);
        Assert.False(cut.Parameters.EarlyStopping.StoppedEarly);

        // The record survives the model's bytes; a model trained without early stopping writes none.
        Assert.Equal(s, ParStepModel.FromBytes(stopped.ToBytes()).Parameters.EarlyStopping);
        var plain = ParSynthesizer.Train(set, set.StepColumns, context, Overfitting(2, 1) with { EarlyStopping = null });
        Assert.Null(plain.Parameters.EarlyStopping);
        Assert.Equal(-1, plain.ToBytes().AsSpan().IndexOf("earlyStopping"u8));
        Assert.NotEqual(-1, stopped.ToBytes().AsSpan().IndexOf("earlyStopping"u8));
    }

    [Fact]
    public void With_too_few_entities_the_tail_of_each_sequence_is_held_out()
    {
        var set = ParPanels.Autoregressive(2, 50, seed: 4);
        var context = set.Columns.Columns.Where(c => c.Name == "regime").ToList();
        var model = ParSynthesizer.Train(set, set.StepColumns, context, new ParOptions
        {
            Epochs = 4, HiddenWidth = 8, Seed = 1, Threads = 1, EarlyStopping = new EarlyStoppingOptions { ValidationFraction = 0.1, CheckEvery = 1 },
        });
        var s = model.Parameters.EarlyStopping!;
        Assert.Equal("tails", s.HeldOut);
        Assert.Equal(2, s.HeldOutEntities);
        Assert.Equal(10, s.HeldOutSteps); // the last 5 of each 50
        Assert.Contains("too few entities to hold whole ones out", ParEarlyStoppingText.Describe(s));
    }

    [Fact]
    public void The_settings_table_turns_early_stopping_on_for_par_without_a_sample_size()
    {
        var kind = ParKind.Instance;
        var options = kind.Options(SettingValues.Parse(kind, new Dictionary<string, string> { ["early-stopping"] = "true", ["patience"] = "7" }, ModelCatalog.Everything), 3);
        Assert.Equal(7, options.EarlyStopping!.Patience);
        Assert.Null(kind.Options(SettingValues.Parse(kind, new Dictionary<string, string>(), ModelCatalog.Everything), 3).EarlyStopping);
        Assert.ThrowsAny<SettingException>(() => SettingValues.Parse(kind,
            new Dictionary<string, string> { ["early-stopping"] = "true", ["validation-rows"] = "10" }, ModelCatalog.Everything));
    }
}
