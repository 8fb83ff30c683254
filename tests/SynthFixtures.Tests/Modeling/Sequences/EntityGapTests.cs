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
/// A panel of 200 units × 30 steps on an integer index (starts 0–9): 30 % of the units have one or two gaps of their
/// own (1 missing step half the time, 3 or 5 otherwise), and the value 20 is skipped by every unit (a shared gap).
/// </summary>
public sealed class EntityGapTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly long[] Sizes = [1, 1, 1, 1, 1, 3, 3, 3, 5, 5];

    private (SequenceModel Model, double Share, double MeanSize) Train()
    {
        var random = new SynthRandom(11);
        var csv = new StringBuilder("unit,t,value\n");
        int withGaps = 0, gapCount = 0;
        long missing = 0;
        for (var u = 0; u < 200; u++)
        {
            var gaps = random.NextDouble() < 0.3 ? 1 + random.NextInt(2) : 0;
            var after = Enumerable.Range(0, gaps).Select(_ => 2 + random.NextInt(25)).Distinct().ToHashSet();
            if (after.Count > 0) withGaps++;
            var t = (long)random.NextInt(10);
            for (var s = 0; s < 30; s++)
            {
                if (t == 20) t++;
                csv.Append(CultureInfo.InvariantCulture, $"U{u:000},{t},{random.NextNormal():F2}\n");
                t++;
                if (after.Contains(s))
                {
                    var size = Sizes[random.NextInt(Sizes.Length)];
                    // A gap over the shared skipped value keeps its own size.
                    for (var k = 0; k < size; k++) t += t == 20 ? 2 : 1;
                    gapCount++;
                    missing += size;
                }
            }
        }
        var path = _folder.File("units.csv");
        File.WriteAllText(path, csv.ToString());
        var model = new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = path,
            Sequence = new SequenceMetadata { EntityColumns = ["unit"], IndexColumn = "t" },
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = _folder.File("units.synth"),
        }).Model;
        return (model, withGaps / 200.0, missing / (double)gapCount);
    }

    /// <summary>Per entity, its own gaps' sizes: index values between two steps other than the shared 20.</summary>
    private static List<List<long>> OwnGaps(SampledSequences sample)
    {
        var t = sample.Rows["t"].Numbers!;
        return Enumerable.Range(0, sample.EntityCount).Select(e =>
        {
            var first = sample.EntityStart(e);
            var gaps = new List<long>();
            for (var i = first + 1; i < first + sample.Lengths[e]; i++)
            {
                var own = (long)(t[i] - t[i - 1] - 1) - (t[i - 1] < 20 && t[i] > 20 ? 1 : 0);
                if (own > 0) gaps.Add(own);
            }
            return gaps;
        }).ToList();
    }

    [Fact]
    public void The_share_of_entities_with_gaps_and_the_gap_sizes_are_reproduced()
    {
        var (model, share, meanSize) = Train();
        Assert.NotNull(model.Index.EntityGaps);
        Assert.Equal([20.0], model.Index.SkippedValues!);
        var sample = model.Sample(1_000, seed: 2);
        var t = sample.Rows["t"].Numbers!;
        Assert.DoesNotContain(20.0, t);
        Assert.All(sample.Lengths, length => Assert.Equal(30, length));
        var gaps = OwnGaps(sample);
        Assert.InRange(gaps.Count(g => g.Count > 0) / 1_000.0, share - 0.06, share + 0.06);
        var sizes = gaps.SelectMany(g => g).ToList();
        Assert.InRange(sizes.Average(), meanSize - 0.4, meanSize + 0.4);
        Assert.All(sizes, size => Assert.Contains(size, new long[] { 1, 3, 5 }));
        Assert.InRange(sizes.Count(s => s == 1) / (double)sizes.Count, 0.4, 0.6);
        // Never more than two gaps in an entity, as in the source (the count is learned as labels 0, 1, 2).
        Assert.All(gaps, g => Assert.InRange(g.Count, 0, 2));
    }

    [Fact]
    public void Gaps_are_the_same_for_any_thread_count_and_chunk_size_and_after_a_round_trip()
    {
        var model = Train().Model;
        var whole = model.Sample(200, seed: 4, options: new SamplingOptions { MaxDegreeOfParallelism = 1 }).Rows["t"].Numbers!;
        var chunks = model.SampleEntities(200, seed: 4, options: new SamplingOptions { MaxDegreeOfParallelism = 2, ChunkRows = 100 }).ToList();
        Assert.True(chunks.Count > 10);
        Assert.Equal(whole, chunks.SelectMany(c => c.Rows["t"].Numbers!).ToArray());
        var loaded = SequenceModelArtifact.FromBytes(SequenceModelArtifact.ToBytes(model));
        Assert.Equal(model.Index.EntityGaps!.Sizes, loaded.Index.EntityGaps!.Sizes);
        Assert.Equal(whole, loaded.Sample(200, seed: 4).Rows["t"].Numbers!);
    }

    [Fact]
    public void A_panel_without_gaps_of_its_own_learns_none()
    {
        var model = SequenceFixtures.Train(SequenceFixtures.WriteAr1(_folder, entities: 20), _folder.File("ar.synth")).Model;
        Assert.Null(model.Index.EntityGaps);
        Assert.Null(model.ContextModel.Metadata.Find("sequence_gaps"));
    }
}
