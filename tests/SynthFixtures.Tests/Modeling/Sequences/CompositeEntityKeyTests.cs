using System.Globalization;
using System.Text;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary>
/// A composite key (product, channel): 60 products, each sold online and in store (or, for the "disjoint" panel, each
/// in one channel only), 8 yearly steps; online sales run around +10, store sales around −10. The channel is learned
/// from its labels, the product key generated, unique within each channel.
/// </summary>
public sealed class CompositeEntityKeyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WritePanel(string name, Func<int, string[]> channelsOf, int products = 60)
    {
        var random = new SynthRandom(5);
        var csv = new StringBuilder("product,channel,year,sales\n");
        for (var p = 0; p < products; p++)
            foreach (var channel in channelsOf(p))
            {
                var mean = channel == "online" ? 10.0 : -10.0;
                for (var y = 0; y < 8; y++) csv.Append(CultureInfo.InvariantCulture, $"Pr{(char)('a' + p / 26)}{(char)('a' + p % 26)},{channel},{2000 + y},{mean + random.NextNormal():F2}\n");
            }
        var path = _folder.File(name);
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private SequenceModel Train(string csv) =>
        new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = csv,
            Sequence = new SequenceMetadata { EntityColumns = ["product", "channel"], IndexColumn = "year" },
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = _folder.File(Path.GetFileNameWithoutExtension(csv) + ".synth"),
        }).Model;

    private static List<(string Product, string Channel, double Mean)> Entities(SampledSequences sample)
    {
        var rows = sample.Rows;
        var product = rows["product"].Cells();
        var channel = rows["channel"].Cells();
        var sales = rows["sales"].Numbers!;
        return Enumerable.Range(0, sample.EntityCount).Select(e =>
        {
            var first = sample.EntityStart(e);
            return (product[first]!, channel[first]!, sales.AsSpan(first, sample.Lengths[e]).ToArray().Average());
        }).ToList();
    }

    [Fact]
    public void The_low_cardinality_member_is_learned_and_the_tuple_is_unique_with_keys_reused_across_its_labels()
    {
        var model = Train(WritePanel("both.csv", _ => ["online", "store"]));
        Assert.Equal(EntityKeyShape.Labels, model.EntityKeys.Single(k => k.Column == "channel").Shape);
        Assert.Equal(["online", "store"], model.EntityKeys.Single(k => k.Column == "channel").Labels!);
        Assert.Equal(1.0, model.EntityKeys.Single(k => k.Column == "product").SharedShare);
        Assert.Equal(["channel"], model.LearnedKeyColumns);

        var entities = Entities(model.Sample(400, seed: 2));
        Assert.Equal(400, entities.Select(e => (e.Product, e.Channel)).Distinct().Count());
        Assert.All(entities, e => Assert.Contains(e.Channel, new[] { "online", "store" }));
        Assert.All(entities, e => Assert.Matches("^[A-Z][a-z]{3}$", e.Product));
        var online = entities.Count(e => e.Channel == "online") / 400.0;
        Assert.InRange(online, 0.4, 0.6);
        // The step model reads the learned channel as context: online sales stay high, store sales low.
        Assert.InRange(entities.Where(e => e.Channel == "online").Average(e => e.Mean), 8, 12);
        Assert.InRange(entities.Where(e => e.Channel == "store").Average(e => e.Mean), -12, -8);
        // As in the source, a product key appears in both channels (all but the surplus of the larger channel).
        var both = entities.GroupBy(e => e.Product).Count(g => g.Count() == 2);
        Assert.Equal(Math.Min(entities.Count(e => e.Channel == "online"), entities.Count(e => e.Channel == "store")), both);
    }

    [Fact]
    public void Keys_of_a_source_whose_products_each_have_one_channel_are_not_reused()
    {
        var model = Train(WritePanel("disjoint.csv", p => [p % 2 == 0 ? "online" : "store"], products: 120));
        Assert.Equal(0.0, model.EntityKeys.Single(k => k.Column == "product").SharedShare);
        var entities = Entities(model.Sample(300, seed: 1));
        Assert.Equal(300, entities.Select(e => e.Product).Distinct().Count());
    }

    [Fact]
    public void Half_shared_keys_are_reused_for_about_half_the_entities()
    {
        // Products 0–39 in both channels, 40–79 in one: 80 of 120 entities share their product key.
        var model = Train(WritePanel("half.csv", p => p < 40 ? ["online", "store"] : [p % 2 == 0 ? "online" : "store"], products: 80));
        Assert.Equal(80 / 120.0, model.EntityKeys.Single(k => k.Column == "product").SharedShare, 10);
        var entities = Entities(model.Sample(600, seed: 3));
        Assert.Equal(600, entities.Select(e => (e.Product, e.Channel)).Distinct().Count());
        var counts = entities.GroupBy(e => e.Product).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(entities.Count(e => counts[e.Product] > 1) / 600.0, 0.5, 0.8);
    }

    [Fact]
    public void The_sample_is_byte_identical_for_any_thread_count_and_chunk_size()
    {
        var model = Train(WritePanel("both.csv", _ => ["online", "store"]));
        static string Text(IEnumerable<SampledSequences> chunks) =>
            string.Join("\n", chunks.Select(c => string.Join("\n", c.Rows.Columns.Select(col => string.Join(",", col.Cells())))));
        var whole = Text([model.Sample(150, seed: 4, options: new SamplingOptions { MaxDegreeOfParallelism = 1 })]);
        var chunked = model.SampleEntities(150, seed: 4, options: new SamplingOptions { MaxDegreeOfParallelism = 2, ChunkRows = 20 }).ToList();
        Assert.True(chunked.Count > 10);
        var joined = chunked.Select(c => c.Rows).ToList();
        Assert.Equal(whole.Replace("\n", ""), string.Concat(Enumerable.Range(0, joined[0].Columns.Count)
            .Select(c => string.Join(",", joined.SelectMany(t => t.Columns[c].Cells())))).Replace("\n", ""));
        var bytes = SequenceModelArtifact.ToBytes(model);
        var loaded = SequenceModelArtifact.FromBytes(bytes);
        Assert.Equal(bytes, SequenceModelArtifact.ToBytes(loaded));
        Assert.Equal(whole, Text([loaded.Sample(150, seed: 4)]));
    }

    [Fact]
    public void A_condition_on_the_learned_member_is_met_by_the_context_model()
    {
        var model = Train(WritePanel("both.csv", _ => ["online", "store"]));
        var entities = Entities(model.Sample(100, seed: 5, conditions: [Condition.Parse("channel=store")]));
        Assert.All(entities, e => Assert.Equal("store", e.Channel));
        Assert.Equal(100, entities.Select(e => e.Product).Distinct().Count());
    }

    [Fact]
    public void The_room_check_counts_tuples_of_a_short_template_and_its_reuse_across_labels()
    {
        // Two-capital product keys make 676 keys; reused in both channels they key 1,352 entities.
        var csv = new StringBuilder("product,channel,year,sales\n");
        for (var p = 0; p < 30; p++)
            foreach (var channel in new[] { "online", "store" })
                for (var y = 0; y < 4; y++) csv.Append(CultureInfo.InvariantCulture, $"{(char)('A' + p / 26)}{(char)('A' + p % 26)},{channel},{2000 + y},{p + y}\n");
        var path = _folder.File("short.csv");
        File.WriteAllText(path, csv.ToString());
        var model = Train(path);

        var error = Assert.Throws<SynthDataException>(() => model.SampleEntities(1_400, seed: 1));
        Assert.Contains("676 distinct keys, each used with at most 2 combinations", error.Message);
        var entities = Entities(model.Sample(1_000, seed: 1));
        Assert.Equal(1_000, entities.Select(e => (e.Product, e.Channel)).Distinct().Count());
    }
}
