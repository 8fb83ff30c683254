using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// Epoch progress: a bar redrawn in place on a terminal (epoch n/N, losses, elapsed, ETA; never wider than the
/// terminal), one line per epoch otherwise; and a cancelled train leaves no file behind.
/// </summary>
public sealed class CliProgressTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void On_a_terminal_epochs_redraw_one_line_with_elapsed_time_and_eta()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var display = new CliConsole(TextWriter.Null, error, () => 100, clock).Epochs("train");
        clock.Advance(TimeSpan.FromSeconds(2));     // set-up and the first epoch
        display.Report(1, 10, "loss 2.0000");
        for (var epoch = 2; epoch <= 10; epoch++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            display.Report(epoch, 10, "loss 1.0000");
            if (epoch == 2) Assert.EndsWith("epoch 2/10  loss 1.0000  0:03 elapsed, ETA 0:08", error.ToString().TrimEnd());
        }
        Assert.DoesNotContain('\n', error.ToString());
        display.Finish();

        var text = error.ToString();
        Assert.EndsWith(Environment.NewLine, text);
        var frames = text.TrimEnd().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, frames.Length);
        Assert.All(frames, f => Assert.True(f.Length <= 99, $"{f.Length} columns: {f}"));
        Assert.StartsWith("train [===>   ", frames[0]);   // a tenth of the bar
        Assert.StartsWith($"train [{new string('=', 30)}] epoch 10/10", frames[^1]);
        Assert.EndsWith("epoch 10/10  loss 1.0000  0:11 elapsed, ETA 0:00", frames[^1].TrimEnd());
    }

    [Fact]
    public void The_bar_fits_a_narrow_terminal_and_skips_redraws_closer_than_a_tenth_of_a_second()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var display = new CliConsole(TextWriter.Null, error, () => 40, clock).Epochs("train");
        for (var epoch = 1; epoch <= 50; epoch++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            display.Report(epoch, 50, "generator loss 1.0000  discriminator loss 2.0000", "G 1.000  D 2.000");
        }
        display.Finish();
        var frames = error.ToString().TrimEnd().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(frames, f => Assert.True(f.Length <= 39, $"{f.Length} columns: {f}"));
        Assert.InRange(frames.Length, 5, 8); // the first, one per 100 ms, the last: not 50
        Assert.StartsWith("train epoch 50/50  G 1.000  D 2.000", frames[^1]);
    }

    [Fact]
    public void Redirected_progress_is_one_line_per_epoch_as_the_build_log_shows_it()
    {
        using var error = new StringWriter();
        var display = new CliConsole(TextWriter.Null, error).Epochs("train");
        display.Report(1, 2, "loss 0.5000", "compact");
        display.Report(2, 2, "loss 0.2500", "compact");
        display.Finish();
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\[ *\d+\.\d\ds\] train: epoch 1/2  loss 0\.5000$", lines[0]);
        Assert.EndsWith("] train: epoch 2/2  loss 0.2500", lines[1]);
        Assert.DoesNotContain('\r', error.ToString());
    }

    [Fact]
    public void A_cancelled_fit_exits_130_and_writes_neither_the_model_nor_the_holdout()
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(200), csv);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(["train", csv, "--out", _folder.File("m.synth"), "--holdout-fraction", "0.2"],
            new CliConsole(output, error), new CancellationToken(canceled: true));

        Assert.Equal(CliApp.Cancelled, code);
        Assert.Contains("Fitting cancelled; nothing was written (", error.ToString());
        Assert.Equal(["d.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void Ctrl_c_during_neural_training_stops_it_cleanly_with_no_partial_output()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is a POSIX signal.");
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(200), csv);
        using var process = CliProcess.Start("train", csv, "--out", _folder.File("m.synth"), "--model", "ctgan", "--epochs", "100000",
            "--batch-size", "100", "--generator-widths", "16", "--discriminator-widths", "16", "--embedding-width", "8", "--threads", "1",
            "--holdout-fraction", "0.2");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = new System.Text.StringBuilder();
        // Wait until training runs (libtorch loaded, epochs reported), then interrupt it as Ctrl+C would.
        while (process.StandardError.ReadLine() is { } line)
        {
            error.AppendLine(line);
            if (line.Contains("train: epoch 3/100000", StringComparison.Ordinal)) break;
        }
        Assert.Equal(0, Posix.kill(process.Id, Posix.SIGINT));
        var rest = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            // Say whether it saw the signal (and hung on the way out) or never stopped training, then end it.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            var all = error + rest.Result;
            Assert.Fail($"the CLI did not stop within 30 s of SIGINT; the end of its error output:{Environment.NewLine}{all[Math.Max(0, all.Length - 2000)..]}");
        }
        error.Append(rest.Result);

        Assert.Equal(CliApp.Cancelled, process.ExitCode);
        Assert.Matches(@"Training cancelled after epoch \d+ of 100000; nothing was written \(.*m\.synth is unchanged\)\.", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.Equal("", output.Result);
        Assert.Equal(["d.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName)); // no model, holdout or temporary file
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan step) => _ticks += step.Ticks;
    }

    private static class Posix
    {
        public const int SIGINT = 2;

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int kill(int pid, int signal);
    }
}
