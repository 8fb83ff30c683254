using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Evaluation.Sequences;
using SynthFixtures.Evaluation.Utility;

namespace SynthFixtures.Tests.Evaluation.Sequences;

public class SequenceEvaluatorTests
{
    private static readonly Table Panel = SequencePanel.Create(entities: 40, steps: 60, seed: 7);

    [Fact]
    public void Identical_sets_score_one_on_every_part_and_every_sequence_counts_as_copied()
    {
        var set = SequencePanel.Set(Panel);
        var report = SequenceEvaluator.Evaluate(set, SequencePanel.Set(Panel));

        Assert.All(report.Parts, p => Assert.Equal(1.0, p.Score!.Value, 9));
        Assert.Equal(1.0, report.Overall, 9);
        Assert.All(report.StepShapes.Concat(report.ContextShapes), s => Assert.Equal(1.0, s.Score, 9));
        Assert.All(report.Autocorrelations, a => Assert.Equal(1.0, a.Score, 9));
        Assert.All(report.CrossCorrelations, c => Assert.Equal(1.0, c.Score, 9));
        Assert.All(report.StepChanges, c => Assert.Equal(1.0, c.Score, 9));
        Assert.Equal(40, report.Privacy.CopiedEntities);
        Assert.Equal(0.0, report.Privacy.NotCopiedScore);
        Assert.Equal(0.0, report.Privacy.Dcr.SyntheticDcr.Median);
        // The AR(1) coefficient shows in the real lag-1 autocorrelation (shrunk a little by 60-step sequences).
        Assert.InRange(report.Autocorrelations.Single(a => a.Column == "x").Real[0]!.Value, 0.65, 0.85);
    }

    [Fact]
    public void Steps_shuffled_within_entities_keep_the_shapes_but_lose_the_autocorrelation()
    {
        var realHalf = SequencePanel.Set(SequencePanel.Entities(Panel, e => e % 2 == 0));
        var otherHalf = SequencePanel.Set(SequencePanel.Entities(Panel, e => e % 2 == 1));
        var shuffled = SequencePanel.Set(SequencePanel.ShuffledWithinEntities(SequencePanel.Entities(Panel, e => e % 2 == 0), seed: 3));

        var split = SequenceEvaluator.Evaluate(realHalf, otherHalf);
        var broken = SequenceEvaluator.Evaluate(realHalf, shuffled);

        // The same values per entity: every step column's shape is exact.
        Assert.All(broken.StepShapes, s => Assert.Equal(1.0, s.Score, 9));
        var splitAcf = split.Autocorrelations.Single(a => a.Column == "x").Score;
        var brokenAcf = broken.Autocorrelations.Single(a => a.Column == "x").Score;
        Assert.True(splitAcf > 0.95, $"real vs real split: {splitAcf}");
        Assert.True(brokenAcf < splitAcf - 0.15, $"shuffled {brokenAcf} vs split {splitAcf}");
        Assert.InRange(broken.Autocorrelations.Single(a => a.Column == "x").Synthetic[0]!.Value, -0.15, 0.15);
        // Shuffling breaks the small steps of an AR(1) and the persistence of the Markov state too.
        Assert.True(broken.StepChanges.Single(c => c.Column == "x").Score < split.StepChanges.Single(c => c.Column == "x").Score - 0.1);
        Assert.True(broken.StepChanges.Single(c => c.Column == "state").Score < split.StepChanges.Single(c => c.Column == "state").Score - 0.1);
        // x and y move together at each step whatever the order, so their within-entity correlation stays.
        Assert.True(broken.CrossCorrelations.Single().Score > 0.97);
    }

    [Fact]
    public void Changed_lengths_lower_the_length_score()
    {
        var real = SequencePanel.Set(Panel);
        var same = SequenceEvaluator.Evaluate(real, SequencePanel.Set(SequencePanel.Create(40, 60, seed: 8)));
        var shorter = SequenceEvaluator.Evaluate(real, SequencePanel.Set(SequencePanel.Create(40, 60, seed: 8, lengthOf: e => 20 + e % 20)));

        Assert.Equal(1.0, same.Lengths.Score);
        Assert.Equal(0.0, shorter.Lengths.Score, 9);
        Assert.Equal(60, shorter.Lengths.RealMax);
        Assert.Equal(39, shorter.Lengths.SyntheticMax);
    }

