using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Evaluation;

public class UtilityEvaluatorTests
{
    private static readonly Table Training = MixedTestTable.Create(800, seed: 31);
    private static readonly Table Holdout = MixedTestTable.Create(400, seed: 32);

    [Fact]
    public void Synthetic_rows_that_keep_the_relation_train_as_well_as_real_ones_and_broken_ones_do_not()
    {
        var metadata = MixedTestTable.Metadata();
        var faithful = UtilityEvaluator.Evaluate(Training, MixedTestTable.Create(800, seed: 33), Holdout, metadata, "group", seed: 1);
        var broken = UtilityEvaluator.Evaluate(Training, WithReversedGroups(MixedTestTable.Create(800, seed: 33)), Holdout, metadata, "group", seed: 1);

        Assert.Equal(UtilityTask.Classification, faithful.Task);
        Assert.Equal(["FastTree", "Linear"], faithful.Scores.Select(s => s.Learner));
        // 'group' follows x, so a learner trained on real rows predicts it well.
        Assert.All(faithful.Scores, s => Assert.True(s.RealTrained > 0.7, $"{s.Learner} real F1 {s.RealTrained}"));
        Assert.True(faithful.Ratio > 0.9, $"faithful ratio {faithful.Ratio}");
        // Labels reversed against x teach the opposite rule.
        Assert.True(broken.Ratio < 0.3, $"broken ratio {broken.Ratio}");
        Assert.True(broken.Detection!.Auc > faithful.Detection!.Auc);
        Assert.InRange(faithful.Detection.Auc, 0.35, 0.65);
    }

    [Fact]
    public void Both_detectors_run_on_the_same_rows_and_the_strongest_gives_the_score()
    {
        var report = UtilityEvaluator.Evaluate(Training, MixedTestTable.Create(800, seed: 33), null, MixedTestTable.Metadata(), null, seed: 1);

        Assert.Equal(["logistic regression", "gradient-boosted trees"], report.Detections.Select(d => d.Learner));
        Assert.All(report.Detections, d => Assert.Equal(800, d.RowsPerSide));
        Assert.Equal(report.Detections.Max(d => d.Auc), report.Detection!.Auc);
    }

    [Fact]
    public void The_boosted_detector_cannot_tell_two_samples_of_one_distribution_apart()
    {
        var boosted = Boosted(MixedTestTable.Create(1500, seed: 34), MixedTestTable.Create(1500, seed: 35));

        Assert.InRange(boosted.Auc, 0.4, 0.6);
    }

    [Fact]
    public void The_boosted_detector_tells_clearly_different_tables_apart()
    {
        var real = MixedTestTable.Create(1500, seed: 34);
        var shifted = Boosted(real, Transform(MixedTestTable.Create(1500, seed: 35), "x", x => x + 30));

        Assert.True(shifted.Auc > 0.95, $"shifted AUC {shifted.Auc}");
    }

    [Fact]
    public void The_boosted_detector_sees_a_reversed_relation_the_linear_one_misses()
    {
        // y mirrored around its mean keeps every marginal but turns ρ(x, y) from +0.7 to −0.7: no single feature moves,
        // so a linear score of the features cannot separate the tables, while trees split on x, then on y.
        var real = MixedTestTable.Create(1500, seed: 34);
        var mirrored = Transform(MixedTestTable.Create(1500, seed: 35), "y", y => 40 - y);
        var report = UtilityEvaluator.Evaluate(real, mirrored, null, MixedTestTable.Metadata(), null, seed: 1);
        var linear = report.Detections.Single(d => d.Learner == "logistic regression");
        var boosted = report.Detections.Single(d => d.Learner == "gradient-boosted trees");

        Assert.True(boosted.Auc > 0.75, $"boosted AUC {boosted.Auc}");
        Assert.True(boosted.Auc > linear.Auc + 0.15, $"boosted {boosted.Auc} vs linear {linear.Auc}");
        Assert.Same(boosted, report.Detection);
    }

    [Fact]
    public void Detection_is_the_same_for_the_same_seed()
    {
        var synthetic = MixedTestTable.Create(800, seed: 36);
        var one = UtilityEvaluator.Evaluate(Training, synthetic, null, MixedTestTable.Metadata(), null, seed: 9);
        var two = UtilityEvaluator.Evaluate(Training, synthetic, null, MixedTestTable.Metadata(), null, seed: 9);

        Assert.Equal(one.Detections, two.Detections);
    }

    private static DetectionScore Boosted(Table real, Table synthetic) =>
        UtilityEvaluator.Evaluate(real, synthetic, null, MixedTestTable.Metadata(), null, seed: 1)
            .Detections.Single(d => d.Learner == "gradient-boosted trees");

    private static Table Transform(Table table, string column, Func<double, double> change)
    {
        var index = table.IndexOf(column);
        var columns = table.ColumnNames.Select((_, c) => table.Column(c).Select(cell => c != index || cell is null ? cell
            : change(double.Parse(cell, CultureInfo.InvariantCulture)).ToString("F3", CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return new Table(table.ColumnNames, columns);
    }

    [Fact]
    public void A_target_that_is_not_evaluated_is_bad_input()
    {
        var error = Assert.Throws<SynthDataException>(() =>
            UtilityEvaluator.Evaluate(Training, Training, Holdout, MixedTestTable.Metadata(), "id", seed: 1));

        Assert.Equal("id", error.ColumnName);
    }

    private static Table WithReversedGroups(Table table)
    {
        var group = table.IndexOf("group");
        var columns = table.ColumnNames.Select((_, c) => table.Column(c)
            .Select(cell => c != group ? cell : cell == " high" ? " low" : " high").ToArray()).ToArray();
        return new Table(table.ColumnNames, columns);
    }
}
