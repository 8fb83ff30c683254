using System.Buffers.Binary;
using System.Text;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;

namespace SynthFixtures.Tests.Models;

/// <summary>Loading a .synth file trusts nothing: damaged, edited, foreign or future files are clear errors.</summary>
public sealed class ModelArtifactTests
{
    private static readonly Lazy<byte[]> Valid = new(() => ModelArtifact.ToBytes(
        GaussianCopulaFitter.Fit(MixedTestTable.Create(500), MixedTestTable.Metadata(), new GaussianCopulaOptions())));

    private static SynthDataException LoadFails(byte[] bytes) =>
        Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(bytes, "model.synth"));

    [Fact]
    public void A_valid_file_loads_with_its_audit_trail()
    {
        var model = ModelArtifact.FromBytes(Valid.Value);
        Assert.Equal("gaussiancopula", model.Kind);
        Assert.Equal(500, model.Provenance.SourceRows);
        Assert.Equal(64, model.Provenance.SourceDataSha256.Length);
        var header = Encoding.UTF8.GetString(Valid.Value, 16, BinaryPrimitives.ReadInt32LittleEndian(Valid.Value.AsSpan(12)));
        Assert.Contains("\"formatVersion\":2", header);
        Assert.Contains("\"trainingSettings\":{\"seed\":1", header);
    }

    [Fact]
    public void A_truncated_file_says_it_is_truncated()
    {
        foreach (var length in new[] { 20, 100, Valid.Value.Length - 1 })
            Assert.Contains("truncated", LoadFails(Valid.Value[..length]).Message);
    }

    [Fact]
    public void A_modified_byte_fails_the_checksum()
    {
        var bytes = (byte[])Valid.Value.Clone();
        bytes[200] ^= 0x01;
        Assert.Contains("checksum", LoadFails(bytes).Message);
    }

    [Fact]
    public void A_file_from_a_future_format_asks_for_an_upgrade()
    {
        var bytes = (byte[])Valid.Value.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 99);
        var error = LoadFails(bytes);
        Assert.Contains("format version 99", error.Message);
        Assert.Contains("Upgrade SynthFixtures", error.Message);
    }

    [Fact]
    public void Something_else_is_not_a_model()
    {
        Assert.Contains("not a SynthFixtures model", LoadFails("age,income\n1,2\n"u8.ToArray()).Message);
        Assert.Contains("not a SynthFixtures model", LoadFails([]).Message);
    }

    [Fact]
    public void Extra_bytes_after_the_end_are_rejected()
    {
        Assert.Contains("unexpected bytes", LoadFails([.. Valid.Value, 0]).Message);
    }

    [Theory]
    [InlineData("\"modelKind\":\"gaussiancopula\"", "\"modelKind\":\"ctgan9\"", "not known")]
    [InlineData("\"correlation\":[[1,", "\"correlation\":[[2,", "correlation matrix")]
    [InlineData("\"probabilities\":[", "\"probabilities\":[7,", "category frequencies")]
    [InlineData("\"encoding\":\"numeric\"", "\"encoding\":\"magic\"", "encoding 'magic'")]
    [InlineData("\"minimum\":", "\"evil\":1,\"minimum\":", "parameters do not match")]
    public void Edited_content_with_a_recomputed_checksum_is_still_validated(string find, string replace, string expected)
    {
        var error = LoadFails(TamperedArtifact.RewriteHeader(Valid.Value, json =>
        {
            Assert.Contains(find, json);
            var at = json.IndexOf(find, StringComparison.Ordinal);
            return json[..at] + replace + json[(at + find.Length)..];
        }));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Save_and_Load_round_trip_through_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sf-{Guid.NewGuid():N}.synth");
        try
        {
            ModelArtifact.Save(ModelArtifact.FromBytes(Valid.Value), path);
            Assert.Equal(Valid.Value, File.ReadAllBytes(path));
            Assert.Equal("gaussiancopula", ModelArtifact.Load(path).Kind);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Contains("does not exist", Assert.Throws<SynthDataException>(() => ModelArtifact.Load(path)).Message);
    }

}
