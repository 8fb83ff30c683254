using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>The missing-text model: a logistic regression of "no text" on the context tokens.</summary>
public class MissingTextModelTests
{
    /// <summary>Two context columns: tokens 0/1 (text always there / missing a fifth of the time) and 2/3 (no bearing).</summary>
    private static (int[][] Contexts, bool[] Missing) Rows(int count)
    {
        var random = new SynthRandom(4);
        var contexts = new int[count][];
        var missing = new bool[count];
        for (var r = 0; r < count; r++)
        {
            var helpful = random.NextDouble() < 0.5;
            contexts[r] = [helpful ? 0 : 1, random.NextDouble() < 0.5 ? 2 : 3];
            missing[r] = !helpful && random.NextDouble() < 0.2;
        }
        return (contexts, missing);
    }

    [Fact]
    public void The_fitted_rate_follows_the_context_that_explains_it_and_ignores_the_one_that_does_not()
    {
        var (contexts, missing) = Rows(6000);

        var model = MissingTextModel.Fit(contexts, missing, contextTokens: 4)!;

        Assert.True(model.Probability([0, 2]) < 0.01, $"{model.Probability([0, 2]):F4}");
        Assert.InRange(model.Probability([1, 2]), 0.17, 0.23);
        // Chance alone differs by about 0.015 (one standard error) between the two halves.
        Assert.InRange(model.Probability([1, 3]) - model.Probability([1, 2]), -0.05, 0.05);
        // The intercept is not penalised, so the mean predicted rate is the observed rate.
        Assert.Equal(missing.Count(m => m) / (double)missing.Length, contexts.Average(c => model.Probability(c)), 3);
    }

    [Fact]
    public void The_fit_keeps_the_training_share_and_the_column_that_explains_missing_texts_has_the_wider_spread()
    {
        var (contexts, missing) = Rows(6000);
        var model = MissingTextModel.Fit(contexts, missing, contextTokens: 4)!;
        var context = new TextContextEncoder([new ContextColumn("Helpful", ColumnKind.Categorical, null, [], null), new ContextColumn("Noise", ColumnKind.Categorical, null, [], null)]);

        Assert.Equal(missing.Count(m => m) / (double)missing.Length, model.TrainingShare);
        var spreads = model.ColumnSpreads(context);
        Assert.True(spreads[0] > 3, $"helpful: {spreads[0]:F2}");
        Assert.True(spreads[1] < 0.5, $"noise: {spreads[1]:F2}");
        Assert.Throws<ArgumentException>(() => new MissingTextModel(0, [0.0], trainingShare: 1.5));
    }

    [Fact]
    public void No_missing_text_gives_no_model_and_the_fit_is_deterministic()
    {
        var (contexts, missing) = Rows(500);
        Assert.Null(MissingTextModel.Fit(contexts, new bool[contexts.Length], 4));
        Assert.Equal(MissingTextModel.Fit(contexts, missing, 4)!.Weights, MissingTextModel.Fit(contexts, missing, 4)!.Weights);
        Assert.Throws<ArgumentException>(() => new MissingTextModel(double.NaN, [0.0]));
    }
}
