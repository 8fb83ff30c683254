using System.Globalization;
using SynthFixtures.Modeling;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// Shows the training service's progress: fitting steps and notes as timed lines, epochs on the epoch display (a bar on
/// a terminal, one line each in a log) with the losses and, on checked epochs, the validation score; the bar keeps the
/// best check in view between checks. Remembers the last epoch, so a cancellation can say how far training got.
/// </summary>
internal sealed class TrainingDisplay(CliConsole console) : IProgress<TrainingUpdate>
{
    private readonly IProgress<string> _lines = console.Progress("train");
    private readonly IProgress<string> _fitting = console.Progress("fit");
    private EpochDisplay? _epochs;
    private (double Score, int Epoch)? _best;
    private readonly List<string> _pendingNotes = [];

    public TrainingProgress? LastEpoch { get; private set; }

    public void Report(TrainingUpdate value)
    {
        if (value.Epoch is { } epoch)
        {
            ShowEpoch(epoch);
            return;
        }
        // A text model's training starts a new epoch display after the tabular model's.
        if (value.Stage is TrainingStage.Writing or TrainingStage.TextModel) Finish();
        if (value.Message is { } message)
        {
            // While a progress bar is drawn, notes wait for it to finish, so they do not break its line.
            if (value.Stage == TrainingStage.Note && _epochs is not null) _pendingNotes.Add(message);
            else if (value.Stage == TrainingStage.Note) console.Error.WriteLine(message);
            else (value.Stage == TrainingStage.Fitting ? _fitting : _lines).Report(message);
        }
    }

    /// <summary>Ends the epoch display (its bar's last line), if one was started.</summary>
    public void Finish()
    {
        _epochs?.Finish();
        _epochs = null;
        foreach (var note in _pendingNotes) console.Error.WriteLine(note);
        _pendingNotes.Clear();
    }

    private void ShowEpoch(TrainingProgress value)
    {
        _epochs ??= console.Epochs("train");
        LastEpoch = value;
        var c = CultureInfo.InvariantCulture;
        var compact = value.DiscriminatorLoss is { } d ? string.Create(c, $"G {value.Loss:F3}  D {d:F3}") : string.Create(c, $"loss {value.Loss:F4}");
        if (value.ValidationScore is { } score && (_best is not { } best || score > best.Score)) _best = (score, value.Epoch);
        if (_best is { } top) compact += string.Create(c, $"  best {top.Score:F3}@{top.Epoch}");
        _epochs.Report(value.Epoch, value.Epochs, value.Describe(), compact);
    }
}
