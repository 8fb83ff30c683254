using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training.Tests;

/// <summary>The schedule and bookkeeping of early stopping, without any training: which epochs are checked, when patience runs out, which snapshot is kept.</summary>
public class EarlyStoppingMonitorTests
{
    [Fact]
    public void Checks_every_n_epochs_and_the_last_keeps_the_best_and_stops_after_patience_checks_without_gain()
    {
        var scores = new Queue<double>([0.50, 0.60, 0.55, 0.58, 0.59, 0.99]);
        var options = new EarlyStoppingOptions { CheckEvery = 2, Patience = 3 };
        var monitor = new EarlyStoppingMonitor<string>(options, epochs: 100, _ => scores.Dequeue());
        var checkedEpochs = new List<int>();
        var epoch = 0;
        while (!monitor.ShouldStop)
        {
            epoch++;
            if (monitor.AfterEpoch(epoch, () => $"weights after epoch {epoch}") is not null) checkedEpochs.Add(epoch);
        }

        Assert.Equal([2, 4, 6, 8, 10], checkedEpochs);     // three checks after the best (epoch 4) without a gain
        Assert.Equal("weights after epoch 4", monitor.Best);
        Assert.Equal(new EarlyStoppingOutcome(4, 0.60, 10, true, 5), monitor.Outcome(epoch));
    }

    [Fact]
    public void The_last_epoch_is_checked_and_a_gain_must_beat_the_minimum_improvement()
    {
        var scores = new Queue<double>([0.70, 0.705, 0.72]);
        var monitor = new EarlyStoppingMonitor<string>(new EarlyStoppingOptions { CheckEvery = 4, Patience = 5, MinImprovement = 0.01 }, epochs: 10, _ => scores.Dequeue());
        var checkedEpochs = Enumerable.Range(1, 10).Where(e => monitor.AfterEpoch(e, () => $"epoch {e}") is not null).ToList();

        Assert.Equal([4, 8, 10], checkedEpochs);
        Assert.Equal("epoch 10", monitor.Best);              // 0.705 was not 0.01 better than 0.70; 0.72 was
        Assert.Equal(new EarlyStoppingOutcome(10, 0.72, 10, false, 3), monitor.Outcome(10));
    }

    [Fact]
    public void Early_stopping_and_a_score_come_together()
    {
        Assert.Throws<ArgumentException>(() => new EarlyStoppingMonitor<string>(new EarlyStoppingOptions(), 10, null));
        Assert.Throws<ArgumentException>(() => new EarlyStoppingMonitor<string>(null, 10, _ => 1));
        var off = new EarlyStoppingMonitor<string>(null, 10, null);
        Assert.Null(off.AfterEpoch(10, () => throw new InvalidOperationException("no snapshot without early stopping")));
        Assert.Null(off.Outcome(10));
    }

    [Theory]
    [InlineData(0.0, 5, 3, 2000, 0.0, "ValidationFraction")]
    [InlineData(1.0, 5, 3, 2000, 0.0, "ValidationFraction")]
    [InlineData(0.1, 0, 3, 2000, 0.0, "CheckEvery")]
    [InlineData(0.1, 5, 0, 2000, 0.0, "Patience")]
    [InlineData(0.1, 5, 3, 0, 0.0, "SampleRows")]
    [InlineData(0.1, 5, 3, 2000, -0.1, "MinImprovement")]
    public void Out_of_range_settings_name_the_setting(double fraction, int every, int patience, int rows, double minimum, string name)
    {
        var options = new EarlyStoppingOptions { ValidationFraction = fraction, CheckEvery = every, Patience = patience, SampleRows = rows, MinImprovement = minimum };
        Assert.Equal(name, Assert.ThrowsAny<ArgumentException>(options.Validate).ParamName);
        Assert.Equal(name, Assert.ThrowsAny<ArgumentException>(() => new TvaeOptions { EarlyStopping = options }.Validate()).ParamName);
    }
}
