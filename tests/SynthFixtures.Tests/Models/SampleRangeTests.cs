using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// A sample drawn in ranges (shards) is the whole sample: every model kind's blocks, generated keys, fakes and
/// placeholder text at each row are those of the one run, so ranges joined in order are byte-identical to it.
/// </summary>
public sealed class SampleRangeTests
{
    private static readonly Lazy<GaussianCopulaModel> Generated = new(() =>
        GaussianCopulaFitter.Fit(GeneratedColumnsTable(), GeneratedColumnsMetadata(), new GaussianCopulaOptions { Seed = 1 }));

    public static TheoryData<string, string[]> Cases() => new()
    {
        { "copula", [] },
        { "copula", ["x=50.5"] },   // closed form: no row checks
        { "generated", [] },        // a sequence key, fake e-mails with missing cells, placeholder text
        { "tvae", [] },
        { "ctgan", [] },
        { "dp-marginals", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ranges_joined_are_byte_identical_to_the_whole_sample(string kind, string[] conditionTexts)
    {
        var model = Model(kind);
        var conditions = conditionTexts.Select(Condition.Parse).ToList();
        const int rows = 7000;   // not a whole number of blocks
        var options = new SamplingOptions { MaxDegreeOfParallelism = 2, FirstRowNumber = 40, ChunkRows = 2048 };
        var whole = Csv(model.SampleChunks(rows, 5, conditions, options));
        // Cut on blocks 0 | 1 2 | 3 4 5 | 6 (the last one short), each range with other threads and chunks.
        var cuts = new[] { (0L, 1024L, 1), (1024L, 2048L, 2), (3072L, 3072L, 1), (6144L, 856L, 2) };
        var parts = cuts.Select(c => Csv(model.SampleRange(c.Item1, c.Item2, 5, conditions,
            options with { MaxDegreeOfParallelism = c.Item3, ChunkRows = 1024 }))).ToList();
        Assert.Equal(whole, string.Concat(parts));
        Assert.NotEqual(parts[0], parts[1][..Math.Min(parts[1].Length, parts[0].Length)]);
    }

    [Fact]
    public void Generated_keys_in_a_range_are_numbered_by_their_row_in_the_whole_sample()
    {
        var start = 9_999_998_976L;   // the last block of ten billion rows
        var table = Generated.Value.SampleRange(start, 1024, 3, options: new SamplingOptions { FirstRowNumber = 0 }).Single().ToTable();
        var ids = table.Column("id");
        var firstKey = long.Parse(Generated.Value.Sample(1, 3).ToTable().Column("id")[0]!, CultureInfo.InvariantCulture);
        Assert.Equal((firstKey + start).ToString(CultureInfo.InvariantCulture), ids[0]);
        Assert.Equal((firstKey + start + 1023).ToString(CultureInfo.InvariantCulture), ids[1023]);
        Assert.Contains(table.Column("email"), cell => cell is null);
        Assert.Contains(table.Column("email"), cell => cell?.Contains('@', StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Conditions_checked_row_by_row_cannot_be_drawn_in_ranges()
    {
        foreach (var model in new[] { ModelsOfEachKind.Copula.Value, ModelsOfEachKind.Tvae.Value })
        {
            var error = Assert.Throws<SynthDataException>(() => model.SampleRange(2048, 100, 1, [Condition.Parse("group=high")]));
            Assert.Contains("checked row by row", error.Message, StringComparison.Ordinal);
            Assert.Contains("'group=high'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_range_starts_on_a_block_boundary()
    {
        Assert.Throws<ArgumentException>(() => ModelsOfEachKind.Copula.Value.SampleRange(1000, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelsOfEachKind.Copula.Value.SampleRange(-1024, 10, 1));
    }

    private static SynthModel Model(string kind) => kind == "generated" ? Generated.Value : ModelsOfEachKind.Named(kind);

    private static string Csv(IEnumerable<SampledTable> chunks)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var chunk in chunks)
        {
            var table = chunk.ToTable();
            CsvTableWriter.WriteRows(table, 0, table.RowCount, writer);
        }
        return writer.ToString();
    }

    private static Table GeneratedColumnsTable()
    {
        var random = new SynthRandom(11);
        const int rows = 500;
        string?[] id = new string?[rows], email = new string?[rows], note = new string?[rows], x = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            id[r] = (1 + r).ToString(CultureInfo.InvariantCulture);
            email[r] = random.NextDouble() < 0.2 ? null : $"person{r}@example.com";
            note[r] = string.Join(' ', Enumerable.Range(0, 3 + random.NextInt(8)).Select(w => $"word{w}"));
            x[r] = (10 * random.NextNormal()).ToString("F2", CultureInfo.InvariantCulture);
        }
        return new Table(["id", "email", "note", "x"], [id, email, note, x]);
    }

    private static TableMetadata GeneratedColumnsMetadata() => new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
            new ColumnMetadata { Name = "email", Kind = ColumnKind.Categorical, Pii = PiiKind.Email },
            new ColumnMetadata { Name = "note", Kind = ColumnKind.Text },
            new ColumnMetadata { Name = "x", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
        ],
    };
}
