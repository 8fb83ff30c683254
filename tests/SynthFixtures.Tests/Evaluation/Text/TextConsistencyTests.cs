using SynthFixtures.Data;
using SynthFixtures.Evaluation.Text;
using static SynthFixtures.Tests.Evaluation.Text.TextCorpora;

namespace SynthFixtures.Tests.Evaluation.Text;

/// <summary>Consistency on a corpus whose text tells its label (three balanced topics), against a label that is noise.</summary>
public class TextConsistencyTests
{
    private static TextColumnReport Run(Table training, Table synthetic, Table? holdout, SynthFixtures.Metadata.TableMetadata metadata, string? label = null) =>
        Assert.Single(TextEvaluator.Evaluate(new TextEvaluationInput
        {
            Training = training, Synthetic = synthetic, Holdout = holdout, Metadata = metadata,
            Options = new TextEvaluationOptions { ConsistencyLabel = label },
        }).Columns);

    [Fact]
    public void Synthetic_text_drawn_like_the_real_text_keeps_the_ratio_near_one()
    {
        var (training, metadata) = Labelled(1500, seed: 1);
        var (holdout, _) = Labelled(500, seed: 2);
        var (synthetic, _) = Labelled(1500, seed: 3);

        var k = Run(training, synthetic, holdout, metadata)!.Consistency!;

        Assert.Equal("topic", k.Label); // chosen over the noise column
        Assert.True(k.ChosenAutomatically);
        Assert.Equal("holdout", k.RealBasis);
        Assert.Equal(3, k.Classes);
        Assert.InRange(k.RealAccuracy, 0.8, 1.0);
        Assert.InRange(k.Ratio, 0.95, 1.0);
        Assert.InRange(k.KappaRatio, 0.9, 1.0);
        Assert.Equal(500, k.RealTexts);
        Assert.Equal(1500, k.SyntheticTexts);
    }

    [Fact]
    public void Text_that_does_not_fit_its_row_scores_low()
    {
        var (training, metadata) = Labelled(1500, seed: 1);
        var (holdout, _) = Labelled(500, seed: 2);
        var (shuffled, _) = Labelled(1500, seed: 3, shuffleLabels: true);

        var k = Run(training, shuffled, holdout, metadata, label: "topic")!.Consistency!;

        Assert.False(k.ChosenAutomatically);
        Assert.InRange(k.SyntheticAccuracy, 0.2, 0.45); // three balanced topics: chance is a third
        Assert.InRange(k.Ratio, 0.0, 0.5);
        Assert.InRange(k.KappaRatio, 0.0, 0.15);
    }

    [Fact]
    public void Without_a_holdout_the_real_accuracy_comes_from_a_held_out_fifth_of_training()
    {
        var (training, metadata) = Labelled(1000, seed: 5);

        var k = Run(training, Labelled(300, seed: 6).Table, holdout: null, metadata)!.Consistency!;

        Assert.Equal("a held-out fifth of training", k.RealBasis);
        Assert.Equal(200, k.RealTexts);
        Assert.InRange(k.Ratio, 0.9, 1.0);
    }

    [Fact]
    public void No_column_is_chosen_when_the_text_predicts_none()
    {
        var (training, metadata) = Labelled(900, seed: 7);
        // Only the noise label left as a candidate.
        var noTopic = new Table(["notes", "noise"], [training.Column("notes").ToArray(), training.Column("noise").ToArray()]);
        var onlyNoise = new SynthFixtures.Metadata.TableMetadata { Columns = metadata.Columns.Where(c => c.Name is "notes" or "noise").ToArray() };

        var c = Run(noTopic, noTopic, null, onlyNoise);

        Assert.Null(c.Consistency);
    }

    [Fact]
    public void A_label_that_is_not_a_column_is_refused_naming_the_setting()
    {
        var (training, metadata) = Labelled(50, seed: 8);

        var error = Assert.Throws<SynthDataException>(() => Run(training, training, null, metadata, label: "Rating"));

        Assert.Contains("'Rating'", error.Message);
        Assert.Equal([SettingNames.Text], error.Settings);
    }

    [Fact]
    public void Samples_show_the_row_with_the_consistency_label_first()
    {
        var (training, metadata) = Labelled(600, seed: 9);
        var (synthetic, _) = Labelled(600, seed: 10);

        var c = Run(training, synthetic, null, metadata);

        Assert.Equal(3, c.Samples.Count);
        foreach (var s in c.Samples)
        {
            Assert.Equal(synthetic.Column("notes")[s.Row], s.Text);
            Assert.Equal(["topic", "noise"], s.Context.Select(p => p.Key));
            Assert.Equal(synthetic.Column("topic")[s.Row], s.Context[0].Value);
        }
    }
}
