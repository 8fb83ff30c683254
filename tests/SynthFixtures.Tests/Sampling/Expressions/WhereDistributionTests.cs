using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Tests.Sampling.Expressions;

/// <summary>
/// Conditions change nothing beyond the model's own conditional: on a copula whose distribution is known, rows drawn
/// under an expression (part met in closed form, part filtered) follow the same distribution as the model's
/// unconditional rows that happen to meet it. Compared by means and proportions within five standard errors.
/// </summary>
public sealed class WhereDistributionTests
{
    private static GaussianCopulaModel Model()
    {
        // a ~ N(0, 1); b = 0.8 a + 0.6 noise; c is 'p' when a + noise > 0.5, else 'q'; d a 0..4 count rising with b.
        const int rows = 6000;
        var random = new SynthRandom(21);
        var cells = new[] { new string?[rows], new string?[rows], new string?[rows], new string?[rows] };
        for (var r = 0; r < rows; r++)
        {
            var a = random.NextNormal();
            var b = 0.8 * a + 0.6 * random.NextNormal();
            cells[0][r] = a.ToString("F4", CultureInfo.InvariantCulture);
            cells[1][r] = b.ToString("F4", CultureInfo.InvariantCulture);
            cells[2][r] = a + random.NextNormal() > 0.5 ? "p" : "q";
            cells[3][r] = Math.Clamp((int)Math.Floor(2 + b + 0.8 * random.NextNormal()), 0, 4).ToString(CultureInfo.InvariantCulture);
        }
        var table = new Table(["a", "b", "c", "d"], cells);
        var metadata = new TableMetadata
        {
            Columns =
            [
                new ColumnMetadata { Name = "a", Kind = ColumnKind.Decimal, DecimalPlaces = 4 },
                new ColumnMetadata { Name = "b", Kind = ColumnKind.Decimal, DecimalPlaces = 4 },
                new ColumnMetadata { Name = "c", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "d", Kind = ColumnKind.Integer },
            ],
        };
        return GaussianCopulaFitter.Fit(table, metadata, new GaussianCopulaOptions { Seed = 3 });
    }

    [Fact]
    public void Rows_under_an_expression_follow_the_models_rows_that_meet_it()
    {
        const string expression = "c = 'p' AND a < 0.5 AND (d >= 3 OR b < -0.2)";
        var model = Model();
        var plan = model.PlanConditions(expression);
        Assert.Equal(["c=p", "a<0.5"], plan.Pushed.Select(c => c.ToString()));
        Assert.Single(plan.Filtered);

        var conditioned = model.SampleWhere(20_000, 5, plan);
        var unconditioned = model.Sample(400_000, 6);
        var meets = RowPredicate.Compile(expression, unconditioned).Matches(unconditioned);
        var kept = Enumerable.Range(0, meets.Length).Where(r => meets[r]).ToArray();
        Assert.True(kept.Length > 5_000, $"only {kept.Length} unconditioned rows meet the expression");

        foreach (var column in new[] { "a", "b", "d" })
        {
            var all = unconditioned[column].Numbers!;
            AssertSameMean(column, conditioned[column].Numbers!, kept.Select(r => all[r]).ToArray());
        }
        var d = unconditioned["d"].Numbers!;
        AssertSameMean("d >= 3", conditioned["d"].Numbers!.Select(v => v >= 3 ? 1.0 : 0).ToArray(), kept.Select(r => d[r] >= 3 ? 1.0 : 0).ToArray());
    }

    private static void AssertSameMean(string what, double[] conditioned, double[] filtered)
    {
        var (m1, v1) = MeanVariance(conditioned);
        var (m2, v2) = MeanVariance(filtered);
        var standardError = Math.Sqrt(v1 / conditioned.Length + v2 / filtered.Length);
        Assert.True(Math.Abs(m1 - m2) < 5 * standardError + 1e-9,
            string.Create(CultureInfo.InvariantCulture, $"{what}: mean {m1:F4} under the expression, {m2:F4} among the model's rows that meet it (SE {standardError:F4})"));
    }

    private static (double Mean, double Variance) MeanVariance(double[] values)
    {
        var mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
