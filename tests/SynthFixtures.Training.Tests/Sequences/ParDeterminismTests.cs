using System.Globalization;
using System.Text;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Sequences;
using SynthFixtures.Transforms.Sequences;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>
/// Training PAR twice with one seed gives the same bytes, on panels whose entities start and end in different months
/// (so batches are padded) with a monthly date index (so every step carries month-of-year covariates).
/// </summary>
public sealed class ParDeterminismTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synthfixtures-par-determinism-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A chunk's inputs sit where libtorch's allocator puts its own buffers (64-byte aligned), wherever the managed heap
    /// placed the arrays the chunk was built from, and the network's outputs on them do not move with those arrays.
    /// Libtorch's CPU kernels (the GRU's and the linear layers' matrix products) round differently for differently aligned
    /// operands (on the stocks panel, one chunk's outputs took four different sets of last bits over sixteen offsets of
    /// one float), and where a managed array lands differs from one process to the next; here the arrays are moved by
    /// keeping objects of other sizes alive before each chunk is built, which is what a process's history of allocations does.
    /// </summary>
    [Fact]
    public void A_chunk_keeps_its_inputs_in_aligned_memory_wherever_its_arrays_were_allocated()
    {
        TorchRuntime.EnsureLoaded();
        var data = MonthlyData();
        using var network = new ParNetwork(data.InputWidth, hiddenWidth: 64, layers: 1, data.Layout.OutputWidth);
        var members = Enumerable.Range(0, 5).Select(e => new ParSpan(e, data.Set.Entities[e].Length, 0)).ToArray();
        var kept = new List<byte[]>();
        float[]? first = null;
        for (var shift = 0; shift < 8; shift++)
        {
            kept.Add(new byte[8 * shift + 1]);
            using var scope = NewDisposeScope();
            using var noGradient = no_grad();
            using var chunk = ParChunk.Of(data, members, start: 0, time: 64);
            Assert.Equal(0, (long)chunk.Inputs.storage<float>().data_ptr() % 64);
            var values = network.Forward(chunk.Inputs, null).Outputs.data<float>().ToArray();
            first ??= values;
            Assert.True(first.AsSpan().SequenceEqual(values), $"The outputs changed after a shift of {8 * shift} bytes.");
        }
        GC.KeepAlive(kept);
    }

    [Fact]
    public void Training_twice_with_one_seed_writes_identical_bytes_on_a_monthly_panel_of_unequal_lengths()
    {
        var csv = WritePanel();
        var paths = new[] { Path.Combine(_folder, "first.synth"), Path.Combine(_folder, "second.synth") };
        foreach (var path in paths)
        {
            var trained = new SequenceTrainingService(ModelTrainers.Core, NeuralSequenceTrainers.AddTo(SequenceStepTrainers.Core)).Train(new SequenceTrainingRequest
            {
                DataPath = csv,
                Sequence = new SequenceMetadata { EntityColumns = ["shop"], IndexColumn = "month" },
                StepModelKind = SequenceModelKinds.Par,
                ModelPath = path,
                Seed = 1,
                Settings = new Dictionary<string, string> { ["epochs"] = "5", ["threads"] = "1" },
            }).Model;
            Assert.Equal("month of year", trained.Covariates?.Describe());
        }
        Assert.Equal(File.ReadAllBytes(paths[0]), File.ReadAllBytes(paths[1]));
    }

    /// <summary>
    /// Five entities of 64 monthly steps but the last of 30, starting in different months, with their month-of-year
    /// covariates; x is a mixture of four normals (so several modes).
    /// </summary>
    private static ParTrainingData MonthlyData()
    {
        var random = new SynthRandom(5);
        var covariates = new StepCovariates([StepCycle.MonthOfYear]);
        var (ids, xs, perEntity) = (new List<string?>(), new List<string?>(), new List<float[]>());
        int[] lengths = [64, 64, 64, 64, 30];
        for (var e = 0; e < lengths.Length; e++)
        {
            var seconds = new double[lengths[e]];
            for (var t = 0; t < lengths[e]; t++)
            {
                seconds[t] = new DateTime(2000, 1, 1).AddMonths(4 * e + t).Ticks / (double)TimeSpan.TicksPerSecond;
                ids.Add("e" + e.ToString(CultureInfo.InvariantCulture));
                xs.Add((10 * random.NextInt(4) + random.NextNormal()).ToString("F2", CultureInfo.InvariantCulture));
            }
            perEntity.Add(covariates.Of(seconds));
        }
        var table = new Table(["entity", "x"], [[.. ids], [.. xs]]);
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "entity", Kind = ColumnKind.Identifier }, new ColumnMetadata { Name = "x", Kind = ColumnKind.Decimal, DecimalPlaces = 2 }],
        };
        var set = SequenceSet.From(table, metadata, new SequenceMetadata { EntityColumns = ["entity"] });
        return ParTrainingData.Prepare(set, set.StepColumns, [], seed: 1, CancellationToken.None, perEntity, covariates.Count);
    }

    /// <summary>Five shops with monthly sales from January 2000 to March 2010, but the last opens in August 2004.</summary>
    private string WritePanel()
    {
        var random = new SynthRandom(11);
        var csv = new StringBuilder("shop,month,sales\n");
        for (var e = 0; e < 5; e++)
        {
            var first = new DateTime(2000, 1, 1).AddMonths(e == 4 ? 55 : 0);
            var level = 0.0;
            for (var t = 0; t < (e == 4 ? 68 : 123); t++)
            {
                var month = first.AddMonths(t);
                level = 0.7 * level + random.NextNormal();
                var sales = 10 + 3 * Math.Sin(2 * Math.PI * (month.Month - 1) / 12) + level;
                csv.Append(CultureInfo.InvariantCulture, $"s{e},{month:yyyy-MM-dd},{sales:F2}\n");
            }
        }
        var path = Path.Combine(_folder, "shops.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
