namespace SynthFixtures.Data.Files;

/// <summary>
/// Reads an input file whole, turning every way a path can be wrong (empty, missing, a folder, unreadable) into a
/// <see cref="SynthDataException"/> that names the path and says what to do.
/// </summary>
public static class InputFiles
{
    /// <summary>The bytes of the file at <paramref name="path"/>; <paramref name="what"/> names it in errors (<c>CSV file</c>).</summary>
    /// <exception cref="SynthDataException">The path is empty, does not exist, is a folder, or cannot be read.</exception>
    public static byte[] ReadAllBytes(string path, string what) => Read(path, what, ReadToEnd);

    /// <summary>
    /// Opens the file at <paramref name="path"/> for a sequential read and hands the stream to <paramref name="read"/>
    /// (a reader that bounds what it takes, for example); <paramref name="what"/> names the file in errors.
    /// </summary>
    /// <exception cref="SynthDataException">The path is empty, does not exist, is a folder, or cannot be read.</exception>
    public static T Read<T>(string path, string what, Func<Stream, T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(what);
        ArgumentNullException.ThrowIfNull(read);
        if (string.IsNullOrWhiteSpace(path)) throw new SynthDataException($"The {what} path is empty.", hint: $"Name the {what} to read.");
        if (Directory.Exists(path))
            throw new SynthDataException($"The {what} path is a folder, not a file.", path, hint: $"Name the {what} inside it.");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return read(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SynthDataException($"The {what} does not exist.", path,
                hint: $"Check the path (relative paths are resolved from '{Environment.CurrentDirectory}').", inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SynthDataException($"The {what} cannot be read: permission denied.", path, hint: "Check the file's permissions.", inner: e);
        }
        catch (IOException e)
        {
            throw new SynthDataException($"The {what} could not be read: {OneLine(e.Message)}", path, hint: "Check the path and the device.", inner: e);
        }
    }

    private static byte[] ReadToEnd(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Whether <paramref name="path"/> names an existing file; refuses a folder by name rather than calling it missing.</summary>
    /// <exception cref="SynthDataException">The path is empty or a folder.</exception>
    public static bool Exists(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path)) throw new SynthDataException($"The {what} path is empty.", hint: $"Name the {what} to read.");
        if (Directory.Exists(path))
            throw new SynthDataException($"The {what} path is a folder, not a file.", path, hint: $"Name the {what} inside it.");
        return File.Exists(path);
    }

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
