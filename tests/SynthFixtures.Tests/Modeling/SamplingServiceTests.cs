using SynthFixtures.Data;
using SynthFixtures.Modeling;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;
using SynthFixtures.Tests.Models.Neural;

namespace SynthFixtures.Tests.Modeling;

/// <summary>
/// Writing a sample to a file as it is drawn: the bytes of the whole sample written at once, and a file that appears
/// whole or not at all (cancellation, too rare conditions and I/O errors leave no partial file and keep an earlier one).
/// </summary>
public sealed class SamplingServiceTests : IDisposable
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1, 1024)]
    [InlineData(2, 4096)]
    [InlineData(2, 65_536)]
    public void The_file_is_byte_identical_to_the_whole_sample_written_at_once(int threads, int chunkRows)
    {
        var target = _folder.File("sample.csv");
        var request = new SamplingRequest
        {
            Model = Model.Value, Rows = 10_000, OutputPath = target, Seed = 9, Conditions = [Condition.Parse("group=high")],
            Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows },
        };
        var result = SamplingService.Run(request);

        var expected = _folder.File("expected.csv");
        CsvTableWriter.Write(Model.Value.Sample(10_000, 9, [Condition.Parse("group=high")]).ToTable(), expected);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(target));
        Assert.Equal(new FileInfo(target).Length, result.Bytes);
        Assert.Equal(Path.GetFullPath(target), result.OutputPath);
        Assert.Equal(["expected.csv", "sample.csv"], FolderFiles());
    }

    [Fact]
    public void Zero_rows_write_the_header_alone()
    {
        var target = _folder.File("empty.csv");
        SamplingService.Run(new SamplingRequest { Model = Model.Value, Rows = 0, OutputPath = target });
        Assert.Equal("id,x,y,group,visits,day,flag\n", File.ReadAllText(target));
    }

    [Fact]
    public void Cancelling_mid_stream_leaves_no_partial_file_and_keeps_the_earlier_one()
    {
        var target = _folder.File("sample.csv");
        File.WriteAllText(target, "an earlier, good file\n");
        using var cancel = new CancellationTokenSource();
        // Far more rows than can be drawn before the cancellation lands (seconds of work), yet few enough that the
        // up-front disk check (about 43 bytes a row) passes on a machine with a few GB free; chunks are small so the
        // cancellation is noticed at once.
        var request = new SamplingRequest
        {
            Model = Model.Value, Rows = 20_000_000, OutputPath = target, Options = new SamplingOptions { ChunkRows = 1024 },
        };
        // A thread of its own cancels, not CancelAfter's timer: that one waits for a thread-pool thread, which the sample's
        // parallel loops and other tests running at once can keep busy until the whole sample is written.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(300);
            cancel.Cancel();
        }) { IsBackground = true };
        canceller.Start();
        // Joined before the source is disposed whatever the outcome: a cancel on a disposed source would crash the test host.
        try
        {
            Assert.ThrowsAny<OperationCanceledException>(() => SamplingService.Run(request, cancel.Token));
        }
        finally
        {
            canceller.Join();
        }
        Assert.Equal("an earlier, good file\n", File.ReadAllText(target));
        Assert.Equal(["sample.csv"], FolderFiles());
    }

    [Fact]
    public void Conditions_that_turn_out_too_rare_mid_stream_leave_no_partial_file()
    {
        var target = _folder.File("sample.csv");
        File.WriteAllText(target, "earlier\n");
        var request = new SamplingRequest
        {
            Model = RandomNeuralModels.Tvae(), Rows = 20_000, OutputPath = target, Conditions = [Condition.Parse("group=high")],
            Options = new SamplingOptions { MinimumCandidates = 1, CandidatesPerRow = 1, ChunkRows = 1024 },
        };
        // One candidate per row: the budget runs out chunks after the file was started.
        var error = Assert.Throws<SynthDataException>(() => SamplingService.Run(request));
        Assert.Contains("too rare", error.Message, StringComparison.Ordinal);
        Assert.Equal("earlier\n", File.ReadAllText(target));
        Assert.Equal(["sample.csv"], FolderFiles());
    }

    [Fact]
    public void Impossible_conditions_are_refused_before_any_file_is_created()
    {
        var request = new SamplingRequest { Model = Model.Value, Rows = 10, OutputPath = _folder.File("s.csv"), Conditions = [Condition.Parse("group=purple")] };
        Assert.Throws<SynthDataException>(() => SamplingService.Run(request));
        Assert.Empty(FolderFiles());
    }

    [Fact]
    public void An_output_folder_that_does_not_exist_is_a_clear_error()
    {
        var target = Path.Combine(_folder.Path, "missing", "s.csv");
        var error = Assert.Throws<SynthDataException>(() => SamplingService.Run(new SamplingRequest { Model = Model.Value, Rows = 10, OutputPath = target }));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(FolderFiles());
    }

    private string[] FolderFiles() => Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}

/// <summary>The disk-space check a streamed sample makes after its first chunk.</summary>
public sealed class SampleDiskRoomTests
{
    [Fact]
    public void A_sample_larger_than_the_free_space_is_refused_with_the_sizes()
    {
        // 16,384 rows took 1.9 M chars: 100 M rows need about 11.6 GB.
        var error = Assert.Throws<SynthDataException>(() => CsvSampleWriter.CheckRoom(1_900_000, 16_384, 100_000_000, 5_000_000_000, "/data"));
        Assert.Contains("100,000,000 rows need about 11.6 GB, but the disk of /data has 5.0 GB free", error.Message, StringComparison.Ordinal);
        Assert.Contains("fewer rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_that_fits_passes()
    {
        CsvSampleWriter.CheckRoom(1_900_000, 16_384, 100_000_000, 12_000_000_000, "/data");
    }
}
