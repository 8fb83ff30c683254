using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Sampling;

/// <summary>
/// Conditions at the top or bottom of a column's observed range: the largest value is sampled (after rounding) although
/// a continuous part's CDF is 1 there, so <c>age&gt;=90</c> must be met, not refused as probability 0.
/// </summary>
public sealed class RangeEndConditionTests
{
    private static readonly Lazy<GaussianCopulaModel> Small = new(() =>
    {
        // Ages 18..90 with a handful at 90, an amount with a long tail to 99999, and a decimal score.
        var rows = 3000;
        var age = new string?[rows];
        var amount = new string?[rows];
        var score = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            age[i] = (i % 40 == 0 ? 90 : 18 + i * 7919 % 60).ToString(CultureInfo.InvariantCulture);
            amount[i] = (i % 500 == 0 ? 99999 : i * 31 % 5000).ToString(CultureInfo.InvariantCulture);
            score[i] = (i % 97 == 0 ? 9.9 : i * 13 % 80 / 10.0).ToString("F1", CultureInfo.InvariantCulture);
        }
        var table = new Table(["age", "amount", "score"], [age, amount, score]);
        return GaussianCopulaFitter.Fit(table, TableProfiler.Profile(table), new GaussianCopulaOptions { Seed = 4 });
    });

    [Theory]
    [InlineData("age>=90", 90, 90)]
    [InlineData("age>89", 90, 90)]
    [InlineData("age=90", 90, 90)]
    [InlineData("age<=18", 18, 18)]
    [InlineData("age<19", 18, 18)]
    [InlineData("amount>=99999", 99999, 99999)]
    [InlineData("score>=9.9", 9.9, 9.9)]
    [InlineData("score>9.85", 9.9, 9.9)]
    [InlineData("age=85..90", 85, 90)]
    public void Conditions_at_the_ends_of_the_range_are_met(string condition, double low, double high)
    {
        var column = condition[..condition.IndexOfAny(['>', '<', '='])];
        var sample = Small.Value.Sample(200, seed: 6, [Condition.Parse(condition)]);
        Assert.All(sample[column].Numbers!, v => Assert.InRange(v, low, high));
    }

    [Theory]
    [InlineData("age>90")]
    [InlineData("age<18")]
    [InlineData("score>9.9")]
    [InlineData("age>=90.5")]
    public void Conditions_beyond_the_range_are_refused_as_probability_0(string condition)
    {
        var e = Assert.Throws<SynthDataException>(() => Small.Value.Sample(10, seed: 1, [Condition.Parse(condition)]));
        Assert.Contains("probability 0 (observed range", e.Message);
    }

    [SkippableTheory]
    [InlineData("age>=90", "age", 90)]
    [InlineData("capital-gain>=99999", "capital-gain", 99999)]
    [InlineData("hours-per-week>=99", "hours-per-week", 99)]
    public void On_adult_conditions_at_the_top_of_the_range_are_met(string condition, string column, double value)
    {
        var path = Datasets.Path("adult", "adult.csv");
        Skip.If(path is null, Datasets.Missing("adult", "adult.csv"));
        var model = Adult.Value(path!);
        var sample = model.Sample(50, seed: 2, [Condition.Parse(condition)]);
        Assert.All(sample[column].Numbers!, v => Assert.Equal(value, v));
    }

    private static class Adult
    {
        private static GaussianCopulaModel? _model;
        private static readonly Lock Gate = new();

        public static GaussianCopulaModel Value(string path)
        {
            lock (Gate)
            {
                if (_model is not null) return _model;
                var table = CsvTableReader.Read(path);
                return _model = GaussianCopulaFitter.Fit(table, TableProfiler.Profile(table), new GaussianCopulaOptions { Seed = 1 });
            }
        }
    }
}
