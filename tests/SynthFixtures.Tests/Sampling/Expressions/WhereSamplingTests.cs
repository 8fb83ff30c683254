using SynthFixtures.Models;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Tests.Models;
using SynthFixtures.Tests.Models.Neural;

namespace SynthFixtures.Tests.Sampling.Expressions;

/// <summary>
/// Sampling under a row expression: what is pushed to the model and what is filtered, every row meeting the expression
/// for each model kind, the same rows for any thread count and chunk size, the acceptance rate, the error when too rare,
/// and binding errors at the character.
/// </summary>
public sealed class WhereSamplingTests
{
    private static readonly Lazy<GaussianCopulaModel> Copula = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 2 }));

    public static TheoryData<string, string[], string[]> Plans => new()
    {
        { "group = 'high' AND x < 50 AND (visits = 0 OR flag = TRUE)", ["group=high", "x<50"], ["(visits = 0 OR flag = TRUE)"] },
        { "NOT (x >= 50 OR group = 'low')", ["x<50"], ["NOT (group = 'low')"] },
        { "x BETWEEN 40 AND 60", ["x=40..60"], [] },
        { "50 > x AND day >= DATE '2024-03-01'", ["x<50", "day>=2024-03-01"], [] },
        { "visits IN (3) AND visits NOT IN (4)", ["visits=3"], ["visits NOT IN (4)"] },
        { "x = 1 OR x = 2", [], ["x = 1 OR x = 2"] },
        { "(x = 1 OR x = 2) AND (y IS NULL OR y > 3)", [], ["(x = 1 OR x = 2)", "(y IS NULL OR y > 3)"] },
        { "x > y AND y IS NOT NULL", [], ["x > y", "y IS NOT NULL"] },
        { "NOT NOT visits <> 0", [], ["visits <> 0"] },
        { "NOT visits <> 0", ["visits=0"], [] },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Only_implied_conditions_are_pushed_and_the_rest_is_filtered(string expression, string[] pushed, string[] filtered)
    {
        var plan = Copula.Value.PlanConditions(expression);

        Assert.Equal(pushed, plan.Pushed.Select(c => c.ToString()));
        Assert.Equal(filtered, plan.Filtered);
    }

    [Fact]
    public void Conditions_given_beside_the_expression_are_pushed_first()
    {
        var plan = Copula.Value.PlanConditions("x < 50", [Condition.Parse("visits=2")]);

        Assert.Equal(["visits=2", "x<50"], plan.Pushed.Select(c => c.ToString()));
    }

    public static TheoryData<string> Kinds => new() { ModelKinds.GaussianCopula, ModelKinds.Tvae, ModelKinds.Ctgan };

    private static SynthModel Model(string kind) => kind switch
    {
        ModelKinds.Tvae => RandomNeuralModels.Tvae(),
        ModelKinds.Ctgan => RandomNeuralModels.Ctgan(),
        _ => Copula.Value,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_row_meets_the_expression_for_every_model_kind(string kind)
    {
        const string expression = "group = 'high' AND x > 45 AND (visits = 0 OR flag = FALSE) AND y IS NOT NULL";
        var model = Model(kind);
        var tally = new ConditionTally();

        var rows = model.SampleWhere(1500, seed: 4, model.PlanConditions(expression), tally: tally);

        Assert.Equal(1500, rows.RowCount);
        Assert.All(RowPredicate.Compile(expression, rows).Matches(rows), Assert.True);
        Assert.Equal(1500, tally.RowsAccepted);
        Assert.True(tally.CandidatesExamined > 1500);
        Assert.InRange(tally.AcceptanceRate, 1e-6, 0.999);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_rows_do_not_depend_on_threads_or_chunk_size(string kind)
    {
        var model = Model(kind);
        var plan = model.PlanConditions("x < 55 AND (group = 'low' OR visits >= 2)");

        var whole = model.SampleWhere(2500, 9, plan, new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable();
        var chunks = model.SampleChunksWhere(2500, 9, plan, new SamplingOptions { MaxDegreeOfParallelism = 2, ChunkRows = 1024 }).Select(c => c.ToTable()).ToList();

        var joined = chunks.SelectMany(c => Enumerable.Range(0, c.RowCount).Select(r => string.Join(",", Enumerable.Range(0, c.ColumnCount).Select(k => c[r, k])))).ToList();
        var expected = Enumerable.Range(0, whole.RowCount).Select(r => string.Join(",", Enumerable.Range(0, whole.ColumnCount).Select(k => whole[r, k]))).ToList();
        Assert.Equal(3, chunks.Count);
        Assert.Equal(expected, joined);
    }

    [Fact]
    public void Keys_stay_numbered_by_output_row_not_by_candidate()
    {
        var rows = Copula.Value.SampleWhere(50, 3, Copula.Value.PlanConditions("x > 60 OR y < 15")).ToTable();

        Assert.Equal(Copula.Value.Sample(50, 3).ToTable().Column("id"), rows.Column("id"));
    }

    [Fact]
    public void Closed_form_conditions_alone_keep_every_candidate()
    {
        var tally = new ConditionTally();

        Copula.Value.SampleWhere(3000, 1, Copula.Value.PlanConditions("visits = 3 AND day >= DATE '2024-01-01'"), tally: tally);

        Assert.Equal(1.0, tally.AcceptanceRate);
        Assert.Equal(3000, tally.CandidatesExamined);
    }

    [Fact]
    public void A_combination_too_rare_for_the_budget_says_what_was_asked_found_and_drawn()
    {
        var options = new SamplingOptions { CandidatesPerRow = 1, MinimumCandidates = 4096 };
        var plan = Copula.Value.PlanConditions("x < 60 AND x < y");

        var error = Assert.Throws<SynthDataException>(() => Copula.Value.SampleWhere(1000, 1, plan, options));

        Assert.Contains("The condition 'x < 60 AND x < y' is too rare: only ", error.Message, StringComparison.Ordinal);
        Assert.Contains("candidate rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("budget of 4,096", error.Message, StringComparison.Ordinal);
        Assert.Contains("The model met x<60 (model probability", error.Message, StringComparison.Ordinal);
        Assert.Contains("filtered on x < y.", error.Message, StringComparison.Ordinal);
        Assert.Contains("CandidatesPerRow", error.Hint, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string, string> BindingErrors => new()
    {
        // expression, 1-based character, reason, hint part
        { "grup = 'high'", 1, "there is no column 'grup' in the model", "Did you mean group?" },
        { "x < 5 AND Visits > 1", 11, "there is no column 'Visits'", "Did you mean visits?" },
        { "id = '7'", 1, "column 'id' is generated (identifier), not learned", "learned column" },
        { "group = 'hgh'", 9, "'hgh' is not a label of the categorical column 'group'", "Did you mean 'high'?" },
        { "group IN ('low', 'lo w')", 18, "'lo w' is not a label", "Did you mean 'low'? Its labels are: " },
        { "group < 'high'", 1, "'<' orders the labels of the categorical column 'group'", "IN" },
        { "group BETWEEN 'a' AND 'b'", 1, "BETWEEN orders the labels", "IN" },
        { "x = DATE '2020-01-01'", 5, "a date compared with the decimal column 'x'", "number" },
        { "x = TRUE", 5, "TRUE compared with the decimal column 'x'", "number" },
        { "x < 'abc'", 5, "'abc' is not a number for the decimal column 'x'", "invariant culture" },
        { "day > 5", 7, "'5' is not a date for the datetime column 'day'", "DATE 'yyyy-mm-dd'" },
        { "day > DATE '2024-13-45'", 7, "is not a date", "yyyy-MM-dd" },
        { "x > day", 1, "the comparison sets the decimal column 'x' against the datetime column 'day'", "dates with dates" },
        { "group = x", 1, "the comparison sets the categorical column 'group' against the decimal column 'x'", "same kind" },
        { "flag = 'maybe'", 8, "'maybe' is not a label of the boolean column 'flag'", "true" },
    };

    [Theory]
    [MemberData(nameof(BindingErrors))]
    public void Names_and_values_the_model_cannot_read_are_errors_at_their_character(string expression, int character, string reason, string hint)
    {
        var error = Assert.Throws<RowExpressionException>(() => Copula.Value.PlanConditions(expression));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains(hint, error.Hint, StringComparison.Ordinal);
        Assert.Equal(character, error.Column);
        Assert.Equal("  " + expression, error.Message.Split('\n')[1]);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_is_used_only_with_the_model_that_made_it()
    {
        var plan = RandomNeuralModels.Tvae().PlanConditions("x < 50");

        Assert.Throws<ArgumentException>(() => Copula.Value.SampleWhere(10, 1, plan));
    }
}
