using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Models;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Modeling.TextColumns;
using SynthFixtures.Tests.Models.DpMarginals;
using SynthFixtures.Tests.Models.Neural;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// Learned text columns in samples, with the test-only echo model (row r's text names r, its context cells and a draw
/// from its stream): every kind writes them after the row's other cells, from the sampling seed's
/// <c>text:&lt;column&gt;</c> stream, numbered from the first row number, identically for any chunk size and thread count.
/// </summary>
public sealed class TextSamplingTests
{
    private const int Salt = 7;

    private static readonly Lazy<SynthModel> Copula = new(() =>
        GaussianCopulaFitter.Fit(ReviewTable.Create(400, 400), ReviewTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }).WithTextModels([Echo()]));

    private static readonly Lazy<SynthModel> Tvae = new(() =>
        RandomNeuralModels.Create(ModelKinds.Tvae, ReviewTable.Create(400, 400), ReviewTable.Metadata()).WithTextModels([Echo()]));

    private static readonly Lazy<SynthModel> Ctgan = new(() =>
        RandomNeuralModels.Create(ModelKinds.Ctgan, ReviewTable.Create(400, 400), ReviewTable.Metadata()).WithTextModels([Echo()]));

    private static EchoTextModel Echo() => new("review", ["rating", "department"], Salt);

    private static SynthModel Model(string kind) => kind switch
    {
        "copula" => Copula.Value,
        "tvae" => Tvae.Value,
        _ => Ctgan.Value,
    };

    public static TheoryData<string, string[]> Cases() => new()
    {
        { "copula", [] },
        { "copula", ["rating>=3", "department=Tops"] },   // checked row by row
        { "copula", ["department=Dresses"] },
        { "tvae", [] },
        { "tvae", ["department=Tops"] },
        { "ctgan", [] },
        { "ctgan", ["department=Dresses", "rating=2..4"] },
    };

    [Fact]
    public void A_text_model_without_context_columns_writes_one_text_per_row()
    {
        var model = GaussianCopulaFitter.Fit(ReviewTable.Create(400, 400), ReviewTable.Metadata(), new GaussianCopulaOptions { Seed = 1 })
            .WithTextModels([new EchoTextModel("review", [], Salt)]);

        var whole = model.Sample(1500, 3).ToTable();
        var chunks = model.SampleChunks(1500, 3, options: new SamplingOptions { ChunkRows = 1024 }).Select(c => c.ToTable()).ToList();

        var texts = whole.Column(whole.IndexOf("review")).ToArray();
        Assert.Equal(1500, texts.Length);
        Assert.All(Enumerable.Range(0, texts.Length), r => Assert.True(texts[r] is null || texts[r]!.StartsWith($"row {r}: ", StringComparison.Ordinal), texts[r]));
        Assert.True(texts.Count(t => t is not null) > 1200);
        Assert.Equal(texts, chunks.SelectMany(c => c.Column(c.IndexOf("review")).ToArray()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_text_is_written_from_its_rows_cells_and_its_rows_stream(string kind, string[] conditions)
    {
        var parsed = conditions.Select(Condition.Parse).ToList();
        var table = Model(kind).Sample(2500, 9, parsed).ToTable();
        var stream = new SynthRandom(9).Derive("text:review");
        var written = 0;
        for (var r = 0; r < table.RowCount; r++)
        {
            var draw = stream.Derive(r).NextInt(1000);
            var expected = draw % 10 == 0 ? null
                : string.Create(CultureInfo.InvariantCulture, $"row {r}: {table.Column("rating")[r] ?? "?"}|{table.Column("department")[r] ?? "?"} #{draw + Salt}");
            Assert.Equal(expected, table.Column("review")[r]);
            if (expected is not null) written++;
        }
        Assert.InRange(written, 2000, 2400);
        // The other free-text column is still generated prose.
        Assert.DoesNotContain(table.Column("title"), t => t?.StartsWith("row ", StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chunks_and_thread_counts_give_the_whole_samples_text(string kind, string[] conditions)
    {
        var parsed = conditions.Select(Condition.Parse).ToList();
        var model = Model(kind);
        var whole = Csv(model.Sample(5000, 3, parsed, new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable());
        foreach (var (chunk, threads) in new[] { (1024, 1), (2048, 3), (5000, 4) })
        {
            var options = new SamplingOptions { ChunkRows = chunk, MaxDegreeOfParallelism = threads };
            var joined = string.Concat(model.SampleChunks(5000, 3, parsed, options).Select((c, i) => Csv(c.ToTable(), header: i == 0)));
            Assert.Equal(whole, joined);
        }
    }

    [Fact]
    public void Rows_are_numbered_from_the_first_row_number()
    {
        var table = Copula.Value.Sample(50, 2, options: new SamplingOptions { FirstRowNumber = 1000 }).ToTable();
        var stream = new SynthRandom(2).Derive("text:review");
        var first = Enumerable.Range(0, 50).First(r => stream.Derive(1000 + r).NextInt(1000) % 10 != 0);
        Assert.StartsWith($"row {1000 + first}: ", table.Column("review")[first]);
    }

    [Fact]
    public void A_condition_on_a_learned_text_column_is_refused()
    {
        var error = Assert.Throws<SynthDataException>(() => Copula.Value.Sample(10, 1, [Condition.Parse("review=lovely")]));
        Assert.Contains("a column written by a learned text model, which cannot be conditioned on", error.Message, StringComparison.Ordinal);
        Assert.Equal("review", error.ColumnName);
    }

    [Fact]
    public void Attaching_text_models_copies_the_model_and_checks_them()
    {
        var plain = GaussianCopulaFitter.Fit(ReviewTable.Create(200, 200), ReviewTable.Metadata(), new GaussianCopulaOptions { Seed = 1 });
        var learned = plain.WithTextModels([Echo()]);
        Assert.Empty(plain.TextModels);
        Assert.Single(learned.TextModels);
        Assert.Equal(Csv(plain.Sample(100, 1).ToTable()).Split('\n')[0], Csv(learned.Sample(100, 1).ToTable()).Split('\n')[0]);
        Assert.NotEqual(Csv(plain.Sample(100, 1).ToTable()), Csv(learned.Sample(100, 1).ToTable()));

        Assert.Contains("not in the model's metadata", Assert.Throws<ArgumentException>(() =>
            plain.WithTextModels([new EchoTextModel("nope", [], 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("not free text (it is integer)", Assert.Throws<ArgumentException>(() =>
            plain.WithTextModels([new EchoTextModel("rating", [], 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("conditioned on 'colour', which is not in the model's metadata", Assert.Throws<ArgumentException>(() =>
            plain.WithTextModels([new EchoTextModel("review", ["colour"], 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("conditioned on 'title', which is itself learned text", Assert.Throws<ArgumentException>(() =>
            plain.WithTextModels([new EchoTextModel("review", ["title"], 1), new EchoTextModel("title", [], 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("two text models", Assert.Throws<ArgumentException>(() =>
            plain.WithTextModels([Echo(), Echo()])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_differentially_private_model_cannot_hold_a_learned_text_model()
    {
        var table = DpMarginalsTestData.Create(500);
        var metadata = DpMarginalsTestData.Metadata();
        var model = DpMarginalsFitter.Fit(table, metadata, new DpMarginalsOptions { Epsilon = 1, Delta = 1e-7, Seed = 1 });
        var text = metadata.Columns.FirstOrDefault(c => c.Kind == SynthFixtures.Metadata.ColumnKind.Text)?.Name ?? metadata.Columns[0].Name;
        var error = Assert.Throws<ArgumentException>(() => model.WithTextModels([new EchoTextModel(text, [], 1)]));
        Assert.Contains("differentially private model cannot hold a learned text model", error.Message, StringComparison.Ordinal);
    }

    private static string Csv(Table table, bool header = true)
    {
        var writer = new StringWriter();
        CsvTableWriter.Write(table, writer);
        var text = writer.ToString();
        return header ? text : text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }
}
