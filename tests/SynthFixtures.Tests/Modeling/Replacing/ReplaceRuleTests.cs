using SynthFixtures.Metadata;
using SynthFixtures.Modeling.Replacing;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Tests.Modeling.Replacing;

/// <summary>Replace rules as written, and applied to known rows: the cells written, the rows counted, the values refused.</summary>
public sealed class ReplaceRuleTests
{
    private static readonly TableMetadata Cars = new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
            new ColumnMetadata { Name = "door", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "color", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "doors", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "price", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
        ],
    };

    private static readonly string?[] DoorLabels = [" front", " rear"];
    private static readonly string?[] ColorLabels = [" black", " white", " red", null];

    /// <summary>Six cars: door codes, color codes (3 = missing), door counts, prices.</summary>
    private static SampledTable Rows() => new(Cars,
    [
        new SampledColumn(Cars.Columns[0], null, texts: ["c1", "c2", "c3", "c4", "c5", "c6"]),
        new SampledColumn(Cars.Columns[1], null, codes: [0, 1, 1, 1, 0, 1], categories: DoorLabels),
        new SampledColumn(Cars.Columns[2], null, codes: [1, 0, 1, 2, 2, 3], categories: ColorLabels),
        new SampledColumn(Cars.Columns[3], null, numbers: [2, 4, 4, 2, 5, double.NaN]),
        new SampledColumn(Cars.Columns[4], null, numbers: [10.5, 20, 30.25, 40, 50, 60]),
    ], 6);

    /// <summary>Compares cells as one line, missing cells shown as ∅.</summary>
    private static void AssertCells(string?[] expected, SampledTable rows, string column) =>
        Assert.Equal(string.Join("|", expected.Select(c => c ?? "∅")), string.Join("|", rows[column].Cells().Select(c => c ?? "∅")));

    private static (SampledTable Rows, IReadOnlyList<ReplaceRuleOutcome> Outcomes) Apply(params string[] rules)
    {
        var set = ReplaceRuleSet.Bind(rules.Select(ReplaceRule.Parse).ToList(), Rows());
        var rows = set.Apply(Rows());
        return (rows, set.Outcomes());
    }

    [Fact]
    public void A_rule_writes_its_label_where_the_condition_holds_and_counts_those_rows()
    {
        var (rows, outcomes) = Apply("color = 'black' WHEN door = 'rear' AND color <> 'black'");
        AssertCells([" white", " black", " black", " black", " red", null], rows, "color");
        // Row 2 was black already and row 6's color is missing (the comparison is unknown): neither is touched.
        Assert.Equal([new ReplaceRuleOutcome("color = 'black' WHEN door = 'rear' AND color <> 'black'", 2)], outcomes);
    }

    [Fact]
    public void Rules_apply_in_order_each_seeing_the_rows_the_earlier_ones_left()
    {
        var (rows, outcomes) = Apply("color = 'red' WHEN doors >= 4", "price = 99.99 WHEN color = 'red'");
        AssertCells([" white", " red", " red", " red", " red", null], rows, "color");
        AssertCells(["10.50", "99.99", "99.99", "99.99", "99.99", "60.00"], rows, "price");
        Assert.Equal([3L, 4L], outcomes.Select(o => o.Rows));
    }

    [Fact]
    public void Without_when_every_row_is_touched_and_null_writes_a_missing_cell()
    {
        var (rows, outcomes) = Apply("doors = NULL", "id = 'x' WHEN doors IS NULL", "color = NULL WHEN id = 'x' AND door = 'front'");
        Assert.All(rows["doors"].Numbers!, n => Assert.True(double.IsNaN(n)));
        Assert.All(rows["id"].Cells(), cell => Assert.Equal("x", cell));
        AssertCells([null, " black", " white", " red", null, null], rows, "color");
        Assert.Equal([6L, 6L, 2L], outcomes.Select(o => o.Rows));
    }

    [Fact]
    public void Counts_add_up_over_chunks()
    {
        var set = ReplaceRuleSet.Bind([ReplaceRule.Parse("doors = 3 WHEN price > 25")], Rows());
        set.Apply(Rows());
        set.Apply(Rows());
        Assert.Equal(8, set.Outcomes().Single().Rows);
    }

    [Theory]
    [InlineData("colour = 'black'", "there is no column 'colour'", 1)]
    [InlineData("color = 'green' WHEN door = 'rear'", "'green' is not a label", 9)]
    [InlineData("doors = 2.5", "holds whole numbers", 9)]
    [InlineData("price = 1.234", "holds numbers with 2 decimal places", 9)]
    [InlineData("doors = 'many'", "is not a number", 9)]
    [InlineData("door = NULL", "never missing", 8)]
    [InlineData("color = 'black' WHEN door = 'side'", "'side' is not a label", 29)]
    public void Values_and_conditions_the_columns_cannot_hold_are_refused_at_their_character(string rule, string expected, int column)
    {
        var error = Assert.Throws<RowExpressionException>(() => ReplaceRuleSet.Bind([ReplaceRule.Parse(rule)], Rows()));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("color 'black'", 7)]
    [InlineData("color = 'black' WHEN", 17)]
    [InlineData("color = 'black' WHEN door = 'rear' WHEN doors = 2", 36)]
    [InlineData("color = door WHEN doors = 2", 9)]
    [InlineData("color > 'black'", 1)]
    [InlineData("color = 'black' WHEN door = ", 29)]
    [InlineData(" WHEN door = 'rear'", 1)]
    public void Badly_written_rules_are_refused_at_their_character(string rule, int column)
    {
        var error = Assert.Throws<RowExpressionException>(() => ReplaceRule.Parse(rule));
        Assert.Equal(rule, error.ExpressionText);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void A_rule_reads_its_column_value_and_condition()
    {
        var rule = ReplaceRule.Parse("\"body color\" = 'black' when door = 'rear'");
        Assert.Equal("body color", rule.Column);
        Assert.Equal(new LiteralOperand(LiteralKind.String, "black", new TextSpan(15, 7)), rule.Value);
        Assert.IsType<ComparisonExpression>(rule.When);
        Assert.Equal(28, rule.When!.Span.Start);
    }
}