    [Fact]
    public void An_exact_copy_of_a_real_entity_is_counted_and_fresh_sequences_are_not()
    {
        var fresh = SequencePanel.Rows(SequencePanel.Create(20, 60, seed: 9, prefix: "s"));
        // Real entity e005's steps under a new key, with numbers written differently ("1.50" for "1.5").
        var copy = SequencePanel.Rows(Panel).Where(r => r[0] == "e005")
            .Select(r => new[] { "copy", r[1], r[2], r[3] + (r[3]!.Contains('.') ? "0" : ".0"), r[4], r[5], r[6], r[7] }).ToArray();
        var synthetic = SequencePanel.Set(SequencePanel.FromRows([.. fresh, .. copy]));

        var report = SequenceEvaluator.Evaluate(SequencePanel.Set(Panel), synthetic);

        Assert.Equal(1, report.Privacy.CopiedEntities);
        Assert.Equal(21, report.Privacy.SyntheticEntities);
        Assert.Equal(1 - 1 / 21.0, report.Privacy.NotCopiedScore, 9);
        Assert.Equal(0, SequenceEvaluator.Evaluate(SequencePanel.Set(Panel), SequencePanel.Set(SequencePanel.FromRows(fresh))).Privacy.CopiedEntities);
    }

    [Fact]
    public void A_holdout_gives_the_overfitting_baseline_on_the_summaries()
    {
        var panel = SequencePanel.Create(entities: 120, steps: 30, seed: 21);
        var training = SequencePanel.Set(SequencePanel.Entities(panel, e => e < 60));
        var holdout = SequencePanel.Set(SequencePanel.Entities(panel, e => e >= 60));
        var memorised = SequenceEvaluator.Evaluate(training, SequencePanel.Set(SequencePanel.Entities(panel, e => e < 40)), holdout);
        var fresh = SequenceEvaluator.Evaluate(training, SequencePanel.Set(SequencePanel.Create(60, 30, seed: 22)), holdout);

        Assert.Equal(40, memorised.Privacy.CopiedEntities);
        Assert.Equal(0, memorised.Privacy.CopiedFromHoldout);
        Assert.Equal(0.0, memorised.Privacy.Dcr.DcrOverfitting!.Score, 9);
        var o = fresh.Privacy.Dcr.DcrOverfitting!;
        Assert.True(o.Score > 0.6, $"fresh: {o.ShareCloserToTraining} closer to training, expected {o.ExpectedShare}");
    }

    [Fact]
    public void Detection_on_sequence_summaries_tells_shuffled_sequences_from_real_ones()
    {
        var panel = SequencePanel.Create(entities: 60, steps: 40, seed: 12, phi: 0.9);
        var real = SequencePanel.Set(panel);
        var shuffled = SequenceEvaluator.Evaluate(real, SequencePanel.Set(SequencePanel.ShuffledWithinEntities(panel, seed: 4)),
            detector: MlNetUtilityEvaluator.Instance);
        var fresh = SequenceEvaluator.Evaluate(real, SequencePanel.Set(SequencePanel.Create(60, 40, seed: 13, phi: 0.9)),
            detector: MlNetUtilityEvaluator.Instance);

        Assert.True(shuffled.Detection!.Best.Auc > 0.8, $"shuffled AUC {shuffled.Detection.Best.Auc}");
        Assert.True(fresh.Detection!.Best.Auc < 0.75, $"same process AUC {fresh.Detection.Best.Auc}");
        Assert.True(shuffled.Detection.Score < fresh.Detection.Score);
        Assert.Contains("x:acf1", shuffled.Detection.Features);
        Assert.Equal(60, shuffled.Detection.Best.RowsPerSide);
    }

    [Fact]
    public void With_too_few_entities_detection_classifies_windows_of_them()
    {
        // Four AR(1) entities of 200 steps: too few to classify whole, so each is cut into windows (40 a side of 20 steps).
        var real = SequencePanel.Create(4, 200, seed: 5);
        var shuffled = SequenceEvaluator.Evaluate(SequencePanel.Set(real), SequencePanel.Set(SequencePanel.ShuffledWithinEntities(real, seed: 4)),
            detector: MlNetUtilityEvaluator.Instance);
        var fresh = SequenceEvaluator.Evaluate(SequencePanel.Set(real), SequencePanel.Set(SequencePanel.Create(4, 200, seed: 6)),
            detector: MlNetUtilityEvaluator.Instance);

        Assert.Equal(20, shuffled.Detection!.WindowLength);
        Assert.Equal(40, shuffled.Detection.Best.RowsPerSide);
        Assert.True(shuffled.Detection.Best.Auc > 0.8, $"shuffled AUC {shuffled.Detection.Best.Auc}");
        Assert.True(fresh.Detection!.Best.Auc < 0.75, $"same process AUC {fresh.Detection.Best.Auc}");
        Assert.Contains("windows of 20 steps", SequenceReportMarkdown.DetectionText(shuffled));
        Assert.Contains("\"windowLength\": 20", SequenceReportJson.Serialize(shuffled));
    }

