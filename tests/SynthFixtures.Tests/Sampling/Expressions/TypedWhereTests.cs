using System.Linq.Expressions;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling.Typed;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Sampling.Expressions;

/// <summary>
/// A typed <c>Where</c> goes through the same planner as a row expression: the LINQ predicate's translatable part is
/// written as an expression, and the conditions pushed are those the same expression pushes.
/// </summary>
public sealed class TypedWhereTests
{
    private sealed record Row(double X, double? Y, string Group, int Visits, DateTime Day, bool Flag, string Name);

    private static readonly Lazy<GaussianCopulaModel> Copula = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 2 }));

    private static readonly Dictionary<string, string> Columns = new()
    {
        ["X"] = "x", ["Y"] = "y", ["Group"] = "group", ["Visits"] = "visits", ["Day"] = "day", ["Flag"] = "flag",
    };

    private static (string? Text, string[] Pushed) Translate(Expression<Func<Row, bool>> predicate) =>
        (PredicateConditions.ToExpression(predicate, Columns, Copula.Value),
         PredicateConditions.Translate(predicate, Columns, Copula.Value).Select(c => c.ToString()).ToArray());

    [Fact]
    public void Conjuncts_of_comparisons_are_written_and_pushed_as_the_expression_would_be()
    {
        var limit = 50;
        var (text, pushed) = Translate(r => r.Group == " high" && r.X < limit && 3 <= r.Visits && r.Flag && r.Day >= new DateTime(2024, 3, 1));

        Assert.Equal("(\"group\" = ' high') AND (\"x\" < 50) AND (\"visits\" >= 3) AND (\"flag\" = 'true') AND (\"day\" >= '2024-03-01')", text);
        Assert.Equal(Copula.Value.PlanConditions(text).Pushed.Select(c => c.ToString()), pushed);
        Assert.Equal(["group=high", "x<50", "visits>=3", "flag=true", "day>=2024-03-01"], pushed);
    }

    [Fact]
    public void A_disjunction_is_written_but_not_pushed()
    {
        var (text, pushed) = Translate(r => r.X < 40 || r.Visits == 2);

        Assert.Equal("((\"x\" < 40) OR (\"visits\" = 2))", text);
        Assert.Empty(pushed);
    }

    [Fact]
    public void Negations_move_inwards_through_the_planner()
    {
        var (_, pushed) = Translate(r => !(r.X >= 50 || r.Visits != 2) && !r.Flag);

        Assert.Equal(["x<50", "visits=2", "flag=false"], pushed);
    }

    [Fact]
    public void Parts_that_cannot_be_written_are_dropped_only_as_whole_conjuncts()
    {
        var (text, pushed) = Translate(r => r.Name.StartsWith('A') && r.X > 55 && (r.X < r.Y || r.Visits == 1));

        Assert.Equal("(\"x\" > 55)", text);
        Assert.Equal(["x>55"], pushed);
        Assert.Null(Translate(r => r.Name.Length > 2).Text);
    }

    [Fact]
    public void A_label_the_column_never_holds_is_an_error_at_its_character()
    {
        var error = Assert.Throws<SynthFixtures.Sampling.Expressions.RowExpressionException>(() => Translate(r => r.Group == "middle"));

        Assert.Contains("'middle' is not a label of the categorical column 'group'", error.Message, StringComparison.Ordinal);
    }
}
