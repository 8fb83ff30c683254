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
    /// <summary>Trains a neural model with the command line's settings, showing each epoch's losses (<see cref="CliConsole.Epochs"/>).</summary>
    /// <exception cref="CommandCancelledException">Cancelled; the message says after which epoch.</exception>
    public static NeuralSynthModel Train(string kind, Table table, TableMetadata metadata, long seed, NeuralSettings settings,
        CliConsole console, CancellationToken cancellationToken)
    {
        // Checked before the display starts, so a refused setting is not preceded by an empty progress bar.
        var tvae = kind == ModelKinds.Tvae ? Checked(TvaeOptionsFrom(settings, seed)) : null;
        var ctgan = kind == ModelKinds.Ctgan ? Checked(CtganOptionsFrom(settings, seed)) : null;
        var display = console.Epochs("train");
        var progress = new EpochReporter(display);
        try
        {
            return tvae is not null
                ? TvaeSynthesizer.Train(table, metadata, tvae, progress, cancellationToken)
                : CtganSynthesizer.Train(table, metadata, ctgan, progress, cancellationToken);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new CommandCancelledException(progress.Last is { } last
                ? $"Training cancelled after epoch {last.Epoch} of {last.Epochs}"
                : "Training cancelled before the first epoch ended", e);
        }
        finally
        {
            display.Finish();
        }
    }

    /// <summary>The trainer's defaults, overridden by what the command line set.</summary>
    internal static TvaeOptions TvaeOptionsFrom(NeuralSettings settings, long seed)
    {
        var d = new TvaeOptions();
        return d with
        {
            Seed = seed,
            Epochs = settings.Epochs ?? d.Epochs,
            BatchSize = settings.BatchSize ?? d.BatchSize,
            Threads = settings.Threads ?? d.Threads,
            EmbeddingWidth = settings.EmbeddingWidth ?? d.EmbeddingWidth,
            LearningRate = settings.LearningRate ?? d.LearningRate,
            LossFactor = settings.LossFactor ?? d.LossFactor,
            EncoderWidths = settings.EncoderWidths ?? d.EncoderWidths,
            DecoderWidths = settings.DecoderWidths ?? d.DecoderWidths,
        };
    }

    /// <summary>The trainer's defaults, overridden by what the command line set.</summary>
    internal static CtganOptions CtganOptionsFrom(NeuralSettings settings, long seed)
    {
        var d = new CtganOptions();
        return d with
        {
            Seed = seed,
            Epochs = settings.Epochs ?? d.Epochs,
            BatchSize = settings.BatchSize ?? d.BatchSize,
            Threads = settings.Threads ?? d.Threads,
            EmbeddingWidth = settings.EmbeddingWidth ?? d.EmbeddingWidth,
            Pac = settings.Pac ?? d.Pac,
            DiscriminatorSteps = settings.DiscriminatorSteps ?? d.DiscriminatorSteps,
            GeneratorLearningRate = settings.GeneratorLearningRate ?? d.GeneratorLearningRate,
            DiscriminatorLearningRate = settings.DiscriminatorLearningRate ?? d.DiscriminatorLearningRate,
            GeneratorWidths = settings.GeneratorWidths ?? d.GeneratorWidths,
            DiscriminatorWidths = settings.DiscriminatorWidths ?? d.DiscriminatorWidths,
        };
    }

    private static TvaeOptions Checked(TvaeOptions options) => Checked(options.Validate, options);

    private static CtganOptions Checked(CtganOptions options) => Checked(options.Validate, options);

    /// <summary>
    /// Turns a setting the trainer refuses into a CLI error naming the option. Single values were range-checked by
    /// <see cref="NeuralOptions"/>; what remains are checks between options, such as CTGAN's batch size against its pac.
    /// </summary>
    private static T Checked<T>(Action validate, T options)
    {
        try
        {
            validate();
            return options;
        }
        catch (ArgumentException e)
        {
            var flag = e.ParamName is { } name && OptionNames.TryGetValue(name, out var option) ? option : "the training options";
            var hint = flag == "--batch-size" && options is CtganOptions ctgan
                ? $"ctgan needs an even --batch-size that is a multiple of --pac (now {ctgan.Pac}), e.g. --batch-size {Math.Max(2, 2 * ctgan.Pac) * 25}."
                : $"See 'synthfixtures train --help' for {flag}.";
            throw new SynthDataException($"Invalid {flag}: {Reason(e)}", hint: hint);
        }
    }

    // The trainers' option properties and the flags that set them.
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        [nameof(CtganOptions.Epochs)] = "--epochs",
        [nameof(CtganOptions.BatchSize)] = "--batch-size",
        [nameof(CtganOptions.Threads)] = "--threads",
        [nameof(CtganOptions.EmbeddingWidth)] = "--embedding-width",
        [nameof(CtganOptions.Pac)] = "--pac",
        [nameof(CtganOptions.DiscriminatorSteps)] = "--discriminator-steps",
        [nameof(CtganOptions.GeneratorLearningRate)] = "--generator-lr",
        [nameof(CtganOptions.DiscriminatorLearningRate)] = "--discriminator-lr",
        [nameof(CtganOptions.GeneratorWidths)] = "--generator-widths",
        [nameof(CtganOptions.DiscriminatorWidths)] = "--discriminator-widths",
        [nameof(TvaeOptions.LearningRate)] = "--learning-rate",
        [nameof(TvaeOptions.LossFactor)] = "--loss-factor",
        [nameof(TvaeOptions.EncoderWidths)] = "--encoder-widths",
        [nameof(TvaeOptions.DecoderWidths)] = "--decoder-widths",
    };

    /// <summary>The exception's message, lower-cased at the start, without the " (Parameter 'x')" and "Actual value was" parts .NET appends.</summary>
    private static string Reason(ArgumentException e)
    {
        var cut = e.Message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        var reason = cut >= 0 ? e.Message[..cut] : e.Message;
        return reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : reason;
    }

    /// <summary>Formats each epoch for the display (the line format the build log shows), and remembers the last.</summary>
    private sealed class EpochReporter(EpochDisplay display) : IProgress<TrainingProgress>
    {
        public TrainingProgress? Last { get; private set; }

        public void Report(TrainingProgress value)
        {
            Last = value;
            if (value.DiscriminatorLoss is { } d)
                display.Report(value.Epoch, value.Epochs,
                    string.Create(CultureInfo.InvariantCulture, $"generator loss {value.Loss:F4}  discriminator loss {d:F4}"),
                    string.Create(CultureInfo.InvariantCulture, $"G {value.Loss:F3}  D {d:F3}"));
            else
                display.Report(value.Epoch, value.Epochs, string.Create(CultureInfo.InvariantCulture, $"loss {value.Loss:F4}"));
        }
    }
}
