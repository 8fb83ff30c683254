namespace SynthFixtures.Data.Files;

/// <summary>
/// Writes a command's output files so that they appear whole and together, or not at all: every file is first
/// written beside its target under a temporary name (never the target's), and only when all are written are they
/// renamed into place. A failure or cancellation before that deletes the temporary files and leaves every target as it
/// was; a process killed meanwhile leaves at most a hidden <c>.name.*.tmp</c> file, never a truncated target.
/// </summary>
/// <remarks>
/// Renaming replaces a target that is a symbolic link with the new file rather than writing through the link. A target
/// that is a device or pipe (<c>/dev/stdout</c>, a FIFO; <see cref="FileIdentity.IsSpecial"/>) is written to directly
/// instead, since renaming over it would replace it. Check the paths with <see cref="OutputPaths.Check"/> first, so no
/// output replaces an input.
/// </remarks>
public sealed class OutputFiles
{
    private readonly List<(string Target, Action<string> Write, string What)> _files = [];

    /// <summary>Adds an output: <paramref name="write"/> writes it (whole) to the path it is given.</summary>
    /// <param name="target">Where the output goes.</param>
    /// <param name="what">What it is, for errors (<c>holdout CSV</c>).</param>
    /// <param name="write">Writes the output to the (temporary) path it is given.</param>
    public void Add(string target, string what, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(write);
        _files.Add((Path.GetFullPath(target), write, what));
    }

    /// <summary>Adds an output holding <paramref name="bytes"/>.</summary>
    public void AddBytes(string target, string what, byte[] bytes) => Add(target, what, path => File.WriteAllBytes(path, bytes));

    /// <summary>Adds an output holding <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public void AddText(string target, string what, string text) => Add(target, what, path => File.WriteAllText(path, text));

    /// <summary>The full paths of the outputs added so far.</summary>
    public IEnumerable<string> Targets => _files.Select(f => f.Target);

    /// <summary>Writes every output, then moves them all into place.</summary>
    /// <exception cref="SynthDataException">An output could not be written (missing folder, no permission, full disk); no target changed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no target changed.</exception>
    public void Commit(CancellationToken cancellationToken = default)
    {
        var written = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (target, _, what) in _files)
            {
                var folder = Path.GetDirectoryName(target) ?? ".";
                if (!Directory.Exists(folder)) throw OutputPaths.MissingFolder(what, folder, target);
            }
            foreach (var (target, write, what) in _files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (FileIdentity.IsSpecial(target))
                {
                    // A device or pipe (/dev/stdout, a FIFO): written to directly, as renaming would replace it.
                    WriteOrExplain(write, target, target, what);
                    continue;
                }
                var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
                written.Add((temporary, target));
                TemporaryOutputs.Started(temporary);
                WriteOrExplain(write, temporary, target, what);
            }
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < written.Count; i++)
            {
                var (temporary, target) = written[i];
                File.Move(temporary, target, overwrite: true);
                TemporaryOutputs.Ended(temporary);
            }
            written.Clear();
        }
        finally
        {
            foreach (var (temporary, _) in written)
            {
                TemporaryOutputs.TryDelete(temporary);
                TemporaryOutputs.Ended(temporary);
            }
        }
    }

    private static void WriteOrExplain(Action<string> write, string path, string target, string what)
    {
        try
        {
            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthDataException($"The {what} could not be written: {Describe(e, path, target)}", target,
                hint: "Check that the folder is writable and that the disk has room; nothing was written.", inner: e);
        }
    }

    // The framework's message names the temporary file, which the user never asked for: name the target instead.
    private static string Describe(Exception e, string temporary, string target) => e switch
    {
        UnauthorizedAccessException => "permission denied.",
        _ => InputFiles.OneLine(e.Message.Replace(temporary, target, StringComparison.Ordinal)),
    };
}
