using SynthFixtures.Modeling.Plans;

namespace SynthFixtures.Tests.Modeling.Plans;

/// <summary>Plans as written: a request on one line, a plan file (errors at line and column), and equalization shares.</summary>
public sealed class GenerationPlanTextTests
{
    [Fact]
    public void A_request_line_reads_its_count_condition_and_name()
    {
        var request = PlanRequestText.Parse("count=1000; where=fraud = 1 AND country IN ('DE','FR'); name=fraud");
        Assert.Equal(1000, request.Count);
        Assert.Equal("fraud = 1 AND country IN ('DE','FR')", request.Where);
        Assert.Equal("fraud", request.Name);
        Assert.Equal(new PlanRequest(5), PlanRequestText.Parse(" count = 5 "));
    }

    [Fact]
    public void A_semicolon_inside_a_quoted_label_or_column_does_not_end_the_condition()
    {
        Assert.Equal("note = 'a;b' AND \"x;y\" > 1", PlanRequestText.Parse("where=note = 'a;b' AND \"x;y\" > 1;count=3").Where);
        Assert.Equal("name = 'it''s;here'", PlanRequestText.Parse("count=1;where=name = 'it''s;here'").Where);
    }

    [Theory]
    [InlineData("where=fraud = 1", "has no count")]
    [InlineData("count=-3", "is not a whole number")]
    [InlineData("count=ten", "is not a whole number")]
    [InlineData("count=1; count=2", "gives count twice")]
    [InlineData("count=1; rows=2", "unknown field 'rows'")]
    [InlineData("count=1; where=", "empty where")]
    [InlineData("count=1; fraud", "is not key=value")]
    public void Bad_request_lines_say_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => PlanRequestText.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void A_plan_file_reads_its_requests_in_order()
    {
        var plan = GenerationPlanJson.Parse("""
            // rare cases first
            { "schemaVersion": 1, "requests": [
                { "count": 1000, "where": "fraud = 1", "name": "fraud" },
                { "count": 9000, },
            ] }
            """, "plan.json");
        Assert.Equal(new GenerationPlan([new PlanRequest(1000) { Where = "fraud = 1", Name = "fraud" }, new PlanRequest(9000)]), plan);
        Assert.Equal(10_000, plan.TotalRows);
    }

    [Theory]
    [InlineData("{ \"requests\": [\n  { \"count\": 1, \"wher\": \"x = 1\" }\n] }", 2, 24, "wher")]
    [InlineData("{ \"requests\": [\n  { \"count\": 1 },\n  { \"where\": \"x = 1\" }\n] }", 3, 3, "Request 2 has no count")]
    [InlineData("{ \"requests\": [\n  { \"count\": -1 }\n] }", 2, 14, "asks for -1 rows")]
    [InlineData("{ \"requests\": [\n  { \"count\": 1, \"where\": \" \" }\n] }", 2, 26, "empty where")]
    [InlineData("{\n  \"requests\": []\n}", 2, 15, "no requests")]
    [InlineData("{ \"requests\": [ { \"count\": 1 }\n  { \"count\": 2 } ] }", 2, 3, "not valid JSON")]
    [InlineData("[]", 1, 1, "must be a JSON object")]
    public void Plan_file_errors_point_at_their_line_and_column(string json, int line, int column, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => GenerationPlanJson.Parse(json, "plan.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("plan.json", error.FilePath);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void A_missing_plan_file_is_named()
    {
        var error = Assert.Throws<SynthDataException>(() => GenerationPlanJson.Load(Path.Combine(Path.GetTempPath(), $"no-plan-{Guid.NewGuid():N}.json")));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equalization_reads_a_column_or_labels_with_shares()
    {
        Assert.Equal(new Equalization("race"), Equalization.Parse(" race "));
        Assert.Equal(new Equalization("race", [new LabelShare("White", 0.5), new LabelShare("Asian-Pac-Islander", 0.5)]),
            Equalization.Parse("race=White:0.5, Asian-Pac-Islander:0.5"));
        Assert.Equal(new Equalization("t", [new LabelShare("12:30", 1)]), Equalization.Parse("t=12:30:1"));
    }

    [Theory]
    [InlineData("=a:1", "names no column")]
    [InlineData("race=White", "is not label:share")]
    [InlineData("race=White:half,Black:0.5", "is not a number above 0")]
    [InlineData("race=White:0,Black:1", "is not a number above 0")]
    [InlineData("race=White:0.5,White:0.5", "twice")]
    [InlineData("race=White:0.5,Black:0.4", "add up to 0.9, not 1")]
    public void Bad_equalizations_say_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => Equalization.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 3, new[] { 4, 3, 3 })]
    [InlineData(2, 5, new[] { 1, 1, 0, 0, 0 })]
    [InlineData(0, 2, new[] { 0, 0 })]
    public void Equal_counts_differ_by_at_most_one_and_the_first_labels_get_the_rest(int rows, int parts, int[] expected) =>
        Assert.Equal(expected, Equalization.EqualCounts(rows, parts));

    [Theory]
    [InlineData(10, new[] { 0.25, 0.75 }, new[] { 3, 7 })]
    [InlineData(3333, new[] { 0.1, 0.9 }, new[] { 333, 3000 })]
    [InlineData(7, new[] { 0.2, 0.3, 0.5 }, new[] { 1, 2, 4 })]
    [InlineData(100, new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, new[] { 34, 33, 33 })]
    public void Given_shares_split_rows_by_largest_remainder(int rows, double[] shares, int[] expected)
    {
        var counts = Equalization.LargestRemainder(rows, shares);
        Assert.Equal(expected, counts);
        Assert.Equal(rows, counts.Sum());
    }
}
