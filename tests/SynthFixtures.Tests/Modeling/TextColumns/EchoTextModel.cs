using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Randomness;
using SynthFixtures.Text;

namespace SynthFixtures.Tests.Modeling.TextColumns;

/// <summary>
/// A test-only text model: row r's text is <c>row r: &lt;context cells joined by |&gt; #&lt;a draw from Derive(r)&gt;</c>
/// (every tenth draw a missing cell), so a test can read which row number, context and stream each text came from.
/// It stores a salt in its parameters and its payload, so the artifact's text payload offsets are exercised.
/// </summary>
internal sealed class EchoTextModel(string column, IReadOnlyList<string> contextColumns, int salt) : TextColumnModel(column, contextColumns)
{
    public const string KindName = "test-echo";

    /// <summary>The built-in decoders with this test kind.</summary>
    public static TextModelDecoders Decoders { get; } = TextModelDecoders.BuiltIn.With(KindName, Decode);

    public int Salt => salt;

    public override string Kind => KindName;

    public override string Describe() => $"echo of {string.Join(", ", ContextColumns)} (salt {salt})";

    public override string?[] Generate(IReadOnlyList<string?[]> context, int rows, long firstRow, SynthRandom random, ParallelOptions parallel)
    {
        var texts = new string?[rows];
        Parallel.For(0, rows, parallel, i =>
        {
            var row = firstRow + i;
            var draw = random.Derive(row).NextInt(1000);
            texts[i] = draw % 10 == 0 ? null
                : string.Create(CultureInfo.InvariantCulture, $"row {row}: {string.Join("|", context.Select(c => c[i] ?? "?"))} #{draw + salt}");
        });
        return texts;
    }

    public override TextModelParts Encode()
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(payload, salt);
        var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("context");
            foreach (var name in ContextColumns) writer.WriteStringValue(name);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var parameters = JsonDocument.Parse(json.ToArray()).RootElement.Clone();
        return new TextModelParts(Kind, Column, parameters, payload);
    }

    public static TextColumnModel Decode(TextModelParts parts, string sourceName)
    {
        if (parts.Payload.Length != 4) throw new SynthDataException($"The echo model of '{parts.Column}' has {parts.Payload.Length} payload bytes, not 4.", sourceName);
        var context = parts.Parameters.GetProperty("context").EnumerateArray().Select(e => e.GetString()!).ToList();
        return new EchoTextModel(parts.Column, context, BinaryPrimitives.ReadInt32LittleEndian(parts.Payload));
    }
}

/// <summary>Trains <see cref="EchoTextModel"/>s: conditioned on the options' context columns or on every categorical column, salted with the text count.</summary>
internal sealed class EchoTextTrainer : ITextModelTrainer
{
    public List<TextTrainingInput> Seen { get; } = [];

    public TextColumnModel Train(TextTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        lock (Seen) Seen.Add(input);
        var context = input.Options.ContextColumns
            ?? input.Metadata.Columns.Where(c => c.IsCategorical || c.Kind == ColumnKind.Integer).Select(c => c.Name).ToList();
        var texts = input.Table.Column(input.Column).Count(c => c is not null);
        return new EchoTextModel(input.Column, context, texts);
    }
}

/// <summary>Reviews with a rating, a department and a text column, as a CSV or a table.</summary>
internal static class ReviewTable
{
    public static readonly string[] Names = ["id", "rating", "department", "review", "title"];

    private static readonly string[] Words = ["lovely", "soft", "fits", "small", "large", "returned", "fabric", "colour", "great", "thin"];

    public static Table Create(int rows, int titles)
    {
        var random = new SynthRandom(5);
        var cells = Names.Select(_ => new string?[rows]).ToArray();
        for (var r = 0; r < rows; r++)
        {
            cells[0][r] = (1 + r).ToString(CultureInfo.InvariantCulture);
            cells[1][r] = (1 + random.NextInt(5)).ToString(CultureInfo.InvariantCulture);
            cells[2][r] = random.NextDouble() < 0.5 ? "Dresses" : "Tops";
            cells[3][r] = string.Join(" ", Enumerable.Range(0, 6 + random.NextInt(20)).Select(_ => Words[random.NextInt(Words.Length)]))
                + $", review {r} of the {Words[r % Words.Length]} kind.";
            cells[4][r] = r < titles ? $"{Words[random.NextInt(Words.Length)]} {Words[random.NextInt(Words.Length)]} and {Words[r % Words.Length]}, {r}" : null;
        }
        return new Table(Names, cells);
    }

    public static TableMetadata Metadata() => new()
    {
        PrimaryKey = "id",
        Columns =
        [
            new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
            new ColumnMetadata { Name = "rating", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "department", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "review", Kind = ColumnKind.Text },
            new ColumnMetadata { Name = "title", Kind = ColumnKind.Text },
        ],
    };

    /// <summary>Writes the table and its metadata to <paramref name="folder"/>; returns (CSV path, metadata path).</summary>
    public static (string Csv, string Metadata) Write(string folder, int rows, int titles)
    {
        var csv = Path.Combine(folder, "reviews.csv");
        CsvTableWriter.Write(Create(rows, titles), csv);
        var metadata = Path.Combine(folder, "reviews.metadata.json");
        MetadataJson.Save(Metadata(), metadata);
        return (csv, metadata);
    }
}
