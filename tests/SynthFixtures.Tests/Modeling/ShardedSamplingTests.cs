using SynthFixtures.Data;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Modeling;

/// <summary>
/// Shards: each process writes a run of whole blocks, and the shards' CSV files joined byte by byte are the file of one
/// run (the header in shard 0 only); what cannot be split (privacy filters, conditions checked row by row) is refused
/// before any file is written.
/// </summary>
public sealed class ShardedSamplingTests : IDisposable
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(10_000, 4)]
    [InlineData(2_500, 5)]    // more shards than blocks: some shards are empty
    [InlineData(4_096, 1)]
    public void Shards_joined_byte_by_byte_are_the_file_of_one_run(long rows, int count)
    {
        var whole = _folder.File("whole.csv");
        SamplingService.Run(Request(rows, whole, shard: null, threads: 2));
        var joined = new List<byte>();
        long written = 0;
        for (var i = 0; i < count; i++)
        {
            var part = _folder.File($"part-{i:D5}.csv");
            var result = SamplingService.Run(Request(rows, part, new SampleShard(i, count), threads: 1 + (i % 2)));
            written += result.Rows;
            joined.AddRange(File.ReadAllBytes(part));
        }
        Assert.Equal(rows, written);
        Assert.Equal(File.ReadAllBytes(whole), joined.ToArray());
    }

    [Fact]
    public void Shards_split_the_rows_into_whole_blocks_covering_every_row_once()
    {
        foreach (var rows in new long[] { 0, 1, 1023, 1024, 1025, 10_000, 10_000_000_000 })
        foreach (var count in new[] { 1, 2, 3, 7, 1000 })
        {
            long next = 0;
            for (var i = 0; i < count; i++)
            {
                var (first, n) = new SampleShard(i, count).RowsOf(rows);
                Assert.Equal(next, first);
                Assert.Equal(0, first % 1024);
                next = first + n;
            }
            Assert.Equal(rows, next);
        }
    }

    [Fact]
    public void A_shard_of_ten_billion_rows_writes_its_own_rows_without_drawing_the_others()
    {
        var part = _folder.File("last.csv");
        var result = SamplingService.Run(Request(10_000_000_000, part, new SampleShard(9_765_624, 9_765_625), threads: 2));
        Assert.Equal(1024, result.Rows);
        var lines = File.ReadAllLines(part);
        Assert.Equal(1024, lines.Length);   // no header: not shard 0
        var firstKey = long.Parse(Model.Value.Sample(1, 9).ToTable().Column("id")[0]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"{firstKey + 9_999_998_976},", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void What_cannot_be_split_is_refused_before_any_file_is_written()
    {
        var part = _folder.File("part.csv");
        var conditional = Request(10_000, part, new SampleShard(1, 4), threads: 1) with { Conditions = [Condition.Parse("group=high")] };
        Assert.Contains("checked row by row", Assert.Throws<SynthDataException>(() => SamplingService.Run(conditional)).Message, StringComparison.Ordinal);
        var filtered = Request(10_000, part, new SampleShard(1, 4), threads: 1) with
        {
            PrivacyFilter = new PrivacyFilterRequest { Reference = MixedTestTable.Create(), Options = new PrivacyFilterOptions() },
        };
        Assert.Contains("privacy filters", Assert.Throws<SynthDataException>(() => SamplingService.Run(filtered)).Message, StringComparison.Ordinal);
        Assert.Contains("numbered 0 to 3", Assert.Throws<SynthDataException>(() => SamplingService.Run(Request(10, part, new SampleShard(4, 4), 1))).Message,
            StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void A_single_shard_is_the_whole_sample_and_may_have_conditions()
    {
        var whole = _folder.File("whole.csv");
        var shard = _folder.File("shard.csv");
        var conditions = new[] { Condition.Parse("group=high") };
        SamplingService.Run(Request(3000, whole, null, 2) with { Conditions = conditions });
        SamplingService.Run(Request(3000, shard, new SampleShard(0, 1), 2) with { Conditions = conditions });
        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(shard));
    }

    private static SamplingRequest Request(long rows, string target, SampleShard? shard, int threads) => new()
    {
        Model = Model.Value, Rows = rows, OutputPath = target, Seed = 9, Shard = shard,
        Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = 2048 },
    };
}
