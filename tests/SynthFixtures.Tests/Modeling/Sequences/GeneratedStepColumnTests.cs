using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary>
/// Accounts with daily transactions: a transaction id (T-00001 …, unique over the file), an email and a free-text note
/// per step (not modelled: generated as tabular samples generate them) and a modelled amount.
/// </summary>
public sealed class GeneratedStepColumnTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SequenceModel Train()
    {
        var random = new SynthRandom(7);
        string[] names = ["anna", "ben", "carla", "dmitri", "eva", "farid", "greta", "hugo"];
        string[] words = ["paid", "late", "refund", "card", "cash", "online", "fee"];
        var csv = new StringBuilder("account,day,txn_id,email,note,amount\n");
        var id = 1;
        for (var a = 0; a < 40; a++)
            for (var d = 0; d < 5 + random.NextInt(8); d++)
            {
                var note = string.Join(' ', Enumerable.Range(0, 2 + random.NextInt(4)).Select(_ => words[random.NextInt(words.Length)]));
                csv.Append(CultureInfo.InvariantCulture,
                    $"A{a + 1:000},{d + 1},T-{id++:00000},{names[random.NextInt(8)]}.{names[random.NextInt(8)]}{random.NextInt(99)}@example.com,{note},{50 + 10 * random.NextNormal():F2}\n");
            }
        var path = _folder.File("accounts.csv");
        File.WriteAllText(path, csv.ToString());
        return new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = path,
            Sequence = new SequenceMetadata { EntityColumns = ["account"], IndexColumn = "day" },
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = _folder.File("accounts.synth"),
        }).Model;
    }

    private static string Text(IEnumerable<SampledSequences> chunks)
    {
        var tables = chunks.Select(c => c.Rows).ToList();
        return string.Join("\n", Enumerable.Range(0, tables[0].Columns.Count).Select(c => string.Join(",", tables.SelectMany(t => t.Columns[c].Cells()))));
    }

    [Fact]
    public void Identifier_personal_data_and_text_step_columns_are_generated_on_every_step()
    {
        var model = Train();
        Assert.Equal(["account", "day", "txn_id", "email", "note", "amount"], model.Metadata.Columns.Select(c => c.Name));
        Assert.Equal(["txn_id", "email", "note"], model.GeneratedColumns.Select(g => g.Name));
        Assert.Equal(["amount"], model.StepColumns.Select(c => c.Name));

        var sample = model.Sample(120, seed: 3).Rows;
        var ids = sample["txn_id"].Cells();
        Assert.All(ids, id => Assert.Matches("^T-[0-9]{5}$", id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(sample["email"].Cells(), email => Assert.Matches("^[^@ ]+@[^@ ]+\\.[a-z]+$", email));
        Assert.All(sample["note"].Cells(), note => Assert.InRange(Regex.Matches(note!, "\\S+").Count, 1, 12));
        // Entity i's cells come from its own stream: distinct entities get distinct emails and notes.
        Assert.True(sample["email"].Cells().Distinct().Count() > sample.RowCount / 2);
    }

    [Fact]
    public void Generated_cells_are_the_same_for_any_thread_count_and_chunk_size_and_after_a_round_trip()
    {
        var model = Train();
        var whole = Text([model.Sample(80, seed: 5, options: new SamplingOptions { MaxDegreeOfParallelism = 1 })]);
        var chunks = model.SampleEntities(80, seed: 5, options: new SamplingOptions { MaxDegreeOfParallelism = 2, ChunkRows = 25 }).ToList();
        Assert.True(chunks.Count > 5);
        Assert.Equal(whole, Text(chunks));
        // The first 30 entities of a sample of 80 are a sample of 30, identifiers included.
        var first30 = Text([model.Sample(30, seed: 5)]).Split('\n');
        Assert.All(first30.Zip(whole.Split('\n')), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        var loaded = SequenceModelArtifact.FromBytes(SequenceModelArtifact.ToBytes(model));
        Assert.Equal(whole, Text([loaded.Sample(80, seed: 5)]));
        Assert.Equal(["txn_id", "email", "note"], loaded.GeneratedColumns.Select(g => g.Name));
    }

    [Fact]
    public void A_model_without_generated_columns_writes_no_generated_field()
    {
        var model = SequenceFixtures.Train(SequenceFixtures.WriteAr1(_folder, entities: 20), _folder.File("ar.synth")).Model;
        Assert.Empty(model.GeneratedColumns);
        // The JSON header: after the 8-byte magic, the format version and the header's length.
        var bytes = SequenceModelArtifact.ToBytes(model);
        var header = Encoding.UTF8.GetString(bytes, 16, BitConverter.ToInt32(bytes, 12));
        Assert.StartsWith("{", header, StringComparison.Ordinal);
        Assert.DoesNotContain("\"generated\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("sharedShare", header, StringComparison.Ordinal);
        Assert.DoesNotContain("\"labels\"", header, StringComparison.Ordinal);
    }
}
