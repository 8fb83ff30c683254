using System.Buffers.Binary;
using System.Security.Cryptography;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Tests.Modeling.TextColumns;
using SynthFixtures.Tests.Models.Neural;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// Format version 2: learned text models' parameters in the header and their weights after the tabular payload,
/// under the one checksum; version 1 files still read; every inconsistency is an error naming the file.
/// </summary>
public sealed class TextModelArtifactTests
{
    private const string File = "reviews.synth";

    private static readonly Lazy<SynthModel> Plain = new(() =>
        GaussianCopulaFitter.Fit(ReviewTable.Create(200, 200), ReviewTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    private static readonly Lazy<SynthModel> Learned = new(() =>
        Plain.Value.WithTextModels([new EchoTextModel("review", ["rating", "department"], 7), new EchoTextModel("title", ["department"], 11)]));

    private static readonly Lazy<byte[]> Bytes = new(() => ModelArtifact.ToBytes(Learned.Value));

    [Fact]
    public void Text_models_round_trip_byte_for_byte_and_sample_the_same()
    {
        var loaded = ModelArtifact.FromBytes(Bytes.Value, File, EchoTextModel.Decoders);
        Assert.Equal([("review", 7), ("title", 11)], loaded.TextModels.Cast<EchoTextModel>().Select(t => (t.Column, t.Salt)));
        Assert.Equal(["rating", "department"], loaded.TextModels[0].ContextColumns);
        Assert.Equal(Bytes.Value, ModelArtifact.ToBytes(loaded));
        Assert.Equal(Learned.Value.Sample(300, 5).ToTable().Column("review"), loaded.Sample(300, 5).ToTable().Column("review"));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(Bytes.Value.AsSpan(8)));
    }

    [Fact]
    public void A_neural_models_weights_and_the_text_weights_share_the_payload()
    {
        var neural = RandomNeuralModels.Create(ModelKinds.Tvae, ReviewTable.Create(300, 300), ReviewTable.Metadata())
            .WithTextModels([new EchoTextModel("review", ["department"], 3)]);
        var bytes = ModelArtifact.ToBytes(neural);
        var loaded = ModelArtifact.FromBytes(bytes, File, EchoTextModel.Decoders);
        Assert.Equal(3, Assert.IsType<EchoTextModel>(Assert.Single(loaded.TextModels)).Salt);
        Assert.Equal(ModelArtifact.ToBytes(neural.WithTextModels([])).Length + 4 + HeaderGrowth(neural), bytes.Length);
        Assert.Equal(neural.Sample(200, 2).ToTable().Column("review"), loaded.Sample(200, 2).ToTable().Column("review"));
    }

    [Fact]
    public void A_version_1_file_still_reads()
    {
        var version2 = ModelArtifact.ToBytes(Plain.Value);
        var bytes = (byte[])version2.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 1);
        bytes = TamperedArtifact.RewriteHeader(bytes, json => json.Replace("\"formatVersion\":2", "\"formatVersion\":1", StringComparison.Ordinal));
        var loaded = ModelArtifact.FromBytes(bytes, File);
        Assert.Empty(loaded.TextModels);
        Assert.Equal(version2, ModelArtifact.ToBytes(loaded));
    }

