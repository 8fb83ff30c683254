using System.Collections.Concurrent;

namespace SynthFixtures.Data.Files;

/// <summary>
/// The temporary files this process is writing outputs into, so that a process ended before it can clean up (a second
/// Ctrl+C) can still delete them first. Deleting one that is still open is fine on Unix: the writer goes on into an
/// unlinked file that disappears with the process.
/// </summary>
/// <remarks>
/// Process-wide on purpose: a signal ends the whole process, not one command, and the handler that runs then has no
/// other way to learn what is half-written. It only ever holds paths between creation and rename or delete.
/// </remarks>
public static class TemporaryOutputs
{
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    /// <summary>Deletes every temporary output still pending; for a handler about to let the process end.</summary>
    public static void DeleteAll()
    {
        foreach (var path in Pending.Keys) TryDelete(path);
    }

    internal static void Started(string path) => Pending.TryAdd(path, 0);

    internal static void Ended(string path) => Pending.TryRemove(path, out _);

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is harmless, the target is untouched.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
