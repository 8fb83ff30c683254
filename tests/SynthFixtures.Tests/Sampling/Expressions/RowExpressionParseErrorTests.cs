using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Tests.Sampling.Expressions;

/// <summary>
/// Every parse error names the character (1-based), shows the expression with a caret under the place, says what was
/// expected and gives a hint; and the core's wording names no command-line option.
/// </summary>
public sealed class RowExpressionParseErrorTests
{
    public static TheoryData<string, int, string> Errors => new()
    {
        // text, 1-based character the caret points at, words the reason must hold
        { "", 1, "the expression is empty" },
        { "   ", 4, "the expression is empty" },
        { "age < 25 AND", 13, "expected a condition, found the end of the expression" },
        { "age <", 6, "expected a value after '<'" },
        { "age < AND", 7, "expected a value after '<', found 'AND'" },
        { "age 25", 5, "expected a comparison (=, <>, <, <=, >, >=), BETWEEN, IN or IS NULL after 'age', found '25'" },
        { "age", 4, "after 'age', found the end of the expression" },
        { "age = 25 sex = 'F'", 10, "expected AND, OR or the end of the expression, found 'sex'" },
        { "age = 25)", 9, "this ')' closes no '('" },
        { "(age = 25", 1, "this '(' is never closed" },
        { "(age = 25 sex", 11, "expected ')' or AND/OR, found 'sex'" },
        { "()", 1, "the parentheses hold nothing" },
        { "sex = 'Female", 7, "this string is never closed" },
        { "\"sex = 1", 1, "this quoted column name is never closed" },
        { "\"\" = 1", 1, "a quoted column name is empty" },
        { "age ; 1", 5, "unexpected character ';'" },
        { "age ! 1", 5, "unexpected character '!'" },
        { "age = 12abc", 7, "'12abc' is not a number" },
        { "age = 1.2.3", 7, "'1.2.3' is not a number" },
        { "1 = 2", 1, "this comparison has no column on either side" },
        { "age = NULL", 7, "a comparison with NULL is never true" },
        { "NULL <> age", 1, "a comparison with NULL is never true" },
        { "age BETWEEN 1 OR 2", 15, "expected AND between the bounds of BETWEEN, found 'OR'" },
        { "age BETWEEN low AND 2", 13, "expected the lower bound after BETWEEN, found a column name" },
        { "age BETWEEN 1 AND NULL", 19, "NULL cannot be the upper bound after AND" },
        { "25 BETWEEN 1 AND 2", 1, "BETWEEN needs a column on its left, found '25'" },
        { "age IN 1", 8, "expected '(' after IN, found '1'" },
        { "age IN (1 2)", 11, "expected ',' or ')' in the IN list, found '2'" },
        { "age IN ()", 9, "expected a value in the IN list, found ')'" },
        { "age IN (1,", 11, "expected a value in the IN list, found the end of the expression" },
        { "'x' IN ('x')", 1, "IN needs a column on its left" },
        { "age IS 3", 8, "expected NULL after IS, found '3'" },
        { "age IS NOT 3", 12, "expected NULL after IS NOT, found '3'" },
        { "3 IS NULL", 1, "IS NULL needs a column on its left" },
        { "age NOT = 3", 9, "expected BETWEEN or IN after NOT, found '='" },
        { "and = 3", 1, "expected a condition, found 'and'" },
        { "d = DATE 5", 5, "expected a value after '=', found 'DATE'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_error_points_at_its_character_with_a_caret_and_a_hint(string text, int character, string reason)
    {
        var error = Assert.Throws<RowExpressionException>(() => RowExpressionParser.Parse(text));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(character, error.Column);
        Assert.Equal(character - 1, error.Span.Start);
        var lines = error.Message.Split('\n');
        Assert.Equal($"Expression error at character {character}: {error.Reason}", lines[0]);
        Assert.Equal("  " + text, lines[1]);
        Assert.Equal(new string(' ', 1 + character) + "^", lines[2].TrimEnd('^') + "^");
        Assert.StartsWith("Hint: ", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<SynthDataException>(error);
    }

    [Fact]
    public void The_caret_underlines_the_whole_token_at_fault()
    {
        var error = Assert.Throws<RowExpressionException>(() => RowExpressionParser.Parse("age = 25 income = 1"));

        Assert.Equal("           ^^^^^^", error.Message.Split('\n')[2]);
    }

    [Fact]
    public void A_tab_in_the_expression_does_not_misplace_the_caret()
    {
        var error = Assert.Throws<RowExpressionException>(() => RowExpressionParser.Parse("age\t;"));

        var lines = error.Message.Split('\n');
        Assert.Equal("  age ;", lines[1]);
        Assert.Equal(lines[1].IndexOf(';', StringComparison.Ordinal), lines[2].IndexOf('^', StringComparison.Ordinal));
    }

    [Fact]
    public void A_keyword_used_as_a_column_is_told_to_go_in_double_quotes()
    {
        var error = Assert.Throws<RowExpressionException>(() => RowExpressionParser.Parse("in = 3"));

        Assert.Contains("(\"in\")", error.Hint, StringComparison.Ordinal);
    }
}
