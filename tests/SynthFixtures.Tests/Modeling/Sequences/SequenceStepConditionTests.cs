using System.Globalization;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Conditions;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary>
/// Conditions on a step's values, on the lagged copula trained on the invented AR(1) panel (EU: 15–20 steps around +2;
/// US: 35–45 steps around −2, so the region shifts both the level and the length).
/// </summary>
public sealed class SequenceStepConditionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SequenceModel _model;
    private readonly ITestOutputHelper _output;

    public SequenceStepConditionTests(ITestOutputHelper output)
    {
        _output = output;
        _model = SequenceFixtures.Train(SequenceFixtures.WriteAr1(_folder), _folder.File("s.synth")).Model;
    }

    public void Dispose() => _folder.Dispose();

    private sealed record Entity(string Region, int Length, double[] Readings, string[] States);

    private static List<Entity> Entities(SampledSequences sample)
    {
        var table = sample.Rows.ToTable();
        int region = table.IndexOf("region"), reading = table.IndexOf("reading"), state = table.IndexOf("state");
        return Enumerable.Range(0, sample.EntityCount).Select(i =>
        {
            var rows = Enumerable.Range(sample.EntityStart(i), sample.Lengths[i]).ToArray();
            return new Entity(table[rows[0], region]!, rows.Length,
                rows.Select(r => double.Parse(table[r, reading]!, CultureInfo.InvariantCulture)).ToArray(),
                rows.Select(r => table[r, state]!).ToArray());
        }).ToList();
    }

    private static (double Eu, double Length, double Third) Summary(IReadOnlyList<Entity> entities) => (
        entities.Count(e => e.Region == "EU") / (double)entities.Count,
        entities.Average(e => e.Length),
        entities.Where(e => e.Length > 2).Average(e => e.Readings[2]));

    [Fact]
    public void A_first_step_condition_gives_the_entities_of_the_model_that_meet_it_contexts_and_lengths_included()
    {
        var condition = StepCondition.Parse("first:reading>=2");
        var all = Entities(_model.Sample(20_000, seed: 5));
        var filtered = all.Where(e => e.Readings[0] >= 2).ToList();
        var tally = new StepConditionTally();
        var conditioned = Entities(_model.Sample(2_000, seed: 6, null, [condition], tally));
        Assert.All(conditioned, e => Assert.True(e.Readings[0] >= 2, $"first reading {e.Readings[0]}"));

        var (allEu, allLength, _) = Summary(all);
        var (eu, length, third) = Summary(filtered);
        var (conditionedEu, conditionedLength, conditionedThird) = Summary(conditioned);
        _output.WriteLine(FormattableString.Invariant(
            $"unconditioned: EU {allEu:P1}, length {allLength:F2}; filtered ({filtered.Count}): EU {eu:P1}, length {length:F2}, third reading {third:F3}; conditioned: EU {conditionedEu:P1}, length {conditionedLength:F2}, third reading {conditionedThird:F3}; acceptance {tally.AcceptanceRate:P2}"));
        // The condition changes which contexts are likely (a first step ≥ 2 is common in the EU, rare in the US): a
        // sampler that only forced the first step would keep the unconditioned share of regions and lengths.
        Assert.True(eu - allEu > 0.25, $"the condition must move the regions for the test to mean anything ({allEu:P1} → {eu:P1})");
        Assert.InRange(conditionedEu, eu - 0.03, eu + 0.03);
        // Lengths vary within a region (SD ≈ 9.5 steps), so the means of ~3,000 and 2,000 entities differ by ≈ 0.27 by chance;
        // without reweighting they would differ by about 6.
        Assert.InRange(conditionedLength, length - 1.0, length + 1.0);
        // A later step follows from the first one and the context as in the model's own entities that meet the condition.
        Assert.InRange(conditionedThird, third - 0.2, third + 0.2);
        // The acceptance is the model's probability of a first step ≥ 2.
        Assert.InRange(tally.AcceptanceRate, filtered.Count / (double)all.Count - 0.02, filtered.Count / (double)all.Count + 0.02);
        Assert.Equal(2_000, tally.EntitiesAccepted);
    }

    [Fact]
    public void An_every_step_condition_holds_on_every_row_and_counts_the_steps_it_redrew()
    {
        var tally = new StepConditionTally();
        var entities = Entities(_model.Sample(200, seed: 3, [Condition.Parse("region=US")], [StepCondition.Parse("every:state=low"), StepCondition.Parse("every:reading>=-4")], tally));
        Assert.All(entities, e => Assert.Equal("US", e.Region));
        Assert.All(entities, e => Assert.All(e.States, s => Assert.Equal("low", s)));
        Assert.All(entities, e => Assert.All(e.Readings, r => Assert.True(r >= -4, $"reading {r}")));
        Assert.True(tally.StepsRedrawn > 0);
        _output.WriteLine(FormattableString.Invariant($"every: {tally.EntitiesAccepted} of {tally.EntityAttempts} attempts, {tally.StepsRedrawn} steps redrawn"));
    }

    [Fact]
    public void A_some_step_or_last_step_condition_holds_on_every_entity_and_reports_its_acceptance()
    {
        var tally = new StepConditionTally();
        var entities = Entities(_model.Sample(150, seed: 4, null, [StepCondition.Parse("some:reading>=5"), StepCondition.Parse("last:state=high")], tally));
        Assert.All(entities, e => Assert.Contains(e.Readings, r => r >= 5));
        Assert.All(entities, e => Assert.Equal("high", e.States[^1]));
        Assert.Equal(150, tally.EntitiesAccepted);
        Assert.True(tally.EntityAttempts > 150);
        Assert.Equal(150 / (double)tally.EntityAttempts, tally.AcceptanceRate, 12);
        _output.WriteLine(FormattableString.Invariant($"some+last: acceptance {tally.AcceptanceRate:P2}"));
    }

    [Fact]
    public void A_step_condition_too_rare_for_the_budget_is_refused_with_the_measured_rate()
    {
        var options = new SamplingOptions { MinimumCandidates = 2_000, CandidatesPerRow = 10 };
        var error = Assert.Throws<SynthDataException>(() =>
            _model.Sample(20, seed: 1, null, [StepCondition.Parse("some:reading>=40")], null, options));
        Assert.Contains("too rare: 0 of 2,000 entity attempts (0.0000 %)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'some:reading>=40'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_refused_for_a_too_rare_step_condition_writes_nothing_and_keeps_the_earlier_file()
    {
        var target = _folder.File("sample.csv");
        File.WriteAllText(target, "an earlier, good file\n");
        var before = Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal).ToArray();
        Assert.Throws<SynthDataException>(() => SequenceSamplingService.Sample(new SequenceSamplingRequest
        {
            Model = _model, Entities = 20, OutputPath = target, Seed = 1,
            StepConditions = [StepCondition.Parse("some:reading>=40")],
            Options = new SamplingOptions { MinimumCandidates = 2_000, CandidatesPerRow = 10 },
        }));
        Assert.Equal("an earlier, good file\n", File.ReadAllText(target));
        Assert.Equal(before, Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("first:colour=red", "not a per-step column")]
    [InlineData("first:region=EU", "names the context column 'region'")]
    [InlineData("first:date>=2020-03-01", "the sequence index")]
    [InlineData("first:sensor=S-001", "the entity column")]
    [InlineData("every:state>=2", "compares the categorical column 'state' as a number")]
    [InlineData("every:state=medium", "never draws 'medium'")]
    [InlineData("first:reading>=abc", "'abc' is not a valid value")]
    [InlineData("some:reading=3..1", "its range holds no value")]
    public void A_step_condition_the_model_cannot_meet_is_refused_before_any_entity_is_drawn(string condition, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => _model.SampleEntities(5, 1, null, [StepCondition.Parse(condition)], null));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reading>=2")]
    [InlineData("firstt:reading>=2")]
    public void A_step_condition_without_a_known_scope_does_not_parse(string text)
    {
        var error = Assert.Throws<SynthDataException>(() => StepCondition.Parse(text));
        Assert.Contains("does not start with a scope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_condition_on_a_step_column_points_to_the_scoped_form()
    {
        var error = Assert.Throws<SynthDataException>(() => _model.SampleEntities(5, 1, [Condition.Parse("reading>0")]));
        Assert.Contains("first:reading>0", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_under_step_conditions_is_the_same_for_any_thread_count_and_chunk_size_and_its_first_entities_are_a_smaller_sample()
    {
        string Write(int threads, int chunkRows, int entities, string name)
        {
            var path = _folder.File(name);
            var result = SequenceSamplingService.Sample(new SequenceSamplingRequest
            {
                Model = _model, Entities = entities, OutputPath = path, Seed = 11,
                StepConditions = [StepCondition.Parse("first:reading>=1"), StepCondition.Parse("every:state=high"), StepCondition.Parse("some:reading>=3")],
                Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows },
            });
            Assert.Equal(entities, result.StepConditions!.EntitiesAccepted);
            return File.ReadAllText(path);
        }
        var one = Write(1, 8_192, 120, "a.csv");
        Assert.Equal(one, Write(2, 8_192, 120, "b.csv"));
        Assert.Equal(one, Write(2, 100, 120, "c.csv"));
        var fewer = Write(2, 300, 30, "d.csv");
        Assert.StartsWith(fewer, one, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_that_meets_the_conditions_at_its_first_attempt_is_the_entity_drawn_without_them()
    {
        // Attempt 0 uses the sample's own context and step streams, so conditions that everything meets change nothing.
        var plain = _model.Sample(50, seed: 8).Rows.ToTable();
        var conditioned = _model.Sample(50, seed: 8, null, [StepCondition.Parse("some:reading>=-1000")]).Rows.ToTable();
        Assert.Equal(plain.RowCount, conditioned.RowCount);
        for (var r = 0; r < plain.RowCount; r++)
            for (var c = 0; c < plain.ColumnCount; c++) Assert.Equal(plain[r, c], conditioned[r, c]);
    }
}
