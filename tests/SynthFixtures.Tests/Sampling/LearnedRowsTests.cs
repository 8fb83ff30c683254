using System.Linq.Expressions;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Typed;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Sampling;

/// <summary>The runtime side of model-bound typed synthesizers: batched rows and Where predicates as model conditions.</summary>
public sealed class LearnedRowsTests
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() => GaussianCopulaFitter.Fit(MixedTestTable.Create(1500), MixedTestTable.Metadata()));

    private sealed record Row(int Id, double X, double? Y, string Group, DateOnly Day, bool Flag, Level Level);

    private enum Level { Low, High }

    private static readonly Dictionary<string, string> Columns = new()
    {
        ["Id"] = "id", ["X"] = "x", ["Y"] = "y", ["Group"] = "group", ["Day"] = "day", ["Flag"] = "flag", ["Level"] = "group",
    };

    [Fact]
    public void Rows_come_in_reproducible_batches_and_generated_keys_stay_unique_across_batches()
    {
        static List<(long Id, double X, string? Group)> Read(long seed)
        {
            var rows = new LearnedRows(Model.Value, new SynthRandom(seed));
            var (id, x, group) = (rows.Column("id"), rows.Column("x"), rows.Column("group"));
            var result = new List<(long, double, string?)>();
            for (var i = 0; i < 2500; i++)
            {
                rows.MoveNext();
                result.Add((rows.Integer(id), rows.Number(x), rows.Text(group)));
            }
            return result;
        }
        var first = Read(4);
        Assert.Equal(first, Read(4));
        Assert.NotEqual(first, Read(5));
        Assert.Equal(2500, first.Select(r => r.Id).Distinct().Count());
        Assert.All(first, r => Assert.Contains(r.Group, new[] { "high", "low" })); // labels come without the source's padding
    }

    [Fact]
    public void A_hint_samples_only_the_rows_expected_and_never_changes_them()
    {
        static (List<(long Id, double X, string? Group)> Rows, long Sampled) Read(int hint, int count)
        {
            var rows = new LearnedRows(Model.Value, new SynthRandom(9));
            if (hint > 0) rows.Expect(hint);
            var (id, x, group) = (rows.Column("id"), rows.Column("x"), rows.Column("group"));
            var result = new List<(long, double, string?)>();
            for (var i = 0; i < count; i++)
            {
                rows.MoveNext();
                result.Add((rows.Integer(id), rows.Number(x), rows.Text(group)));
            }
            return (result, rows.SampledRows);
        }
        var plain = Read(0, 1500);
        var hinted = Read(10, 1500); // the hint falls short: the first batch is sampled again, whole
        var few = Read(10, 10);

        Assert.Equal(plain.Rows, hinted.Rows);
        Assert.Equal(plain.Rows.Take(10), few.Rows);
        Assert.Equal(10, few.Sampled);
        Assert.Equal(2 * LearnedRows.BatchSize, plain.Sampled);
        Assert.Equal(10 + 2 * LearnedRows.BatchSize, hinted.Sampled);
    }

    [Fact]
    public void A_stale_binding_is_a_clear_error()
    {
        var rows = new LearnedRows(Model.Value, new SynthRandom(1));
        Assert.Contains("Rebuild", Assert.Throws<SynthDataException>(() => rows.Column("renamed")).Message);
    }

    [Theory]
    [InlineData("x >= 55", "x>=55")]
    [InlineData("55 < x", "x>55")]
    [InlineData("x >= 40 && group", "x>=40;group=high")]
    [InlineData("flag", "flag=true")]
    [InlineData("!flag", "flag=false")]
    [InlineData("y < 20", "y<20")]
    [InlineData("level", "group=high")]
    [InlineData("day", "day>=2024-06-01")]
    [InlineData("x > 50 || flag", "")]
    [InlineData("x > y", "")]
    public void Simple_comparisons_on_bound_columns_become_conditions_and_nothing_else_does(string shape, string expected)
    {
        Expression<Func<Row, bool>> predicate = shape switch
        {
            "x >= 55" => r => r.X >= 55,
            "55 < x" => r => 55 < r.X,
            "x >= 40 && group" => r => r.X >= 40 && r.Group == "high",
            "flag" => r => r.Flag,
            "!flag" => r => !r.Flag,
            "y < 20" => r => r.Y < 20,
            "level" => r => r.Level == Level.High,
            "day" => r => r.Day >= new DateOnly(2024, 6, 1),
            "x > 50 || flag" => r => r.X > 50 || r.Flag,
            _ => r => r.X > r.Y,
        };
        var conditions = PredicateConditions.Translate(predicate, Columns, Model.Value);
        Assert.Equal(expected, string.Join(';', conditions.Select(c => c.ToString())));
        // Every translated condition is one the model accepts.
        if (conditions.Count > 0) Assert.Equal(10, Model.Value.Sample(10, 1, conditions).RowCount);
    }
}
