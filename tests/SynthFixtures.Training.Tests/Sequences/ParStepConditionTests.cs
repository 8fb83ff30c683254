using System.Globalization;
using System.Text;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Conditions;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Training.Sequences;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>
/// Conditions on a step's values under the PAR step model: a small model trained on an AR(1) panel whose regime (the
/// context) shifts the level (low: around 0, high: around 5) and the length (low: 6–8 steps, high: 12–14).
/// </summary>
public sealed class ParStepConditionTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synthfixtures-par-stepcond-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WritePanel(int entities, long seed)
    {
        var random = new SynthRandom(seed);
        var csv = new StringBuilder("entity,t,regime,x\n");
        for (var e = 0; e < entities; e++)
        {
            var high = e % 2 == 1;
            var mean = high ? 5.0 : 0.0;
            var length = high ? 12 + random.NextInt(3) : 6 + random.NextInt(3);
            var x = mean + random.NextNormal() / Math.Sqrt(1 - 0.64);
            for (var t = 0; t < length; t++)
            {
                if (t > 0) x = mean + 0.8 * (x - mean) + random.NextNormal();
                csv.Append(CultureInfo.InvariantCulture, $"e{e},{t},{(high ? "high" : "low")},{x:F2}\n");
            }
        }
        var path = Path.Combine(_folder, "panel.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private sealed record Entity(string Regime, double[] Xs);


    private static List<Entity> Entities(SampledSequences sample)
    {
        var table = sample.Rows.ToTable();
        int regime = table.IndexOf("regime"), x = table.IndexOf("x");
        return Enumerable.Range(0, sample.EntityCount).Select(i =>
        {
            var rows = Enumerable.Range(sample.EntityStart(i), sample.Lengths[i]).ToArray();
            return new Entity(table[rows[0], regime]!, rows.Select(r => double.Parse(table[r, x]!, CultureInfo.InvariantCulture)).ToArray());
        }).ToList();
    }

    private static (double High, double Length, double Fourth) Summary(IReadOnlyList<Entity> entities) => (
        entities.Count(e => e.Regime == "high") / (double)entities.Count,
        entities.Average(e => e.Xs.Length),
        entities.Where(e => e.Xs.Length > 3).Average(e => e.Xs[3]));

    [Fact]
    public void Step_conditions_under_par_first_exact_every_on_each_row_some_on_each_entity_same_for_any_thread_count()
    {
        var model = new SequenceTrainingService(ModelTrainers.Core, NeuralSequenceTrainers.AddTo(SequenceStepTrainers.Core)).Train(new SequenceTrainingRequest
        {
            DataPath = WritePanel(120, seed: 2),
            Sequence = new SequenceMetadata { EntityColumns = ["entity"], IndexColumn = "t", ContextColumns = ["regime"] },
            ContextGiven = true,
            StepModelKind = SequenceModelKinds.Par,
            ModelPath = Path.Combine(_folder, "par.synth"),
            Settings = new Dictionary<string, string>
            {
                ["epochs"] = "40", ["batch-size"] = "16", ["hidden-width"] = "16", ["chunk-length"] = "14", ["learning-rate"] = "0.01", ["threads"] = "1",
            },
        }).Model;

        // first: the conditioned sample against the model's own entities that meet the condition.
        var all = Entities(model.Sample(6_000, seed: 5));
        var filtered = all.Where(e => e.Xs[0] >= 3).ToList();
        var tally = new StepConditionTally();
        var conditioned = Entities(model.Sample(1_500, seed: 6, null, [StepCondition.Parse("first:x>=3")], tally));
        Assert.All(conditioned, e => Assert.True(e.Xs[0] >= 3, $"first x {e.Xs[0]}"));
        var (allHigh, allLength, _) = Summary(all);
        var (high, length, fourth) = Summary(filtered);
        var (conditionedHigh, conditionedLength, conditionedFourth) = Summary(conditioned);
        output.WriteLine(FormattableString.Invariant(
            $"unconditioned: high {allHigh:P1}, length {allLength:F2}; filtered ({filtered.Count}): high {high:P1}, length {length:F2}, fourth x {fourth:F3}; conditioned: high {conditionedHigh:P1}, length {conditionedLength:F2}, fourth x {conditionedFourth:F3}; acceptance {tally.AcceptanceRate:P2}"));
        Assert.True(high - allHigh > 0.2, $"the condition must move the regimes for the test to mean anything ({allHigh:P1} → {high:P1})");
        Assert.InRange(conditionedHigh, high - 0.04, high + 0.04);
        Assert.InRange(conditionedLength, length - 0.4, length + 0.4);
        Assert.InRange(conditionedFourth, fourth - 0.25, fourth + 0.25);

        // every: each row; some: each entity, with the acceptance counted.
        var every = new StepConditionTally();
        var low = Entities(model.Sample(100, seed: 7, null, [StepCondition.Parse("every:x<=1")], every));
        Assert.All(low, e => Assert.All(e.Xs, x => Assert.True(x <= 1, $"x {x}")));
        var some = new StepConditionTally();
        var peaks = Entities(model.Sample(100, seed: 8, null, [StepCondition.Parse("some:x>=7")], some));
        Assert.All(peaks, e => Assert.Contains(e.Xs, x => x >= 7));
        Assert.True(some.EntityAttempts > 100 && some.AcceptanceRate < 1);
        output.WriteLine(FormattableString.Invariant($"every x<=1: {every.StepsRedrawn} steps redrawn, acceptance {every.AcceptanceRate:P2}; some x>=7: acceptance {some.AcceptanceRate:P2}"));

        // The same entities for any thread count and chunk size.
        string Text(int threads, int chunkRows) => model.Sample(60, seed: 9, null, [StepCondition.Parse("first:x>=3"), StepCondition.Parse("some:x>=6")], null,
            new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows }).Rows.ToTable().Text();
        var one = Text(1, 8_192);
        Assert.Equal(one, Text(2, 8_192));
        Assert.Equal(one, Text(2, 40));
    }
}

internal static class TableText
{
    /// <summary>Every cell, row by row, for comparing samples.</summary>
    public static string Text(this SynthFixtures.Data.Table table) => string.Join("\n",
        Enumerable.Range(0, table.RowCount).Select(r => string.Join(",", Enumerable.Range(0, table.ColumnCount).Select(c => table[r, c]))));
}
