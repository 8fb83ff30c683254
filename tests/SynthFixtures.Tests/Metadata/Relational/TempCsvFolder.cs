namespace SynthFixtures.Tests.Metadata.Relational;

/// <summary>A temporary folder of files written by a test, deleted afterwards.</summary>
internal sealed class TempCsvFolder : IDisposable
{
    public TempCsvFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "synthfixtures-" + Guid.NewGuid().ToString("N"));

    public TempCsvFolder With(string name, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, name), text);
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
