using System.Text;
using SynthFixtures.Data;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Data;

public class CsvTableReaderTests
{
    private static Table ReadText(string text, CsvReadOptions? options = null)
    {
        using var file = TempFile.WithText(text);
        return CsvTableReader.Read(file.Path, options);
    }

    [Fact]
    public void Reads_header_cells_and_source_lines()
    {
        var table = ReadText("a,b\n1,x\n2,y\n");
        Assert.Equal(["a", "b"], table.ColumnNames);
        Assert.Equal(2, table.RowCount);
        Assert.Equal("y", table[1, 1]);
        Assert.Equal(2, table.SourceLine(0));
        Assert.Equal(3, table.SourceLine(1));
        Assert.NotNull(table.SourcePath);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_newlines_and_lines_account_for_them()
    {
        var table = ReadText("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,end\n");
        Assert.Equal("a, b", table[0, 1]);
        Assert.Equal("say \"hi\"", table[1, 1]);
        Assert.Equal("two\nlines", table[2, 1]);
        Assert.Equal([2, 3, 4, 6], Enumerable.Range(0, 4).Select(r => table.SourceLine(r)!.Value));
    }

    [Fact]
    public void Crlf_line_endings_and_missing_final_newline_are_fine()
    {
        var table = ReadText("a,b\r\n1,2\r\n3,4");
        Assert.Equal(2, table.RowCount);
        Assert.Equal("4", table[1, 1]);
        Assert.Equal(3, table.SourceLine(1));
    }

    [Fact]
    public void Empty_lines_are_skipped_but_counted_in_line_numbers()
    {
        var table = ReadText("a,b\n\n1,2\n\n3,4\n");
        Assert.Equal(2, table.RowCount);
        Assert.Equal(3, table.SourceLine(0));
        Assert.Equal(5, table.SourceLine(1));
    }

    [Fact]
    public void Utf8_with_and_without_bom_read_the_same()
    {
        var text = "name,city\nLuís,São Paulo\n";
        using var withBom = TempFile.WithBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        using var withoutBom = TempFile.WithText(text);
        var a = CsvTableReader.Read(withBom.Path);
        var b = CsvTableReader.Read(withoutBom.Path);
        Assert.Equal("name", a.ColumnNames[0]); // not "\uFEFFname"
        Assert.Equal(b.ColumnNames, a.ColumnNames);
        Assert.Equal("São Paulo", a[0, 1]);
        Assert.Equal(b[0, 0], a[0, 0]);
    }

    [Fact]
    public void Default_missing_tokens_become_null_and_raw_values_keep_padding()
    {
        var table = ReadText("a,b,c\n1, State-gov,x\nNA, ?,\n N/A ,NULL,y\nnull, ?,?\n");
        Assert.Equal(" State-gov", table[0, 1]);
        Assert.All(Enumerable.Range(1, 3), r => Assert.Null(table[r, 0]));
        Assert.Null(table[1, 1]);
        Assert.Null(table[1, 2]);
        Assert.Null(table[3, 2]);
        Assert.Equal(" ?", table.MissingTokens[1]); // two " ?" beat one "NULL"
        Assert.Equal("NA", table.MissingTokens[0]); // first seen wins a tie of ones
        Assert.Null(table.MissingTokens[2]); // "" and "?" tie; the empty field came first and is recorded as null
    }

    [Fact]
    public void An_empty_field_as_the_most_frequent_missing_token_is_recorded_as_null()
    {
        var table = ReadText("a,b\n1,\n2,\n3,NA\n4,5\n");
        Assert.Null(table.MissingTokens[1]);
        Assert.Null(table.MissingTokens[0]);
    }

    [Fact]
    public void Missing_tokens_are_configurable_and_case_sensitive()
    {
        var table = ReadText("a\n-\nNA\nx\n", new CsvReadOptions { MissingTokens = ["-"] });
        Assert.Null(table[0, 0]);
        Assert.Equal("NA", table[1, 0]);
        var defaults = ReadText("a\nna\nNA\n");
        Assert.Equal("na", defaults[0, 0]);
        Assert.Null(defaults[1, 0]);
    }

    [Fact]
    public void TrimValues_normalises_cells_headers_and_missing_tokens()
    {
        var table = ReadText(" a , b\n State-gov , ?\n x ,y\n", new CsvReadOptions { TrimValues = true });
        Assert.Equal(["a", "b"], table.ColumnNames);
        Assert.Equal("State-gov", table[0, 0]);
        Assert.Equal("?", table.MissingTokens[1]);
    }

    [Fact]
    public void Semicolon_delimiter()
    {
        var table = ReadText("a;b\n1,5;2\n", new CsvReadOptions { Delimiter = ';' });
        Assert.Equal("1,5", table[0, 0]);
    }

    [Fact]
    public void A_stray_quote_inside_an_unquoted_field_is_kept_as_text()
    {
        var table = ReadText("h,size\n1,5'8\" tall\n");
        Assert.Equal("5'8\" tall", table[0, 1]);
    }

    [Fact]
    public void Repeated_values_share_one_string_instance_per_column()
    {
        var text = new StringBuilder("k,v\n");
        for (var i = 0; i < 2000; i++) text.Append(i).Append(i % 2 == 0 ? ",red\n" : ",blue\n");
        var table = ReadText(text.ToString());
        Assert.Same(table[0, 1], table[1998, 1]);
    }

    [Fact]
    public void Reads_from_a_text_reader_and_a_stream()
    {
        var fromReader = CsvTableReader.Read(new StringReader("a\n1\n"), "inline");
        Assert.Equal("inline", fromReader.SourcePath);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\n2\n"));
        Assert.Equal("2", CsvTableReader.Read(stream, "stream")[0, 0]);
    }

    [Fact]
    public void Legacy_encoding_can_be_declared()
    {
        using var file = TempFile.WithBytes(Encoding.Latin1.GetBytes("name\nJosé\n"));
        var table = CsvTableReader.Read(file.Path, new CsvReadOptions { Encoding = Encoding.Latin1 });
        Assert.Equal("José", table[0, 0]);
    }

    [Fact]
    public void Empty_header_name_can_be_made_up_when_asked()
    {
        var table = ReadText(",a\n0,x\n", new CsvReadOptions { NameUnnamedColumns = true });
        Assert.Equal(["column1", "a"], table.ColumnNames);
    }
}
