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
