using SynthFixtures.Data.Files;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Data.Files;

/// <summary>Alone, because <see cref="TemporaryOutputs.DeleteAll"/> deletes every pending temporary file of the process.</summary>
[CollectionDefinition(nameof(TemporaryOutputsCollection), DisableParallelization = true)]
public sealed class TemporaryOutputsCollection;

/// <summary>What a second Ctrl+C does before the process ends: delete the temporary files outputs are being written to.</summary>
[Collection(nameof(TemporaryOutputsCollection))]
public sealed class TemporaryOutputsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void DeleteAll_removes_a_half_written_temporary_file_and_leaves_the_target_alone()
    {
        var target = _folder.File("out.csv");
        File.WriteAllText(target, "earlier");
        string? temporary = null;
        var files = new OutputFiles();
        files.Add(target, "CSV", path =>
        {
            temporary = path;
            using (var writer = new StreamWriter(path)) writer.Write("half a fi");
            Assert.True(File.Exists(path));
            TemporaryOutputs.DeleteAll(); // as the signal handler does while the command is still writing
            Assert.False(File.Exists(path));
            throw new OperationCanceledException(); // the process would end here
        });

        Assert.Throws<OperationCanceledException>(() => files.Commit());

        Assert.NotEqual(target, Path.GetFullPath(temporary!)); // the temporary file is never the target
        Assert.Equal("earlier", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_folder.Path));
    }
}
