using System.Text;
using SynthFixtures.Data;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Data;

/// <summary>Every kind of bad CSV gives a <see cref="SynthDataException"/> that says where and what to do.</summary>
public class CsvTableReaderErrorTests
{
    private static SynthDataException ReadFails(byte[] bytes, CsvReadOptions? options = null)
    {
        using var file = TempFile.WithBytes(bytes);
        var error = Assert.Throws<SynthDataException>(() => CsvTableReader.Read(file.Path, options));
        Assert.Equal(file.Path, error.FilePath);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
        Assert.Contains(file.Path, error.Message);
        return error;
    }

    private static SynthDataException ReadFails(string text, CsvReadOptions? options = null) =>
        ReadFails(Encoding.UTF8.GetBytes(text), options);

    [Fact]
    public void Too_few_fields()
    {
        var error = ReadFails("a,b,c\n1,2,3\n4,5\n");
        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("expected 3, found 2", error.Message);
        Assert.Contains("missing field", error.Hint);
    }

    [Fact]
    public void Too_many_fields()
    {
        var error = ReadFails("a,b\n1,2\n\"x\ny\",2\n4,5,6\n");
        Assert.Equal(5, error.Line); // the quoted line break pushes the row to line 5
        Assert.Equal(3, error.Column);
        Assert.Contains("expected 2, found 3", error.Message);
        Assert.Contains("Quote values", error.Hint);
    }

    [Fact]
    public void Empty_file()
    {
        var error = ReadFails([]);
        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Reason);
        Assert.Contains("header row", error.Hint);
    }

    [Fact]
    public void Whitespace_only_file()
    {
        var error = ReadFails(" \n\t\r\n");
        Assert.Contains("only whitespace", error.Reason);
    }

    [Fact]
    public void Bom_only_file_is_empty()
    {
        var error = ReadFails(Encoding.UTF8.GetPreamble());
        Assert.Contains("whitespace", error.Reason);
    }

    [Fact]
    public void Header_only_file()
    {
        var error = ReadFails("a,b\n");
        Assert.Equal(1, error.Line);
        Assert.Contains("no data rows", error.Reason);
        Assert.Contains("Add data rows", error.Hint);
    }

    [Fact]
    public void Duplicate_column_names_name_both_positions()
    {
        var error = ReadFails("id,name,id\n1,x,2\n");
        Assert.Equal(1, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("Columns 1 and 3", error.Reason);
        Assert.Equal("id", error.ColumnName);
        Assert.Contains("Rename", error.Hint);
    }

    [Fact]
    public void Empty_column_name()
    {
        var error = ReadFails("a,,c\n1,2,3\n");
        Assert.Equal(1, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Contains("empty name", error.Reason);
        Assert.Contains("NameUnnamedColumns", error.Hint);
    }

    [Fact]
    public void Latin1_bytes_are_reported_at_their_line_and_byte()
    {
        // "José" in Latin-1: é is the single byte 0xE9, which is not valid UTF-8 here.
        var bytes = Encoding.Latin1.GetBytes("id,name\n1,Ann\n2,José\n");
        var error = ReadFails(bytes);
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Contains("not valid UTF-8", error.Reason);
        Assert.Contains("0xE9", error.Reason);
        Assert.Contains("byte 6 of line 3", error.Reason);
        Assert.Contains("UTF-8", error.Hint);
    }

    [Fact]
    public void Invalid_utf8_inside_a_quoted_multiline_field_gets_the_right_field()
    {
        var bytes = Encoding.Latin1.GetBytes("id,note,x\n1,\"a,b\nc\u00e9\",z\n");
        var error = ReadFails(bytes);
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
    }

    [Fact]
    public void A_utf16_file_with_broken_pairs_is_refused_by_name()
    {
        // A UTF-16 byte order mark, then a lone high surrogate: not UTF-16 after all.
        var error = ReadFails([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a\n1\n"), 0x00, 0xD8, (byte)'x', 0x00]);
        Assert.Contains("looks like UTF-16LE but does not decode", error.Message);
        Assert.Contains("Re-save", error.Hint);
    }

    [Fact]
    public void Unterminated_quote()
    {
        var error = ReadFails("a,b\n1,2\n3,\"never closed\n4,5\n");
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Contains("never closed", error.Reason);
        Assert.Contains("Close the quote", error.Hint);
    }

    [Fact]
    public void Text_after_a_closing_quote()
    {
        var error = ReadFails("a,b\n1,\"ab\"c\n");
        Assert.Equal(2, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Contains("after its closing quote", error.Reason);
    }

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "synthfixtures-does-not-exist.csv");
        var error = Assert.Throws<SynthDataException>(() => CsvTableReader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("Check the path", error.Hint);
    }
}
