namespace SynthFixtures.Cli;

/// <summary>
/// Where a trainer's epochs are shown: <see cref="EpochLines"/> when standard error is redirected (build logs, CI,
/// tests), <see cref="TerminalProgressBar"/> when it is an interactive terminal. <see cref="CliConsole.Epochs"/> picks.
/// </summary>
internal abstract class EpochDisplay
{
    /// <summary>Epoch <paramref name="epoch"/> of <paramref name="epochs"/> finished.</summary>
    /// <param name="epoch">Epochs done.</param>
    /// <param name="epochs">Epochs planned.</param>
    /// <param name="details">Its losses (and scores), as a log line shows them.</param>
    /// <param name="compact">The same, shorter, for a bar that must fit one terminal line; <c>null</c>: <paramref name="details"/>.</param>
    public abstract void Report(int epoch, int epochs, string details, string? compact = null);

    /// <summary>Training ended (finished, stopped early, cancelled or failed): whatever is drawn is completed.</summary>
    public abstract void Finish();
}

/// <summary>One line per epoch, as the MSBuild task forwards them into the build log: <c>[  1.23s] train: epoch 3/300  loss 0.1234</c>.</summary>
internal sealed class EpochLines(IProgress<string> log) : EpochDisplay
{
    /// <inheritdoc />
    public override void Report(int epoch, int epochs, string details, string? compact = null) => log.Report($"epoch {epoch}/{epochs}  {details}");

    /// <inheritdoc />
    public override void Finish()
    {
        // Every line is complete as it is written.
    }
}
