using System.Globalization;
using System.Text;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Conditions;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary>
/// Step conditions on a model that uses every per-entity feature the sampler adds besides the steps: a composite key
/// (product, channel) whose channel is learned, gaps only some entities have on an integer index, and a transaction id
/// generated on every step (counting rows over the whole sample). 60 products in both channels, 12 steps; online sales
/// run around +10, store sales around −10.
/// </summary>
public sealed class ConditionedKeyedPanelTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SequenceModel _model;

    /// <summary>Writes the panel (columns product, channel, t, txn_id, sales) and returns its path.</summary>
    internal static string WritePanel(TempFolder folder)
    {
        var random = new SynthRandom(3);
        var csv = new StringBuilder("product,channel,t,txn_id,sales\n");
        var id = 1;
        for (var p = 0; p < 60; p++)
            foreach (var channel in new[] { "online", "store" })
            {
                var mean = channel == "online" ? 10.0 : -10.0;
                var gapAfter = random.NextDouble() < 0.4 ? 2 + random.NextInt(8) : -1;
                var t = (long)random.NextInt(4);
                for (var s = 0; s < 12; s++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"P{p:000},{channel},{t},T-{id++:00000},{mean + 3 * random.NextNormal():F2}\n");
                    t += s == gapAfter ? 1 + (random.NextInt(2) == 0 ? 1 : 3) : 1;
                }
            }
        var path = folder.File("keyed.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    public ConditionedKeyedPanelTests()
    {
        var path = WritePanel(_folder);
        _model = new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = path,
            Sequence = new SequenceMetadata { EntityColumns = ["product", "channel"], IndexColumn = "t" },
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = _folder.File("keyed.synth"),
        }).Model;
    }

    public void Dispose() => _folder.Dispose();

    private static List<string[]> EntityRows(SampledSequences sample, int entity)
    {
        var table = sample.Rows.ToTable();
        return Enumerable.Range(sample.EntityStart(entity), sample.Lengths[entity])
            .Select(r => Enumerable.Range(0, table.ColumnCount).Select(c => table[r, c]!).ToArray()).ToList();
    }

    private string[] Column(SampledSequences sample, int entity, string name)
    {
        var index = _model.Metadata.Columns.ToList().FindIndex(c => c.Name == name);
        return EntityRows(sample, entity).Select(row => row[index]).ToArray();
    }

    [Fact]
    public void The_panel_has_a_learned_key_member_gaps_of_its_own_and_a_generated_id()
    {
        Assert.Contains(_model.EntityKeys, k => k.Column == "channel" && k.IsLearned);
        Assert.NotNull(_model.Index.EntityGaps);
        Assert.Contains(_model.GeneratedColumns, g => g.Name == "txn_id");
    }

    [Fact]
    public void Conditions_every_entity_meets_at_its_first_attempt_give_the_unconditioned_sample()
    {
        var plain = _model.Sample(80, seed: 12);
        var conditioned = _model.Sample(80, seed: 12, null, [StepCondition.Parse("some:sales>=-1000")]);
        Assert.Equal(plain.Lengths, conditioned.Lengths);
        for (var e = 0; e < plain.EntityCount; e++) Assert.Equal(EntityRows(plain, e), EntityRows(conditioned, e));
    }

    [Fact]
    public void An_entity_accepted_at_its_first_attempt_keeps_its_unconditioned_draws()
    {
        var condition = StepCondition.Parse("first:sales>=0");
        var plain = _model.Sample(80, seed: 12);
        var conditioned = _model.Sample(80, seed: 12, null, [condition]);
        bool Meets(int e) => double.Parse(Column(plain, e, "sales")[0], CultureInfo.InvariantCulture) >= 0;
        var firstRedrawn = Enumerable.Range(0, plain.EntityCount).First(e => !Meets(e));
        Assert.InRange(firstRedrawn, 1, 79);
        var met = 0;
        for (var e = 0; e < plain.EntityCount; e++)
        {
            if (!Meets(e)) continue;
            met++;
            if (e < firstRedrawn)
            {
                // Before any entity was redrawn the row counter and the key ranks are the unconditioned ones: the entity is the same to the cell.
                Assert.Equal(EntityRows(plain, e), EntityRows(conditioned, e));
                continue;
            }
            // Later, its context (the learned channel), length, steps and its own gaps are its own draws; the generated
            // product key and transaction ids count over the entities before it, which redrawn entities changed.
            foreach (var name in new[] { "channel", "t", "sales" }) Assert.Equal(Column(plain, e, name), Column(conditioned, e, name));
        }
        Assert.InRange(met, 20, 79);
        // The tuple stays unique and the ids stay unique over the sample, whatever was redrawn.
        var keys = Enumerable.Range(0, conditioned.EntityCount).Select(e => Column(conditioned, e, "product")[0] + "/" + Column(conditioned, e, "channel")[0]);
        Assert.Equal(conditioned.EntityCount, keys.Distinct().Count());
        var ids = Enumerable.Range(0, conditioned.EntityCount).SelectMany(e => Column(conditioned, e, "txn_id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_step_condition_on_the_learned_key_member_points_to_a_condition_on_the_entity()
    {
        var error = Assert.Throws<SynthDataException>(() => _model.Sample(5, seed: 1, null, [StepCondition.Parse("first:channel=store")]));
        Assert.Contains("learned once per entity", error.Message, StringComparison.Ordinal);
        Assert.Contains("'channel=store'", error.Hint, StringComparison.Ordinal);
        // The plain condition it points to is met by the context model, together with a step condition.
        var sample = _model.Sample(30, seed: 1, [Condition.Parse("channel=store")], [StepCondition.Parse("first:sales<=-5")]);
        for (var e = 0; e < sample.EntityCount; e++)
        {
            Assert.Equal("store", Column(sample, e, "channel")[0]);
            Assert.True(double.Parse(Column(sample, e, "sales")[0], CultureInfo.InvariantCulture) <= -5);
        }
    }
}
