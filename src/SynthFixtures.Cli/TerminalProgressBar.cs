using System.Globalization;
using System.Text;

namespace SynthFixtures.Cli;

/// <summary>
/// A one-line progress bar redrawn in place with a carriage return: <c>train [=====&gt;    ] epoch 12/300  loss 0.1234  0:14 elapsed, ETA 5:46</c>.
/// Hand-written rather than a console library, as one line is all the CLI draws. The line is cut to the terminal's
/// width (a wrapped line could not be redrawn in place) and padded to overwrite the previous one; redraws are at most
/// every 100 ms (the last epoch is always drawn), so thousands of tiny epochs do not flood the terminal.
/// </summary>
internal sealed class TerminalProgressBar : EpochDisplay
{
    private const int MaxBarWidth = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _error;
    private readonly Func<int> _width;
    private readonly string _stage;
    private readonly TimeProvider _time;
    private readonly long _start;
    private long? _firstEpochAt;
    private long _lastDrawAt;
    private int _lastLength;
    private string? _pending;

    public TerminalProgressBar(TextWriter error, Func<int> width, string stage, TimeProvider time)
    {
        _error = error;
        _width = width;
        _stage = stage;
        _time = time;
        _start = time.GetTimestamp();
    }

    /// <inheritdoc />
    public override void Report(int epoch, int epochs, string details, string? compact = null)
    {
        var now = _time.GetTimestamp();
        _firstEpochAt ??= now;
        _pending = Render(epoch, epochs, compact ?? details, now);
        if (epoch == epochs || _lastLength == 0 || _time.GetElapsedTime(_lastDrawAt, now) >= RedrawInterval)
            Draw(now);
    }

    /// <inheritdoc />
    public override void Finish()
    {
        if (_pending is not null) Draw(_time.GetTimestamp());
        if (_lastLength > 0) _error.WriteLine();
        _lastLength = 0;
    }

    private string Render(int epoch, int epochs, string details, long now)
    {
        var elapsed = _time.GetElapsedTime(_start, now);
        // The first epoch also carries the set-up (transformer fit, libtorch start); later ones are timed from it.
        var perEpoch = epoch > 1 ? _time.GetElapsedTime(_firstEpochAt!.Value, now) / (epoch - 1) : elapsed / Math.Max(epoch, 1);
        var remaining = epoch >= epochs ? TimeSpan.Zero : perEpoch * (epochs - epoch);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch}/{epochs}  {details}  {Clock(elapsed)} elapsed, ETA {Clock(remaining)}");
        // The bar takes what the text leaves of the line, and is dropped on a narrow terminal rather than wrapping.
        var room = Math.Min(MaxBarWidth, LineWidth() - text.Length - _stage.Length - 4);
        if (room < 5) return $"{_stage} {text}";
        var filled = epochs <= 0 ? room : (int)((long)room * Math.Min(epoch, epochs) / epochs);
        var bar = new StringBuilder(room + 2).Append('[').Append('=', filled);
        if (filled < room) bar.Append('>').Append(' ', room - filled - 1);
        return $"{_stage} {bar.Append(']')} {text}";
    }

    // One column short of the terminal: writing the last column makes some terminals wrap.
    private int LineWidth() => Math.Max(_width() - 1, 20);

    private void Draw(long now)
    {
        var line = _pending!;
        _pending = null;
        var width = LineWidth();
        if (line.Length > width) line = line[..width];
        _error.Write('\r' + line.PadRight(Math.Max(_lastLength, line.Length)));
        _error.Flush();
        _lastLength = line.Length;
        _lastDrawAt = now;
    }

    private static string Clock(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
}