    [Fact]
    public void Detection_is_skipped_with_a_reason_when_even_windows_are_too_few()
    {
        var few = SequencePanel.Set(SequencePanel.Create(4, 30, seed: 5));
        var report = SequenceEvaluator.Evaluate(few, few, detector: MlNetUtilityEvaluator.Instance);
        Assert.Equal(10, report.Detection!.WindowLength); // 12 windows a side, the fewest detection takes is 10

        var shorter = SequencePanel.Set(SequencePanel.Create(4, 12, seed: 5));
        var skipped = SequenceEvaluator.Evaluate(shorter, shorter, detector: MlNetUtilityEvaluator.Instance);
        Assert.Null(skipped.Detection);
        Assert.Contains("at least 10 entities on each side (real 4, synthetic 4), or 10 windows of 8 steps", skipped.DetectionSkipReason);
    }

    [Fact]
    public void The_report_names_each_column_it_skipped_and_why()
    {
        var report = SequenceEvaluator.Evaluate(SequencePanel.Set(Panel), SequencePanel.Set(SequencePanel.Create(40, 60, seed: 8)));

        Assert.Equal(["entity", "note"], report.NotScored.Select(s => s.Column));
        Assert.Contains("free text", report.NotScored[1].Reason);
        var level = Assert.Single(report.SkippedParts, s => s.Column == "level" && s.Part == "autocorrelation");
        Assert.Contains("constant", level.Reason);
        Assert.Contains(report.SkippedParts, s => s.Column == "x × level" && s.Part == "cross-correlation");
        Assert.Equal("over 6 of 8 columns (not scored: entity (entity key: names whose sequence a row is; compared as the number of sequences and their lengths), note (free text, scored in the text section))", report.Coverage);
        var markdown = SequenceReportMarkdown.Write(report);
        Assert.Contains("- `level` (autocorrelation): no real sequence defines it", markdown);
        Assert.Contains("- `note`: free text", markdown);
    }

    [Fact]
    public void Json_holds_every_part_and_is_the_same_for_the_same_inputs_apart_from_timings()
    {
        string Json() => SequenceReportJson.Serialize(SequenceEvaluator.Evaluate(SequencePanel.Set(Panel), SequencePanel.Set(SequencePanel.Create(40, 60, seed: 8))));
        using var first = JsonDocument.Parse(Json());
        using var second = JsonDocument.Parse(Json());
        var root = first.RootElement;

        Assert.Equal(7, root.GetProperty("parts").GetArrayLength());
        Assert.Equal(5, root.GetProperty("autocorrelations")[0].GetProperty("real").GetArrayLength());
        Assert.Equal("KSComplement", root.GetProperty("stepChanges")[0].GetProperty("metric").GetString());
        Assert.Equal("no detection classifier was given", root.GetProperty("detectionSkipReason").GetString());
        Assert.Equal(JsonValue(root, "timings"), JsonValue(second.RootElement, "timings"));
    }

    [Fact]
    public void Different_sequence_metadata_is_refused()
    {
        var other = SynthFixtures.Transforms.Sequences.SequenceSet.From(Panel, SequencePanel.Metadata(), SequencePanel.Sequence with { ContextColumns = [] });
        var error = Assert.Throws<SynthDataException>(() => SequenceEvaluator.Evaluate(SequencePanel.Set(Panel), other));
        Assert.Contains("grouped differently", error.Message);
    }

    // The document without its audit's timings.
    private static string JsonValue(JsonElement root, string skip) =>
        string.Join("\n", root.EnumerateObject().Where(p => p.Name != "audit").Select(p => p.Value.GetRawText()))
        + root.GetProperty("audit").EnumerateObject().Where(p => !p.Name.Contains(skip, StringComparison.OrdinalIgnoreCase)).Aggregate("", (s, p) => s + p.Value.GetRawText());
}
