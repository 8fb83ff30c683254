using System.Runtime.InteropServices;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation request that the running command observes (the
/// trainers check it before every step, the CSV writer every few thousand rows), so it can stop cleanly and write
/// nothing half-done. A second Ctrl+C ends the process at once, for a command that does not stop soon enough, but first
/// deletes the temporary files outputs were being written to (<see cref="TemporaryOutputs"/>): no target is ever written
/// in place, so what is left is each target as it was before the command.
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
        if (_source.IsCancellationRequested)
        {
            // Second signal: the default action terminates the process (no finally blocks run), so clean up here.
            TemporaryOutputs.DeleteAll();
            return;
        }
        context.Cancel = true;
        _source.Cancel();
    }
}
