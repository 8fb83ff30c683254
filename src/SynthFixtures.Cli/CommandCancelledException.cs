namespace SynthFixtures.Cli;

/// <summary>A command stopped on request (Ctrl+C) and says what it left behind; <see cref="CliApp"/> prints the message and exits with <see cref="CliApp.Cancelled"/>.</summary>
internal sealed class CommandCancelledException(string message, OperationCanceledException inner)
    : OperationCanceledException(message, inner, inner.CancellationToken);
