using System.Runtime.InteropServices;

namespace SynthFixtures.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation request that the running command observes (the
/// trainers check it before every step), so it can stop cleanly and write nothing half-done. A second Ctrl+C is left to
/// the default action and ends the process at once, for a command that does not stop soon enough.
/// </summary>
/// <remarks>
/// System.CommandLine's own handler is not used: it registers only after an asynchronous action has returned its
/// task, and the commands here do their work before returning, so it would never see the signal in time.
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return; // second signal: the default action terminates the process
        context.Cancel = true;
        _source.Cancel();
    }
}
