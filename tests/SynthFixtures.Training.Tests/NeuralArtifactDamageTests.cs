using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using System.Text.Json.Nodes;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Tvae;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// A neural artifact whose header was damaged but whose checksum was recomputed (an edit, a buggy writer): every part of
/// its parameters, set to null or removed, must either still describe a valid model or be refused with the
/// "inconsistent" error that names the problem; never a NullReferenceException or another crash from deep inside.
/// </summary>
public sealed class NeuralArtifactDamageTests
{
    private static readonly Lazy<byte[]> Tvae = new(() =>
    {
        var (table, metadata) = TestTables.Small(200, withIdAndMissing: true);
        return ModelArtifact.ToBytes(TvaeSynthesizer.Train(table, metadata, new TvaeOptions
        {
            Epochs = 0, EmbeddingWidth = 4, EncoderWidths = [8], DecoderWidths = [8], Seed = 1, Threads = 1,
        }));
    });

    private static readonly Lazy<byte[]> Ctgan = new(() =>
    {
        var (table, metadata) = TestTables.Small(200, withIdAndMissing: true);
        return ModelArtifact.ToBytes(CtganSynthesizer.Train(table, metadata, new CtganOptions
        {
            Epochs = 0, BatchSize = 20, Pac = 10, EmbeddingWidth = 4, GeneratorWidths = [8], DiscriminatorWidths = [8], Seed = 1, Threads = 1,
        }));
    });

    [Theory]
    [InlineData("tvae")]
    [InlineData("ctgan")]
    public void Every_part_of_the_parameters_nulled_or_removed_loads_or_fails_clearly(string kind)
    {
        var bytes = kind == "tvae" ? Tvae.Value : Ctgan.Value;
        var (header, payload) = ArtifactBytes.Split(bytes);
        Assert.NotNull(ModelArtifact.FromBytes(bytes));
        var damages = Damages(JsonNode.Parse(header)!).ToList();
        Assert.True(damages.Count > 50, $"only {damages.Count} damages");

        var crashes = new List<string>();
        foreach (var (what, damaged) in damages)
        {
            try
            {
                ModelArtifact.FromBytes(ArtifactBytes.Join(bytes, damaged, payload));
            }
            catch (SynthDataException e)
            {
                if (!e.Message.Contains("The model file is inconsistent", StringComparison.Ordinal) || e.Hint is null)
                    crashes.Add($"{what}: unexpected message '{e.Message}'");
            }
            catch (Exception e)
            {
                crashes.Add($"{what}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(crashes.Count == 0, string.Join("\n", crashes));
    }

    [Fact]
    public void A_column_without_metadata_is_named_in_the_error()
    {
        var (header, payload) = ArtifactBytes.Split(Tvae.Value);
        var root = JsonNode.Parse(header)!;
        root["parameters"]!["model"]!["transformer"]!["columns"]![1]!["metadata"] = null;

        var error = Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(ArtifactBytes.Join(Tvae.Value, root.ToJsonString(), payload)));

        Assert.Contains("inconsistent", error.Message, StringComparison.Ordinal);
        Assert.Contains("Transformed column 1 has no metadata", error.Message, StringComparison.Ordinal);
        Assert.Equal("The file was edited or damaged: retrain the model.", error.Hint);
    }

    /// <summary>
    /// The header with one node of its parameters set to null, or one property removed: every object property, and of
    /// each array its first and last element (arrays of numbers are long and alike).
    /// </summary>
    private static IEnumerable<(string What, string Header)> Damages(JsonNode root)
    {
        foreach (var path in Paths(root["parameters"]!, "parameters"))
        {
            var nulled = root.DeepClone();
            Set(nulled, path, remove: false);
            yield return ("null " + string.Join('.', path), nulled.ToJsonString());
            if (path[^1] is string)
            {
                var removed = root.DeepClone();
                Set(removed, path, remove: true);
                yield return ("no " + string.Join('.', path), removed.ToJsonString());
            }
        }
    }

    private static IEnumerable<object[]> Paths(JsonNode node, params object[] prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    object[] path = [.. prefix, name];
                    yield return path;
                    if (child is not null) foreach (var deeper in Paths(child, path)) yield return deeper;
                }
                break;
            case JsonArray array when array.Count > 0:
                foreach (var i in array.Count == 1 ? [0] : new[] { 0, array.Count - 1 })
                {
                    object[] path = [.. prefix, i];
                    yield return path;
                    if (array[i] is { } child) foreach (var deeper in Paths(child, path)) yield return deeper;
                }
                break;
        }
    }

    private static void Set(JsonNode root, object[] path, bool remove)
    {
        var parent = root;
        foreach (var step in path[..^1]) parent = step is string name ? parent[name]! : parent[(int)step]!;
        switch (path[^1])
        {
            case string name when remove: parent.AsObject().Remove(name); break;
            case string name: parent[name] = null; break;
            case int index: parent[index] = null; break;
        }
    }
}
