using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Training;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Tvae;
using SynthFixtures.Training.Validation;

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
        NeuralSynthModel model;
        try
        {
            model = tvae is not null
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
        if (progress.Warning is { } warning) console.Error.WriteLine($"warning: {warning}");
        if (EarlyStoppingSummary(model) is { } summary) console.Error.WriteLine(summary);
        return model;
    }

    /// <summary>What early stopping did, from the outcome the artifact records; <c>null</c> when it was off.</summary>
    private static string? EarlyStoppingSummary(NeuralSynthModel model)
    {
        if (!model.TrainingSettings.TryGetProperty("earlyStoppingResult", out var result)) return null;
        var kept = result.GetProperty("keptEpoch").GetInt32();
        var trained = result.GetProperty("epochsTrained").GetInt32();
        var held = result.GetProperty("validationRows").GetInt32();
        var score = result.GetProperty("validationScore") is { ValueKind: System.Text.Json.JsonValueKind.Number } s
            ? string.Create(CultureInfo.InvariantCulture, $" (validation column shapes {s.GetDouble():F4})") : "";
        var patience = model.TrainingSettings.GetProperty("earlyStopping").GetProperty("patience").GetInt32();
        var end = result.GetProperty("stoppedEarly").GetBoolean()
            ? $"stopped after epoch {trained}, {patience} check{(patience == 1 ? "" : "s")} without a gain"
            : $"ran all {trained} epochs";
        return $"Early stopping: kept the weights of epoch {kept}{score}; {end}; {held:N0} rows held out for validation.";
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
            EarlyStopping = EarlyStoppingFrom(settings.EarlyStopping),
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
            EarlyStopping = EarlyStoppingFrom(settings.EarlyStopping),
        };
    }

    private static EarlyStoppingOptions? EarlyStoppingFrom(EarlyStoppingSettings? settings)
    {
        if (settings is null) return null;
        var d = new EarlyStoppingOptions();
        return d with
        {
            ValidationFraction = settings.ValidationFraction ?? d.ValidationFraction,
            CheckEvery = settings.CheckEvery ?? d.CheckEvery,
            Patience = settings.Patience ?? d.Patience,
            SampleRows = settings.SampleRows ?? d.SampleRows,
            MinImprovement = settings.MinImprovement ?? d.MinImprovement,
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
        [nameof(EarlyStoppingOptions.ValidationFraction)] = "--validation-fraction",
        [nameof(EarlyStoppingOptions.CheckEvery)] = "--check-every",
        [nameof(EarlyStoppingOptions.Patience)] = "--patience",
        [nameof(EarlyStoppingOptions.SampleRows)] = "--validation-rows",
        [nameof(EarlyStoppingOptions.MinImprovement)] = "--min-improvement",
    };

    /// <summary>The exception's message, lower-cased at the start, without the " (Parameter 'x')" and "Actual value was" parts .NET appends.</summary>
    private static string Reason(ArgumentException e)
    {
        var cut = e.Message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        var reason = cut >= 0 ? e.Message[..cut] : e.Message;
        return reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : reason;
    }

    /// <summary>
    /// Formats each epoch for the display: the line format the build log shows (plus the validation score on checked
    /// epochs), and a shorter one for the bar, which keeps the best check in view between checks. Remembers the last epoch.
    /// </summary>
    private sealed class EpochReporter(EpochDisplay display) : IProgress<TrainingProgress>
    {
        private (double Score, int Epoch)? _best;

        public TrainingProgress? Last { get; private set; }

        /// <summary>The trainer's warning (on its first epoch), shown once the display is finished.</summary>
        public string? Warning { get; private set; }

        public void Report(TrainingProgress value)
        {
            Last = value;
            Warning ??= value.Warning;
            var c = CultureInfo.InvariantCulture;
            var (details, compact) = value.DiscriminatorLoss is { } d
                ? (string.Create(c, $"generator loss {value.Loss:F4}  discriminator loss {d:F4}"), string.Create(c, $"G {value.Loss:F3}  D {d:F3}"))
                : (string.Create(c, $"loss {value.Loss:F4}"), string.Create(c, $"loss {value.Loss:F4}"));
            if (value.ValidationScore is { } score)
            {
                details += string.Create(c, $"  validation {score:F4}");
                if (_best is not { } best || score > best.Score) _best = (score, value.Epoch);
            }
            if (_best is { } top) compact += string.Create(c, $"  best {top.Score:F3}@{top.Epoch}");
            display.Report(value.Epoch, value.Epochs, details, compact);
        }
    }
}
