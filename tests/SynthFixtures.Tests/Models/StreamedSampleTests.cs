using System.Text;
using SynthFixtures.Data;
using SynthFixtures.Models;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// A sample handed out in chunks is the whole sample: for every model kind, with and without row-by-row condition
/// checks, for chunks that end inside a block of accepted rows, and for any thread count.
/// </summary>
public sealed class StreamedSampleTests
{
    public static TheoryData<string, string[]> Cases() => new()
    {
        { "copula", [] },
        { "copula", ["x>=55", "group=high"] },   // checked row by row
        { "copula", ["x=50.5"] },                // closed form, no checks
        { "tvae", [] },
        { "tvae", ["group=high", "visits<=2"] },
        { "ctgan", [] },
        { "ctgan", ["group=low", "x=40..60"] },
        { "dp-marginals", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chunks_joined_are_byte_identical_to_the_whole_sample_for_any_chunk_size_and_thread_count(string kind, string[] conditionTexts)
    {
        var model = ModelsOfEachKind.Named(kind);
        var conditions = conditionTexts.Select(Condition.Parse).ToList();
        const int rows = 5000;   // not a whole number of blocks: the last chunk is short
        var whole = WholeCsv(model.Sample(rows, 17, conditions, new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable());
        foreach (var (chunkRows, threads) in new[] { (1024, 1), (1024, 2), (2000, 2), (3072, 1), (1 << 20, 2) })
        {
            var options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows };
            var chunks = model.SampleChunks(rows, 17, conditions, options).ToList();
            var size = (chunkRows + 1023) / 1024 * 1024;
            Assert.Equal((rows + size - 1) / size, chunks.Count);
            Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(size, chunk.RowCount));
            Assert.Equal(whole, JoinedCsv(chunks));
        }
        Assert.NotEqual(whole, WholeCsv(model.Sample(rows, 18, conditions).ToTable()));
    }

    [Fact]
    public void Conditions_are_checked_when_the_chunks_are_asked_for_before_any_chunk_is_drawn()
    {
        var error = Assert.Throws<SynthDataException>(() => ModelsOfEachKind.Copula.Value.SampleChunks(10, 1, [Condition.Parse("group=purple")]));
        Assert.Contains("never occurs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_rare_conditions_fail_while_streaming_once_the_whole_samples_budget_is_spent()
    {
        // One candidate per row: any rejected row makes the conditions too rare, but only once the budget of all the
        // rows is spent, some chunks later.
        var options = new SamplingOptions { MinimumCandidates = 1, CandidatesPerRow = 1, ChunkRows = 1024 };
        var chunks = 0;
        var error = Assert.Throws<SynthDataException>(() =>
        {
            foreach (var _ in ModelsOfEachKind.Tvae.Value.SampleChunks(20_000, 1, [Condition.Parse("group=high")], options)) chunks++;
        });
        Assert.Contains("too rare", error.Message, StringComparison.Ordinal);
        Assert.Contains("budget of 20,000", error.Message, StringComparison.Ordinal);   // the budget of all the rows, not of a chunk
        Assert.InRange(chunks, 1, 19);
    }

    [Fact]
    public void A_thread_count_below_one_is_refused_clearly()
    {
        var error = Assert.Throws<SynthDataException>(() => ModelsOfEachKind.Copula.Value.Sample(10, 1, options: new SamplingOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Contains("thread count", error.Message, StringComparison.Ordinal);
    }

    private static string WholeCsv(Table table) => CsvTableWriter.WriteToString(table);

    private static string JoinedCsv(IEnumerable<SampledTable> chunks)
    {
        var text = new StringBuilder();
        using var writer = new StringWriter(text);
        var first = true;
        foreach (var chunk in chunks)
        {
            var table = chunk.ToTable();
            if (first) CsvTableWriter.WriteHeader(table.ColumnNames, writer);
            first = false;
            CsvTableWriter.WriteRows(table, 0, table.RowCount, writer);
        }
        return text.ToString();
    }
}
