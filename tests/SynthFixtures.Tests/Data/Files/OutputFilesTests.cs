using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Data.Files;

/// <summary>Outputs appear whole and together or not at all, and never replace an input, however its path is spelled.</summary>
public sealed class OutputFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string[] Files() => Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void All_outputs_are_written_when_every_writer_succeeds()
    {
        var files = new OutputFiles();
        files.AddText(_folder.File("a.txt"), "first", "A");
        files.AddBytes(_folder.File("b.bin"), "second", [1, 2]);
        files.Commit();

        Assert.Equal("A", File.ReadAllText(_folder.File("a.txt")));
        Assert.Equal([1, 2], File.ReadAllBytes(_folder.File("b.bin")));
        Assert.Equal(["a.txt", "b.bin"], Files());
    }

    [Fact]
    public void A_failing_second_output_leaves_the_first_target_as_it_was_and_no_temporary_file()
    {
        File.WriteAllText(_folder.File("a.txt"), "old");
        var files = new OutputFiles();
        files.AddText(_folder.File("a.txt"), "first", "new");
        files.Add(_folder.File("b.txt"), "second", path =>
        {
            File.WriteAllText(path, "half");
            throw new IOException($"No space left on device : '{path}'");
        });

        var error = Assert.Throws<SynthDataException>(() => files.Commit());

        Assert.Equal(_folder.File("b.txt"), error.FilePath);
        Assert.Contains("The second could not be written: No space left on device : '" + _folder.File("b.txt") + "'", error.Message); // the target, not the temporary
        Assert.Equal("old", File.ReadAllText(_folder.File("a.txt")));
        Assert.Equal(["a.txt"], Files());
    }

    [Fact]
    public void A_missing_folder_is_named_before_anything_is_written()
    {
        var files = new OutputFiles();
        files.AddText(_folder.File("a.txt"), "first", "A");
        files.AddText(_folder.File("missing/b.txt"), "report", "B");

        var error = Assert.Throws<SynthDataException>(() => files.Commit());

        Assert.Contains("The folder for the report does not exist", error.Message);
        Assert.Empty(Files());
    }

    [Fact]
    public void Cancelling_during_a_long_csv_write_stops_it_and_leaves_no_file()
    {
        using var cancel = new CancellationTokenSource();
        var table = MixedTestTable.Create(20_000);
        var files = new OutputFiles();
        files.Add(_folder.File("big.csv"), "CSV", path =>
        {
            using var writer = new StreamWriter(path);
            cancel.Cancel(); // as Ctrl+C would, once the write has started
            CsvTableWriter.Write(table, writer, cancel.Token);
        });

        Assert.ThrowsAny<OperationCanceledException>(() => files.Commit(cancel.Token));
        Assert.Empty(Files());
    }

    [Fact]
    public void Every_spelling_of_an_input_is_refused_as_an_output()
    {
        var data = _folder.File("data.csv");
        File.WriteAllText(data, "a\n1\n");
        Directory.CreateDirectory(_folder.File("sub"));
        File.CreateSymbolicLink(_folder.File("link.csv"), data);
        Directory.CreateSymbolicLink(_folder.File("alias"), _folder.Path);
        string[] spellings = [data, _folder.Path + "/./data.csv", _folder.File("sub/../data.csv"), _folder.File("link.csv"), _folder.File("alias/data.csv")];

        foreach (var spelling in spellings)
        {
            var error = Assert.Throws<SynthDataException>(() => OutputPaths.Check([(data, "training data")], [(spelling, "model")]));
            Assert.Equal($"The model would overwrite the training data ({data}).", error.Reason);
        }
        OutputPaths.Check([(data, "training data")], [(_folder.File("model.synth"), "model")]);
    }

    [Fact]
    public void Two_outputs_to_one_new_file_are_refused_even_through_a_linked_folder()
    {
        Directory.CreateSymbolicLink(_folder.File("alias"), _folder.Path);

        var error = Assert.Throws<SynthDataException>(() =>
            OutputPaths.Check([], [(_folder.File("r.json"), "JSON report"), (_folder.File("alias/r.json"), "HTML report")]));

        Assert.Contains("The HTML report and the JSON report", error.Reason);
        Assert.Contains("are the same file", error.Reason);
    }

    [SkippableFact]
    public void A_pipe_is_written_to_not_replaced()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mkfifo and the stat layout are Linux's here.");
        var fifo = _folder.File("pipe");
        Assert.Equal(0, mkfifo(fifo, 0b110_000_000));
        Assert.True(FileIdentity.IsSpecial(fifo));
        var reading = Task.Run(() => File.ReadAllText(fifo)); // a FIFO opens for writing once a reader is there

        var files = new OutputFiles();
        files.AddText(fifo, "CSV", "a,b\n1,2\n");
        OutputPaths.Check([], [(fifo, "CSV")]);
        files.Commit();

        Assert.True(reading.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal("a,b\n1,2\n", reading.Result);
        Assert.True(FileIdentity.IsSpecial(fifo)); // still the pipe, not a regular file renamed over it
        Assert.Equal(["pipe"], Files());
        Assert.False(FileIdentity.IsSpecial(_folder.Path));
        // Never renamed over, even when standard output is redirected to a regular file (as under a test runner).
        Assert.True(FileIdentity.IsSpecial("/dev/stdout"));
        Assert.True(FileIdentity.IsSpecial("/proc/self/fd/1"));
        Assert.True(FileIdentity.IsSpecial("/dev/null"));
        File.CreateSymbolicLink(_folder.File("out.csv"), "/dev/stdout");
        Assert.True(FileIdentity.IsSpecial(_folder.File("out.csv")));
        File.Delete(_folder.File("out.csv"));
        File.WriteAllText(_folder.File("plain.txt"), "x");
        Assert.False(FileIdentity.IsSpecial(_folder.File("plain.txt")));
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);
}
