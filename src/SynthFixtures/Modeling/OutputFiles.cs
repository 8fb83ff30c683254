namespace SynthFixtures.Modeling;

/// <summary>
/// Writes several output files so that each appears whole or not at all: every file is first written beside its
/// target under a temporary name, and only when all are written are they moved into place. A failure or cancellation
/// before that leaves every target as it was.
/// </summary>
internal sealed class OutputFiles
{
    private readonly List<(string Target, Action<string> Write, string What)> _files = [];

    /// <summary>Adds an output: <paramref name="write"/> writes it to the path it is given.</summary>
    public void Add(string target, string what, Action<string> write) => _files.Add((Path.GetFullPath(target), write, what));

    /// <summary>The full paths of the outputs added so far.</summary>
    public IEnumerable<string> Targets => _files.Select(f => f.Target);

    /// <summary>Writes every output.</summary>
    /// <exception cref="SynthDataException">An output could not be written (missing folder, no permission, full disk); no target changed.</exception>
    public void Commit(CancellationToken cancellationToken)
    {
        var written = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (target, write, what) in _files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
                try
                {
                    write(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    TryDelete(temporary);
                    throw new SynthDataException($"The {what} could not be written: {e.Message}", target,
                        hint: "Check that the folder exists and is writable, and that the disk has room.", inner: e);
                }
                catch
                {
                    // Cancelled or failed mid-write (a streamed sample whose conditions turn out too rare): no partial file stays.
                    TryDelete(temporary);
                    throw;
                }
                written.Add((temporary, target));
            }
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (temporary, target) in written) File.Move(temporary, target, overwrite: true);
            written.Clear();
        }
        finally
        {
            foreach (var (temporary, _) in written) TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
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
