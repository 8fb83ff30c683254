using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Tests.Sampling.Expressions;

/// <summary>The row-expression grammar: operators, literals, names, SQL precedence and the spans every node keeps.</summary>
public sealed class RowExpressionParserTests
{
    private static ColumnOperand Col(string name, int start, int length) => new(name, new TextSpan(start, length));

    private static LiteralOperand Lit(LiteralKind kind, string text, int start, int length) => new(kind, text, new TextSpan(start, length));

    [Theory]
    [InlineData("a = 1", ComparisonOperator.Equal)]
    [InlineData("a <> 1", ComparisonOperator.NotEqual)]
    [InlineData("a != 1", ComparisonOperator.NotEqual)]
    [InlineData("a < 1", ComparisonOperator.Less)]
    [InlineData("a <= 1", ComparisonOperator.LessOrEqual)]
    [InlineData("a > 1", ComparisonOperator.Greater)]
    [InlineData("a >= 1", ComparisonOperator.GreaterOrEqual)]
    public void Every_comparison_operator_reads(string text, ComparisonOperator expected)
    {
        var parsed = Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse(text));

        Assert.Equal(expected, parsed.Operator);
        Assert.Equal(Col("a", 0, 1), parsed.Left);
        Assert.Equal(LiteralKind.Number, Assert.IsType<LiteralOperand>(parsed.Right).Kind);
        Assert.Equal(new TextSpan(0, text.Length), parsed.Span);
    }

    [Fact]
    public void A_comparison_without_spaces_and_with_the_literal_first_reads()
    {
        Assert.Equal(new ComparisonExpression(Col("age", 0, 3), ComparisonOperator.Less, Lit(LiteralKind.Number, "25", 4, 2), new TextSpan(0, 6)),
            RowExpressionParser.Parse("age<25"));
        Assert.Equal(new ComparisonExpression(Lit(LiteralKind.Number, "25", 0, 2), ComparisonOperator.Greater, Col("age", 5, 3), new TextSpan(0, 8)),
            RowExpressionParser.Parse("25 > age"));
    }

    [Fact]
    public void Two_columns_can_be_compared()
    {
        var parsed = Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse("discharged > admitted"));

        Assert.Equal(Col("discharged", 0, 10), parsed.Left);
        Assert.Equal(Col("admitted", 13, 8), parsed.Right);
    }

    [Theory]
    [InlineData("x = 'a''b'", LiteralKind.String, "a'b")]
    [InlineData("x = ''", LiteralKind.String, "")]
    [InlineData("x = ' >50K. '", LiteralKind.String, " >50K. ")]
    [InlineData("x = -1.5e3", LiteralKind.Number, "-1.5e3")]
    [InlineData("x = .5", LiteralKind.Number, ".5")]
    [InlineData("x = +7", LiteralKind.Number, "+7")]
    [InlineData("x = 2E-2", LiteralKind.Number, "2E-2")]
    [InlineData("x = DATE '2020-01-31'", LiteralKind.Date, "2020-01-31")]
    [InlineData("x = timestamp '2020-01-31 12:00:00'", LiteralKind.Timestamp, "2020-01-31 12:00:00")]
    [InlineData("x = true", LiteralKind.Boolean, "TRUE")]
    [InlineData("x = False", LiteralKind.Boolean, "FALSE")]
    public void Literals_read_without_their_quotes_or_keyword(string text, LiteralKind kind, string value)
    {
        var literal = Assert.IsType<LiteralOperand>(Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse(text)).Right);

        Assert.Equal(kind, literal.Kind);
        Assert.Equal(value, literal.Text);
        Assert.Equal(new TextSpan(4, text.Length - 4), literal.Span);
    }

    [Fact]
    public void Double_quoted_names_hold_spaces_symbols_keywords_and_doubled_quotes()
    {
        Assert.Equal(Col("hours-per-week", 0, 16), Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse("\"hours-per-week\" > 40")).Left);
        Assert.Equal(Col("Review Text", 0, 13), Assert.IsType<IsNullExpression>(RowExpressionParser.Parse("\"Review Text\" IS NULL")).Column);
        Assert.Equal(Col("and", 0, 5), Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse("\"and\" = 1")).Left);
        Assert.Equal(Col("say \"hi\"", 0, 12), Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse("\"say \"\"hi\"\"\" = 1")).Left);
    }

    [Fact]
    public void Bare_names_keep_their_case_and_may_hold_digits_and_underscores()
    {
        Assert.Equal(Col("Education_Num2", 0, 14), Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse("Education_Num2 = 3")).Left);
        Assert.Equal(Col("straße", 0, 6), Assert.IsType<ComparisonExpression>(RowExpressionParser.Parse("straße = 'x'")).Left);
    }

    [Fact]
    public void Between_reads_both_bounds_and_its_negation()
    {
        Assert.Equal(new BetweenExpression(Col("amount", 0, 6), Lit(LiteralKind.Number, "100", 15, 3), Lit(LiteralKind.Number, "500", 23, 3), false, new TextSpan(0, 26)),
            RowExpressionParser.Parse("amount BETWEEN 100 AND 500"));
        var negated = Assert.IsType<BetweenExpression>(RowExpressionParser.Parse("d not between date '2020-01-01' and DATE '2020-12-31'"));
        Assert.True(negated.Negated);
        Assert.Equal(LiteralKind.Date, negated.Low.Kind);
        Assert.Equal("2020-12-31", negated.High.Text);
    }

    [Fact]
    public void Between_binds_its_own_and_before_a_following_and()
    {
        var parsed = Assert.IsType<AndExpression>(RowExpressionParser.Parse("a BETWEEN 1 AND 2 AND b = 3"));

        Assert.IsType<BetweenExpression>(parsed.Left);
        Assert.IsType<ComparisonExpression>(parsed.Right);
    }

    [Fact]
    public void In_reads_its_list_and_its_negation()
    {
        Assert.Equal(new InExpression(Col("country", 0, 7), [Lit(LiteralKind.String, "DE", 12, 4), Lit(LiteralKind.String, "FR", 17, 4)], false, new TextSpan(0, 22)),
            RowExpressionParser.Parse("country IN ('DE','FR')"));
        var negated = Assert.IsType<InExpression>(RowExpressionParser.Parse("n NOT IN (1)"));
        Assert.True(negated.Negated);
        Assert.Single(negated.Values);
    }

    [Fact]
    public void Is_null_and_is_not_null_read()
    {
        Assert.Equal(new IsNullExpression(Col("x", 0, 1), false, new TextSpan(0, 9)), RowExpressionParser.Parse("x IS NULL"));
        Assert.Equal(new IsNullExpression(Col("x", 0, 1), true, new TextSpan(0, 13)), RowExpressionParser.Parse("x is not null"));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var parsed = Assert.IsType<OrExpression>(RowExpressionParser.Parse("a = 1 OR b = 2 AND c = 3"));

        Assert.IsType<ComparisonExpression>(parsed.Left);
        var and = Assert.IsType<AndExpression>(parsed.Right);
        Assert.Equal(new TextSpan(9, 15), and.Span);
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        var parsed = Assert.IsType<AndExpression>(RowExpressionParser.Parse("NOT a = 1 AND b = 2"));

        var not = Assert.IsType<NotExpression>(parsed.Left);
        Assert.Equal(new TextSpan(0, 9), not.Span);
        Assert.IsType<ComparisonExpression>(not.Inner);
    }

    [Fact]
    public void Not_can_repeat()
    {
        var parsed = Assert.IsType<NotExpression>(RowExpressionParser.Parse("not not a = 1"));

        Assert.IsType<ComparisonExpression>(Assert.IsType<NotExpression>(parsed.Inner).Inner);
    }

    [Fact]
    public void And_and_or_associate_to_the_left()
    {
        var and = Assert.IsType<AndExpression>(RowExpressionParser.Parse("a = 1 AND b = 2 AND c = 3"));
        Assert.IsType<AndExpression>(and.Left);
        var or = Assert.IsType<OrExpression>(RowExpressionParser.Parse("a = 1 OR b = 2 OR c = 3"));
        Assert.IsType<OrExpression>(or.Left);
    }

    [Fact]
    public void Parentheses_override_precedence_and_the_node_keeps_the_inner_span()
    {
        var parsed = Assert.IsType<AndExpression>(RowExpressionParser.Parse("(a = 1 OR b = 2) AND c = 3"));

        var or = Assert.IsType<OrExpression>(parsed.Left);
        Assert.Equal(new TextSpan(1, 14), or.Span);
        Assert.Equal(new TextSpan(1, 25), parsed.Span);
        Assert.IsType<NotExpression>(RowExpressionParser.Parse("NOT ((a = 1))"));
    }

    [Fact]
    public void Keywords_read_in_any_case()
    {
        Assert.Equal(RowExpressionParser.Parse("a = 1 AND b IS NOT NULL OR c IN (1) AND NOT d BETWEEN 1 AND 2"),
            RowExpressionParser.Parse("a = 1 and b is Not nUll oR c in (1) And not d between 1 AND 2"));
    }

    [Fact]
    public void The_must_show_expression_reads_as_three_conjuncts()
    {
        var parsed = Assert.IsType<AndExpression>(RowExpressionParser.Parse("income = '>50K' AND sex = 'Female' AND age < 25"));

        var inner = Assert.IsType<AndExpression>(parsed.Left);
        Assert.Equal(Lit(LiteralKind.String, ">50K", 9, 6), Assert.IsType<ComparisonExpression>(inner.Left).Right);
        Assert.Equal(Col("age", 39, 3), Assert.IsType<ComparisonExpression>(parsed.Right).Left);
    }
}
