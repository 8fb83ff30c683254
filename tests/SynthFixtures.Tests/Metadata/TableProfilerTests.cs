using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Tests.Metadata;

public class TableProfilerTests
{
    private static ColumnMetadata ProfileOne(string name, params string?[] cells) =>
        TableProfiler.Profile(new Table([name], [cells])).Columns[0];

    private static string?[] Repeat(int times, params string?[] values) =>
        Enumerable.Range(0, times).SelectMany(_ => values).ToArray();

    [Fact]
    public void Integers_with_evidence()
    {
        var column = ProfileOne("age", Repeat(5, "39", "50", "-3", null));
        Assert.Equal(ColumnKind.Integer, column.Kind);
        Assert.Equal("15/15 values parse as integers; 3 distinct; 5 missing", column.Evidence);
    }

    [Fact]
    public void Leading_zeros_and_more_than_15_digits_are_not_integers()
    {
        Assert.NotEqual(ColumnKind.Integer, ProfileOne("zip", Repeat(5, "00501", "02134", "10001")).Kind);
        Assert.NotEqual(ColumnKind.Decimal, ProfileOne("zip", Repeat(5, "00501", "02134", "10001")).Kind);
        Assert.Equal(ColumnKind.Identifier, ProfileOne("code", "1234567890123456", "1234567890123457").Kind);
    }

    [Fact]
    public void Decimals_keep_the_most_decimal_places_seen()
    {
        var column = ProfileOne("price", "1.5", "2.25", "3", "-0.125", "1e-2");
        Assert.Equal(ColumnKind.Decimal, column.Kind);
        Assert.Equal(3, column.DecimalPlaces);
        Assert.Contains("parse as decimal numbers", column.Evidence);
    }

    [Theory]
    [InlineData("true", "false")]
    [InlineData("Yes", "no")]
    [InlineData("Y", "N")]
    [InlineData("t", "f")]
    [InlineData("1", "0")]
    public void Boolean_word_pairs(string yes, string no) =>
        Assert.Equal(ColumnKind.Boolean, ProfileOne("flag", Repeat(4, yes, no, yes)).Kind);

    [Fact]
    public void Two_valued_labels_and_lone_zeros_are_not_boolean()
    {
        Assert.Equal(ColumnKind.Categorical, ProfileOne("sex", Repeat(10, " Male", " Female")).Kind);
        Assert.Equal(ColumnKind.Integer, ProfileOne("count", Repeat(10, "0")).Kind);
        Assert.Equal(ColumnKind.Integer, ProfileOne("count", Repeat(10, "0", "1", "2")).Kind);
    }

