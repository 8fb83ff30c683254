using MathNet.Numerics.Distributions;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models;

/// <summary>Conditions are met by every row, and the conditional distribution matches the theory of the fitted copula.</summary>
public sealed class ConditionalSamplingTests
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 2 }));

    /// <summary>ρ between the normal scores of x and y in the fitted model.</summary>
    private static double Rho => Model.Value.Correlation[0, 1];

    [Fact]
    public void Fixing_a_number_gives_the_conditional_normal_mean_of_the_others()
    {
        // x ~ N(50, 10): x = 60 is z = 1 (up to the fitted marginal), so E[z_y | z_x] = ρ·z_x.
        var model = Model.Value;
        var x = (NumericCopulaColumn)model.FindCopulaColumn("x");
        var zx = Normal.InvCDF(0, 1, x.Marginal.Interval(60).Lower);
        var sample = model.Sample(4000, seed: 9, [Condition.Parse("x=60")]);
        Assert.All(sample["x"].Numbers!, v => Assert.Equal(60, v));
        var y = (NumericCopulaColumn)model.FindCopulaColumn("y");
        var zy = sample["y"].Numbers!.Where(v => !double.IsNaN(v)).Select(v => Normal.InvCDF(0, 1, Math.Clamp(y.Marginal.Interval(v).Lower, 1e-9, 1 - 1e-9))).ToArray();
        var expected = Rho * zx;
        var standardError = Math.Sqrt(1 - Rho * Rho) / Math.Sqrt(zy.Length);
        Assert.InRange(zy.Average(), expected - 4 * standardError - 0.02, expected + 4 * standardError + 0.02);
        // The conditional spread is the theory's too: sd = √(1 − ρ²).
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(zy), Math.Sqrt(1 - Rho * Rho) * 0.93, Math.Sqrt(1 - Rho * Rho) * 1.07);
    }

    [Fact]
    public void A_range_is_met_by_every_row_and_shifts_correlated_columns_by_the_truncated_normal_mean()
    {
        var model = Model.Value;
        var sample = model.Sample(4000, seed: 4, [Condition.Parse("x>=60")]);
        Assert.All(sample["x"].Numbers!, v => Assert.True(v >= 60, $"{v} < 60"));
        var x = (NumericCopulaColumn)model.FindCopulaColumn("x");
        var y = (NumericCopulaColumn)model.FindCopulaColumn("y");
        var a = Normal.InvCDF(0, 1, x.Marginal.Interval(60).Lower);
        // E[z_x | z_x ≥ a] = φ(a) / (1 − Φ(a)); E[z_y | z_x ≥ a] = ρ · that.
        var truncatedMean = Normal.PDF(0, 1, a) / (1 - Normal.CDF(0, 1, a));
        var zy = sample["y"].Numbers!.Where(v => !double.IsNaN(v)).Select(v => Normal.InvCDF(0, 1, Math.Clamp(y.Marginal.Interval(v).Lower, 1e-9, 1 - 1e-9))).ToArray();
        var expected = Rho * truncatedMean;
        Assert.InRange(zy.Average(), expected - 0.06, expected + 0.06);
    }

    [Fact]
    public void A_label_condition_holds_on_every_row_and_moves_correlated_numbers()
    {
        var model = Model.Value;
        var high = model.Sample(2000, seed: 1, [Condition.Parse("group=high")]);
        var low = model.Sample(2000, seed: 1, [Condition.Parse("group=low")]);
        Assert.All(high["group"].Cells(), c => Assert.Equal(" high", c));
        Assert.All(low["group"].Cells(), c => Assert.Equal(" low", c));
        Assert.True(high["x"].Numbers!.Average() > low["x"].Numbers!.Average() + 5);
    }

    [Fact]
    public void Several_conditions_hold_together()
    {
        var sample = Model.Value.Sample(1000, seed: 3, [Condition.Parse("group=low"), Condition.Parse("x=40..55"), Condition.Parse("visits>0"), Condition.Parse("flag=true")]);
        var table = sample.ToTable();
        for (var row = 0; row < table.RowCount; row++)
        {
            Assert.Equal(" low", table[row, 3]);
            var x = sample["x"].Numbers![row];
            Assert.InRange(x, 40, 55);
            Assert.True(sample["visits"].Numbers![row] > 0);
            Assert.Equal("true", table[row, 6]);
        }
    }

    [Theory]
    [InlineData("group=medium", "never occurs")]
    [InlineData("x>=1000", "probability 0")]
    [InlineData("x=5..1", "probability 0")]
    [InlineData("visits=2.5", "whole numbers")]
    [InlineData("nosuch=1", "no column 'nosuch'")]
    [InlineData("id=1001", "generated")]
    [InlineData("x=abc", "not a valid value")]
    [InlineData("group>3", "as a number")]
    public void Impossible_conditions_fail_before_sampling_and_name_the_condition(string condition, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => Model.Value.Sample(10, seed: 1, [Condition.Parse(condition)]));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_condition_too_rare_for_the_budget_says_how_rare_it_is()
    {
        // The exclusive bound sits inside the top rounding step of the integer column: the z-interval is not empty,
        // but no rounded value can pass the exact check, so the rejection budget runs out.
        var model = Model.Value;
        var error = Assert.Throws<SynthDataException>(() =>
            model.Sample(10, seed: 1, [Condition.Parse("day>2024-06-28"), Condition.Parse("day<2024-06-29")], new SamplingOptions { MinimumCandidates = 5000 }));
        Assert.Contains("too rare", error.Message);
        Assert.Contains("model probability", error.Message);
    }

    [Theory]
    [InlineData("a=b", typeof(EqualsCondition))]
    [InlineData("hours-per-week>=40", typeof(RangeCondition))]
    [InlineData("age=18..30", typeof(RangeCondition))]
    [InlineData("age<5", typeof(RangeCondition))]
    public void Conditions_parse_from_their_text_form(string text, Type expected)
    {
        var condition = Condition.Parse(text);
        Assert.IsType(expected, condition);
        Assert.Equal(text, condition.ToString());
    }

    [Theory]
    [InlineData("novalue=")]
    [InlineData("=x")]
    [InlineData("nooperator")]
    public void Malformed_conditions_are_errors(string text) => Assert.Throws<SynthDataException>(() => Condition.Parse(text));
}
