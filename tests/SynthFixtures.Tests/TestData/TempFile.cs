using System.Text;

namespace SynthFixtures.Tests.TestData;

/// <summary>A temporary file for one test, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>A new temp file holding <paramref name="text"/> as UTF-8 (no byte order mark).</summary>
    public static TempFile WithText(string text, string extension = ".csv") =>
        WithBytes(new UTF8Encoding(false).GetBytes(text), extension);

    /// <summary>A new temp file holding exactly <paramref name="bytes"/>.</summary>
    public static TempFile WithBytes(byte[] bytes, string extension = ".csv")
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"synthfixtures-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return new TempFile(path);
    }

    /// <summary>A path for a file the test will create.</summary>
    public static TempFile Empty(string extension = ".csv") =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"synthfixtures-{Guid.NewGuid():N}{extension}"));

    /// <inheritdoc />
    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { /* best effort */ }
    }
}
