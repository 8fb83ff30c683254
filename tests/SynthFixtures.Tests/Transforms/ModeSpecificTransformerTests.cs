using System.Globalization;
using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Transforms;

public class ModeSpecificTransformerTests
{
    private static (Table Table, TableMetadata Metadata) SmallTable(int rows = 400)
    {
        var random = new SynthRandom(11);
        var id = new string?[rows];
        var age = new string?[rows];
        var score = new string?[rows];
        var colour = new string?[rows];
        var note = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            id[i] = (1000 + i).ToString(CultureInfo.InvariantCulture);
            age[i] = (random.NextDouble() < 0.5 ? 25 + random.NextInt(5) : 60 + random.NextInt(5)).ToString(CultureInfo.InvariantCulture);
            score[i] = i % 10 == 0 ? null : (random.NextNormal() * 3 + 50).ToString("F2", CultureInfo.InvariantCulture);
            colour[i] = i % 3 == 0 ? " red" : i % 3 == 1 ? "green" : "blue";
            note[i] = $"note {i}";
        }
        var table = new Table(["id", "age", "score", "colour", "note"], [id, age, score, colour, note]);
        var metadata = new TableMetadata
        {
            Columns =
            [
                new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
                new ColumnMetadata { Name = "age", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "score", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
                new ColumnMetadata { Name = "colour", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "note", Kind = ColumnKind.Text },
            ],
            PrimaryKey = "id",
        };
        return (table, metadata);
    }

    [Fact]
    public void Lays_out_alpha_modes_missing_flags_and_one_hots_and_leaves_ids_and_text_out()
    {
        var (table, metadata) = SmallTable();
        var transformer = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(1));

        Assert.Equal(["age", "score", "colour"], transformer.Parameters.Columns.Select(c => c.Metadata.Name));
        var spans = transformer.Spans;
        Assert.Equal(["age", "age", "score", "score", "score", "colour"], spans.Select(s => s.Column));
        Assert.Equal(SpanActivation.Tanh, spans[0].Activation);
        Assert.Equal([SpanRole.Alpha, SpanRole.Mode, SpanRole.Alpha, SpanRole.Mode, SpanRole.Missing, SpanRole.Category], spans.Select(s => s.Role));
        Assert.Equal(1, spans[0].Length);
        Assert.Equal(2, spans[4].Length);                       // score's present/missing flag
        Assert.Equal(3, spans[5].Length);                       // three colours
        for (var i = 1; i < spans.Count; i++) Assert.Equal(spans[i - 1].Start + spans[i - 1].Length, spans[i].Start);
        Assert.Equal(transformer.Width, spans[^1].Start + spans[^1].Length);
        Assert.Equal(2, spans[1].Length);                       // age is bimodal
    }

    [Fact]
    public void Round_trips_a_table()
    {
        var (table, metadata) = SmallTable();
        var transformer = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(2));

        var matrix = transformer.Transform(table, new SynthRandom(3));
        var back = transformer.InverseTransform(matrix, table.RowCount);

        Assert.Equal(table.RowCount * transformer.Width, matrix.Length);
        foreach (var name in new[] { "age", "score" })
            for (var row = 0; row < table.RowCount; row++)
            {
                var original = table.Column(name)[row];
                var decoded = back.Column(name)[row];
                if (original is null) Assert.Null(decoded);
                else Assert.Equal(double.Parse(original, CultureInfo.InvariantCulture), double.Parse(decoded!, CultureInfo.InvariantCulture), 0.011);
            }
        Assert.Equal(table.Column("colour"), back.Column("colour"));
    }

    [Fact]
    public void Is_deterministic_and_its_parameters_survive_json()
    {
        var (table, metadata) = SmallTable();
        var a = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(4));
        var b = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(4));
        Assert.Equal(a.Transform(table, new SynthRandom(5)), b.Transform(table, new SynthRandom(5)));

        var json = JsonSerializer.Serialize(a.Parameters, ArtifactJson.Default.ModeSpecificTransformerParameters);
        var loaded = new ModeSpecificTransformer(JsonSerializer.Deserialize(json, ArtifactJson.Default.ModeSpecificTransformerParameters)!);
        Assert.Equal(json, JsonSerializer.Serialize(loaded.Parameters, ArtifactJson.Default.ModeSpecificTransformerParameters));
        Assert.Equal(a.Transform(table, new SynthRandom(6)), loaded.Transform(table, new SynthRandom(6)));
    }

    [Fact]
    public void Each_column_is_fitted_from_its_own_stream_so_parallel_fitting_cannot_change_it()
    {
        var (table, metadata) = SmallTable();
        var random = new SynthRandom(9);
        var transformer = ModeSpecificTransformer.Fit(table, metadata, random);

        foreach (var column in transformer.Parameters.Columns.Where(c => c.Modes is not null))
        {
            var values = ColumnValues.ToDoubles(table, table.IndexOf(column.Metadata.Name), column.Metadata);
            var alone = ModeNormalizer.Fit(values, random.Derive("modes:" + column.Metadata.Name)).Parameters;
            Assert.Equal(alone.Means, column.Modes!.Means);
            Assert.Equal(alone.Weights, column.Modes.Weights);
            Assert.Equal(alone.StandardDeviations, column.Modes.StandardDeviations);
        }
    }

    [Fact]
    public void Rejects_a_label_it_was_not_fitted_on()
    {
        var (table, metadata) = SmallTable();
        var transformer = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(7));
        var other = new Table(["age", "score", "colour"], [["30"], ["1.00"], ["purple"]]);

        var error = Assert.Throws<SynthDataException>(() => transformer.Transform(other, new SynthRandom(8)));
        Assert.Contains("purple", error.Message);
    }
}