    [Theory]
    [InlineData("yyyy-MM-dd", "2024-01-31", "2023-12-01")]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-01-31 13:45:00", "2023-12-01 00:00:00")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss", "2024-01-31T13:45:00", "2023-12-01T00:00:00")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "2024-01-31T13:45:00.123", "2023-12-01T00:00:00.5")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssK", "2024-01-31T13:45:00Z", "2023-12-01T00:00:00+02:00")]
    [InlineData("yyyy/MM/dd", "2024/01/31", "2023/12/01")]
    [InlineData("dd.MM.yyyy", "31.01.2024", "01.12.2023")]
    [InlineData("MMM d yyyy", "Jan 1 2000", "Feb 29 2000")]
    public void Datetime_formats(string expected, string first, string second)
    {
        var column = ProfileOne("when", Repeat(3, first, second));
        Assert.Equal(ColumnKind.DateTime, column.Kind);
        Assert.Equal(expected, column.DateTimeFormat);
    }

    [Fact]
    public void Day_first_dates_are_recognised_by_a_day_above_12()
    {
        var column = ProfileOne("when", "03/04/2024", "25/04/2024", "01/12/2023");
        Assert.Equal("dd/MM/yyyy", column.DateTimeFormat);
        Assert.Equal("MM/dd/yyyy", ProfileOne("when", "03/04/2024", "04/25/2024").DateTimeFormat);
    }

    [Fact]
    public void Ambiguous_slash_dates_default_to_month_first_and_say_so()
    {
        var column = ProfileOne("when", "03/04/2024", "05/06/2024");
        Assert.Equal("MM/dd/yyyy", column.DateTimeFormat);
        Assert.Contains("dd/MM/yyyy", column.Evidence);
    }

    [Fact]
    public void Datetime_needs_99_percent_of_values_in_one_format()
    {
        var values = Enumerable.Range(1, 99).Select(d => new DateTime(2020, 1, 1).AddDays(d).ToString("yyyy-MM-dd")).Append("soon").ToArray();
        Assert.Equal(ColumnKind.DateTime, ProfileOne("d", values).Kind);
        var mixed = values.Take(95).Concat(Repeat(5, "31.01.2024")).ToArray();
        Assert.NotEqual(ColumnKind.DateTime, ProfileOne("d", mixed).Kind);
    }

    [Fact]
    public void Categorical_when_few_labels_repeat()
    {
        var column = ProfileOne("color", Repeat(20, "red", "green", "blue"));
        Assert.Equal(ColumnKind.Categorical, column.Kind);
        Assert.StartsWith("3 distinct labels in 60 values", column.Evidence);
    }

    [Fact]
    public void Text_when_values_are_long_or_one_off()
    {
        var reviews = Enumerable.Range(0, 100).Select(i => $"Review number {i}: this dress fits well and looks lovely").ToArray();
        var column = ProfileOne("review", reviews);
        Assert.Equal(ColumnKind.Text, column.Kind);
        Assert.Contains("free text", column.Evidence);
        Assert.Equal(ColumnKind.Text, ProfileOne("surname", Enumerable.Range(0, 100).Select(i => "Name" + (char)('a' + i % 26) + (char)('a' + i / 26)).ToArray()).Kind);
    }

    [Fact]
    public void Identifiers_integer_by_name_or_sequence_and_string_codes_and_guids()
    {
        Assert.Equal(ColumnKind.Identifier, ProfileOne("CustomerId", "3", "1", "7").Kind);
        Assert.Equal(ColumnKind.Identifier, ProfileOne("customer_id", "3", "1", "7").Kind);
        Assert.Equal(ColumnKind.Integer, ProfileOne("paid", "3", "1", "7").Kind);
        Assert.Equal(ColumnKind.Identifier, ProfileOne("n", Enumerable.Range(0, 20).Select(i => i.ToString()).ToArray()).Kind);
        Assert.Equal(ColumnKind.Integer, ProfileOne("n", "1", "2", "3").Kind); // too few rows to call a sequence a key
        Assert.Equal(ColumnKind.Identifier, ProfileOne("invoice", "INV-001", "INV-002", "INV-003").Kind);
        Assert.Equal(ColumnKind.Identifier, ProfileOne("ref", Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToArray()).Kind);
        Assert.Equal(ColumnKind.Identifier, ProfileOne("user_key", "alice", "bob").Kind);
    }

    [Fact]
    public void Primary_key_is_the_first_complete_id_named_identifier_else_an_identifier_in_the_first_column()
    {
        var rows = Enumerable.Range(1, 12).Select(i => i.ToString()).ToArray();
        var table = new Table(["row", "OrderId", "amount"], [rows, rows.Select(r => "9" + r).ToArray(), rows]);
        Assert.Equal("OrderId", TableProfiler.Profile(table).PrimaryKey);
        var unnamed = new Table(["row", "amount"], [rows, rows.Select(_ => "5").ToArray()]);
        Assert.Equal("row", TableProfiler.Profile(unnamed).PrimaryKey);
        var none = new Table(["amount"], [rows.Select(_ => "5").ToArray()]);
        Assert.Null(TableProfiler.Profile(none).PrimaryKey);
    }

    [Fact]
    public void All_missing_column_is_categorical_with_evidence()
    {
        var column = ProfileOne("empty", null, null);
        Assert.Equal(ColumnKind.Categorical, column.Kind);
        Assert.Equal("all 2 values missing", column.Evidence);
    }

    [Fact]
    public void Options_change_thresholds()
    {
        var cells = Enumerable.Range(0, 100).Select(i => "label" + (i % 60)).ToArray();
        Assert.Equal(ColumnKind.Text, TableProfiler.Profile(new Table(["c"], [cells])).Columns[0].Kind);
        var wider = new ProfileOptions { CategoricalMaxDistinct = 60, CategoricalMinAverageRepeats = 1 };
        Assert.Equal(ColumnKind.Categorical, TableProfiler.Profile(new Table(["c"], [cells]), wider).Columns[0].Kind);
    }
}
