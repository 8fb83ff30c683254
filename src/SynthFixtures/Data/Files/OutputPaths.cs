namespace SynthFixtures.Data.Files;

/// <summary>
/// Checks, before anything is read or written, that a command's outputs can be files and would overwrite neither one
/// of its inputs nor each other. Paths are compared as files (<see cref="FileIdentity"/>), not as text: <c>./x.csv</c>
/// and <c>x.csv</c>, a symbolic link and its target, and two hard links to one file are the same file.
/// </summary>
public static class OutputPaths
{
    /// <summary>Refuses outputs that are empty paths, folders, an input, or another output.</summary>
    /// <param name="inputs">The files the command reads, each with what it is (<c>training data</c>); <c>null</c> paths are skipped.</param>
    /// <param name="outputs">The files the command writes, each with what it is (<c>model</c>); <c>null</c> paths are skipped.</param>
    /// <exception cref="SynthDataException">An output path is empty or a folder, or names the same file as an input or another output.</exception>
    public static void Check(IEnumerable<(string? Path, string What)> inputs, IEnumerable<(string? Path, string What)> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var seen = new Dictionary<FileIdentity, (string Path, string What, bool Input)>();
        foreach (var (path, what) in inputs)
            if (!string.IsNullOrWhiteSpace(path)) seen.TryAdd(FileIdentity.Of(path), (path, what, true));
        foreach (var (path, what) in outputs)
        {
            if (path is null) continue;
            if (string.IsNullOrWhiteSpace(path)) throw new SynthDataException($"The {what} path is empty.", hint: $"Name a file to write the {what} to.");
            if (Directory.Exists(path))
                throw new SynthDataException($"The {what} path is a folder, not a file.", path, hint: $"Name a file inside it to write the {what} to.");
            if (FileIdentity.IsSpecial(path)) continue; // a device or pipe (/dev/stdout) is written to, never replaced
            var identity = FileIdentity.Of(path);
            if (seen.TryGetValue(identity, out var other))
                throw new SynthDataException(other.Input
                        ? $"The {what} would overwrite the {other.What} ({other.Path})."
                        : $"The {what} and the {other.What} ({other.Path}) are the same file.",
                    path, hint: $"Write the {what} to another file; nothing was read or written.");
            seen[identity] = (path, what, false);
        }
    }

    /// <summary>Refuses outputs whose folder does not exist, before any work is done for them.</summary>
    /// <param name="outputs">The files the command writes, each with what it is; <c>null</c> paths are skipped.</param>
    /// <exception cref="SynthDataException">An output's folder does not exist.</exception>
    public static void CheckFolders(IEnumerable<(string? Path, string What)> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var (path, what) in outputs)
        {
            if (string.IsNullOrWhiteSpace(path)) continue;
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
                throw MissingFolder(what, folder, path);
        }
    }

    /// <summary>The error for an output whose folder does not exist.</summary>
    internal static SynthDataException MissingFolder(string what, string folder, string path) =>
        new($"The folder for the {what} does not exist ({folder}).", path, hint: "Create the folder first, or write the output elsewhere; nothing was written.");
}
