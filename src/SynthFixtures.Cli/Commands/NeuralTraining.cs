using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Training;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Tvae;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>train --model tvae|ctgan</c>: the only code in the CLI that reaches SynthFixtures.Training and so TorchSharp.
/// Kept apart from <see cref="TrainCommand"/>'s copula path so that, as .NET loads assemblies when a method using them
/// is first compiled, <c>train --model gaussiancopula</c>, <c>sample</c> and <c>evaluate</c> never load libtorch.
/// </summary>
internal static class NeuralTraining
{
    /// <summary>Trains a neural model, reporting each epoch's losses on the progress stream.</summary>
    public static NeuralSynthModel Train(string kind, Table table, TableMetadata metadata, long seed, int? epochs, int? batchSize,
        CliConsole console, CancellationToken cancellationToken)
    {
        var log = console.Progress("train");
        var progress = new EpochReporter(p => log.Report(p.DiscriminatorLoss is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{p.Epochs}  generator loss {p.Loss:F4}  discriminator loss {d:F4}")
            : string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{p.Epochs}  loss {p.Loss:F4}")));
        if (kind == ModelKinds.Tvae)
        {
            var defaults = new TvaeOptions();
            var options = defaults with { Seed = seed, Epochs = epochs ?? defaults.Epochs, BatchSize = batchSize ?? defaults.BatchSize };
            return TvaeSynthesizer.Train(table, metadata, Checked(options.Validate, options), progress, cancellationToken);
        }
        var ctganDefaults = new CtganOptions();
        var ctgan = ctganDefaults with { Seed = seed, Epochs = epochs ?? ctganDefaults.Epochs, BatchSize = batchSize ?? ctganDefaults.BatchSize };
        return CtganSynthesizer.Train(table, metadata, Checked(ctgan.Validate, ctgan), progress, cancellationToken);
    }

    /// <summary>Turns an out-of-range option into a CLI error rather than a stack trace.</summary>
    private static T Checked<T>(Action validate, T options)
    {
        try
        {
            validate();
            return options;
        }
        catch (ArgumentException e)
        {
            throw new SynthDataException($"Invalid training option: {e.Message}", hint: "Check --epochs and --batch-size (CTGAN: even and a multiple of 10).");
        }
    }

    private sealed class EpochReporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
