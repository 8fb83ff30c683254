using System.Text;
using SynthFixtures.Data;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Data;

public class CsvTableWriterTests
{
    [Fact]
    public void Quotes_only_fields_that_need_it_and_uses_lf()
    {
        var table = new Table(["id", "text, quoted"],
            [["1", "2", "3", "4"], ["plain", "a,b", "say \"hi\"", "two\r\nlines"]]);
        Assert.Equal("id,\"text, quoted\"\n1,plain\n2,\"a,b\"\n3,\"say \"\"hi\"\"\"\n4,\"two\r\nlines\"\n",
            CsvTableWriter.WriteToString(table));
    }

    [Fact]
    public void Missing_cells_are_written_with_the_columns_token_and_padding_is_kept()
    {
        var table = new Table(["a", "b"], [[" State-gov", null], [null, "x"]], [null, " ?"]);
        Assert.Equal("a,b\n State-gov, ?\n,x\n", CsvTableWriter.WriteToString(table));
    }

    [Fact]
    public void A_single_column_keeps_its_empty_rows()
    {
        var table = new Table(["a"], [["1", null, "3"]]);
        var text = CsvTableWriter.WriteToString(table);
        Assert.Equal("a\n1\n\"\"\n3\n", text);
        var back = CsvTableReader.Read(new StringReader(text), "inline");
        Assert.Equal(3, back.RowCount);
        Assert.Null(back[1, 0]);
    }

    [Fact]
    public void Files_are_utf8_without_bom_and_byte_identical_for_identical_tables()
    {
        var table = new Table(["name"], [["São Paulo", "Zürich"]]);
        using var first = TempFile.Empty();
        using var second = TempFile.Empty();
        CsvTableWriter.Write(table, first.Path);
        CsvTableWriter.Write(new Table(["name"], [["São Paulo", "Zürich"]]), second.Path);
        var bytes = File.ReadAllBytes(first.Path);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        Assert.Equal(bytes, File.ReadAllBytes(second.Path));
        Assert.Equal("name\nSão Paulo\nZürich\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Read_then_write_reproduces_the_source_bytes()
    {
        const string source = "id,workclass,note\n1, State-gov,\"a, b\"\n2, ?,\"multi\nline \"\"quoted\"\"\"\n3, Private,\n";
        using var input = TempFile.WithText(source);
        using var output = TempFile.Empty();
        CsvTableWriter.Write(CsvTableReader.Read(input.Path), output.Path);
        Assert.Equal(File.ReadAllBytes(input.Path), File.ReadAllBytes(output.Path));
    }
}
