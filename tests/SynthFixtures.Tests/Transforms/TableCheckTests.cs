using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Tests.Transforms;

/// <summary>Cells checked against their kinds: bad cells become missing and are listed, or refused; contradicting kinds are refused.</summary>
public sealed class TableCheckTests
{
    private static Table Read(string text) => CsvTableReader.Read(new StringReader(text), "t.csv");

    private static string Rows(Func<int, string?> age, int count = 100) =>
        "age,flag\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{age(i) ?? (20 + i % 40).ToString(System.Globalization.CultureInfo.InvariantCulture)},{(i % 2 == 0 ? "yes" : "no")}\n"));

    [Fact]
    public void Bad_cells_become_missing_and_are_listed_with_line_and_column()
    {
        var table = Read(Rows(i => i switch { 3 => "abc", 10 => "NaN", 11 => "-1e308", _ => null }, 1000));
        var (cleaned, metadata, issues) = TableCheck.Prepare(null, table);
        Assert.Equal(ColumnKind.Integer, metadata.Find("age")!.Kind);
        Assert.Equal([5, 12, 13], issues.Select(i => i.Line!.Value));
        Assert.All(issues, i => Assert.Equal(1, i.Column));
        Assert.Equal(["abc", "NaN", "-1e308"], issues.Select(i => i.Value));
        Assert.Null(cleaned[3, 0]);
        Assert.Equal("abc", table[3, 0]); // the table read is left as it was
        Assert.Equal("t.csv line 5, column 1 (age): 'abc' is not an integer; read as missing", issues[0].ToString());
        Assert.Equal(1000, ColumnValues.ToDoubles(cleaned, 0, metadata.Find("age")!).Length); // no cell left that would throw
    }

    [Fact]
    public void Strict_refuses_the_first_bad_cell()
    {
        var table = Read(Rows(i => i == 7 ? "Infinity" : null, 1000));
        var e = Assert.Throws<SynthDataException>(() => TableCheck.Prepare(null, table, BadCellPolicy.Reject));
        Assert.Equal((9, 1), (e.Line, e.Column));
        Assert.Contains("'Infinity' in column 'age' is not an integer", e.Message);
    }

    [Fact]
    public void A_clean_table_is_returned_as_is()
    {
        var table = Read(Rows(_ => null));
        var result = TableCheck.Prepare(null, table);
        Assert.Same(table, result.Table);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Metadata_whose_boolean_column_has_many_labels_is_refused()
    {
        var table = Read("id,flag\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i},L{i % 67}\n")));
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "id", Kind = ColumnKind.Integer }, new ColumnMetadata { Name = "flag", Kind = ColumnKind.Boolean }],
        };
        var e = Assert.Throws<SynthDataException>(() => TableCheck.Prepare(metadata, table));
        Assert.Contains("declares column 'flag' boolean, but it has 67 distinct labels", e.Message);
        Assert.Equal(("t.csv", 4, 2), (e.FilePath, e.Line, e.Column));
    }

    [Fact]
    public void Metadata_declaring_numbers_over_words_is_refused_and_a_few_words_are_bad_cells()
    {
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "age", Kind = ColumnKind.Decimal }, new ColumnMetadata { Name = "flag", Kind = ColumnKind.Boolean }],
        };
        var many = Read(Rows(i => i % 10 == 0 ? "old" : null));
        var e = Assert.Throws<SynthDataException>(() => TableCheck.Prepare(metadata, many));
        Assert.Contains("declares column 'age' decimal, but 10 of its 100 values (10%) are not a finite number within ±10^15, e.g. 'old' at line 2", e.Message);
        var few = TableCheck.Prepare(metadata, Read(Rows(i => i == 50 ? "old" : null)));
        Assert.Single(few.Issues);
    }

    [Fact]
    public void Synthetic_rows_are_conformed_to_settled_metadata()
    {
        var metadata = TableCheck.Prepare(null, Read(Rows(_ => null))).Metadata;
        var synthetic = TableCheck.Conform(metadata, Read(Rows(i => i == 0 ? "NaN" : null)));
        Assert.Equal(2, synthetic.Issues.Single().Line);
    }

    [Fact]
    public void A_date_in_another_format_among_dates_is_a_bad_cell()
    {
        var text = "day,n\n" + string.Concat(Enumerable.Range(0, 300).Select(i => (i == 150 ? "31/12/2024" : new DateTime(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) + ",1\n"));
        var (cleaned, metadata, issues) = TableCheck.Prepare(null, Read(text));
        Assert.Equal(ColumnKind.DateTime, metadata.Find("day")!.Kind);
        var issue = Assert.Single(issues);
        Assert.Equal((152, 1, "31/12/2024"), (issue.Line!.Value, issue.Column, issue.Value));
        Assert.Equal("a date in the format 'yyyy-MM-dd'", issue.Expected);
        Assert.Null(cleaned[150, 0]);
    }
}