    [Fact]
    public void A_version_1_file_listing_text_models_is_refused()
    {
        var bytes = (byte[])Bytes.Value.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 1);
        bytes = TamperedArtifact.RewriteHeader(bytes, json => json.Replace("\"formatVersion\":2", "\"formatVersion\":1", StringComparison.Ordinal));
        Assert.Contains("format version 1, which cannot hold text models", LoadFails(bytes).Message);
    }

    [Fact]
    public void An_unknown_text_kind_is_named_with_the_file()
    {
        var error = Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(Bytes.Value, File));
        Assert.Contains("The text model of 'review' is of kind 'test-echo', which this SynthFixtures does not know", error.Message);
        Assert.Equal(File, error.FilePath);
        Assert.Equal("review", error.ColumnName);
    }

    [Theory]
    [InlineData("\"payloadOffset\":0,", "\"payloadOffset\":1,", "The text model of 'title' claims payload bytes 4 to 8, but its weights would start at byte 5")]
    [InlineData("\"payloadOffset\":4,", "\"payloadOffset\":3,", "claims payload bytes 3 to 7, but its weights would start at byte 4")]
    [InlineData("\"payloadOffset\":0,", "\"payloadOffset\":-1,", "starts at byte -1 of a payload of 8 bytes")]
    [InlineData("\"payloadOffset\":0,", "\"payloadOffset\":9,", "starts at byte 9 of a payload of 8 bytes")]
    [InlineData("\"payloadLength\":4}]", "\"payloadLength\":3}]", "end at byte 7, but the payload has 8 bytes")]
    [InlineData("\"payloadLength\":4}]", "\"payloadLength\":400}]", "claims payload bytes 4 to 404")]
    [InlineData("\"column\":\"title\",\"parameters\"", "\"column\":\"colour\",\"parameters\"", "The text model of 'colour' names a column that is not in the model's metadata")]
    [InlineData("\"column\":\"title\",\"parameters\"", "\"column\":\"rating\",\"parameters\"", "writes a column that is not free text (it is integer)")]
    [InlineData("\"column\":\"title\",\"parameters\"", "\"column\":\"review\",\"parameters\"", "The column 'review' has two text models")]
    [InlineData("\"context\":[\"department\"]", "\"context\":[\"shoe size\"]", "conditioned on 'shoe size', which is not in the model's metadata")]
    [InlineData("\"kind\":\"test-echo\",\"column\":\"title\"", "\"kind\":\"test-other\",\"column\":\"title\"", "of kind 'test-other', which this SynthFixtures does not know")]
    [InlineData("\"textModels\":[", "\"textModels\":[null,", "lists a text model that is null")]
    public void An_inconsistent_text_model_entry_is_refused_naming_the_file(string find, string replace, string expected)
    {
        var json = HeaderOf(Bytes.Value);
        Assert.Contains(find, json, StringComparison.Ordinal);
        var error = LoadFails(TamperedArtifact.RewriteHeader(Bytes.Value, j => j.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(File, error.FilePath);
    }

    [Fact]
    public void A_text_model_on_a_private_model_is_refused()
    {
        var table = DpMarginals.DpMarginalsTestData.Create(300);
        var model = DpMarginalsFitter.Fit(table, DpMarginals.DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = 1, Delta = 1e-6, Seed = 1 });
        var json = HeaderOf(ModelArtifact.ToBytes(model));
        var column = model.Metadata.Columns[0].Name;
        var entry = $",\"textModels\":[{{\"kind\":\"test-echo\",\"column\":\"{column}\",\"parameters\":{{\"context\":[]}},\"payloadOffset\":0,\"payloadLength\":4}}]}}";
        var error = LoadFails(Assemble(json[..^1] + entry, [1, 0, 0, 0]));
        Assert.Contains("A differentially private model cannot hold a learned text model", error.Message, StringComparison.Ordinal);
        Assert.Equal(File, error.FilePath);
    }

    /// <summary>A well-formed version 2 file of <paramref name="json"/> and <paramref name="payload"/>, with a valid checksum.</summary>
    private static byte[] Assemble(string json, byte[] payload)
    {
        var header = System.Text.Encoding.UTF8.GetBytes(json);
        var body = new byte[16 + header.Length + 8 + payload.Length];
        "SYNTHFX\n"u8.CopyTo(body);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), 2);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(12), header.Length);
        header.CopyTo(body, 16);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(16 + header.Length), (ulong)payload.Length);
        payload.CopyTo(body, 16 + header.Length + 8);
        return [.. body, .. SHA256.HashData(body)];
    }

    [Fact]
    public void Weights_before_the_text_models_of_a_kind_without_weights_are_refused()
    {
        var json = HeaderOf(Bytes.Value).Replace("\"payloadOffset\":4,", "\"payloadOffset\":5,", StringComparison.Ordinal)
            .Replace("\"payloadOffset\":0,", "\"payloadOffset\":1,", StringComparison.Ordinal);
        var error = LoadFails(Assemble(json, [9, 7, 0, 0, 0, 11, 0, 0, 0]));
        Assert.Contains("holds 1 bytes of weights before its text models, but a gaussiancopula model has none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checksum_covers_the_text_weights()
    {
        var bytes = (byte[])Bytes.Value.Clone();
        bytes[^33] ^= 0x01;   // the last text weight byte, just before the checksum
        Assert.Contains("checksum", LoadFails(bytes).Message);
    }

    private static SynthDataException LoadFails(byte[] bytes) =>
        Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(bytes, File, EchoTextModel.Decoders));

    private static string HeaderOf(byte[] bytes) =>
        System.Text.Encoding.UTF8.GetString(bytes, 16, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));

    private static int HeaderGrowth(SynthModel withText) =>
        HeaderOf(ModelArtifact.ToBytes(withText)).Length - HeaderOf(ModelArtifact.ToBytes(withText.WithTextModels([]))).Length;
}
