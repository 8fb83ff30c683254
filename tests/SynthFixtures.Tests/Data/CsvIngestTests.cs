using System.Text;
using SynthFixtures.Data;

namespace SynthFixtures.Tests.Data;

/// <summary>Delimiters, wide encodings, NUL bytes and size limits: the reader says what it did, or refuses by name.</summary>
public sealed class CsvIngestTests
{
    private static Table ReadBytes(byte[] bytes, CsvReadOptions? options = null) =>
        CsvTableReader.Read(new MemoryStream(bytes), "in.csv", options);

    private static Table ReadText(string text, CsvReadOptions? options = null) => ReadBytes(Encoding.UTF8.GetBytes(text), options);

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void The_delimiter_is_detected_from_the_header_and_recorded(char delimiter)
    {
        var table = ReadText($"a{delimiter}b{delimiter}\"c{delimiter}d\"\n1{delimiter}2{delimiter}3\n");
        Assert.Equal(["a", "b", $"c{delimiter}d"], table.ColumnNames);
        Assert.Equal("3", table[0, 2]);
        Assert.Equal(delimiter, table.Delimiter);
    }

    [Fact]
    public void Commas_inside_quotes_do_not_outvote_the_real_delimiter()
    {
        var table = ReadText("\"x, y, z\";b\n1;2\n");
        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["x, y, z", "b"], table.ColumnNames);
    }

    [Fact]
    public void A_one_column_file_reads_as_one_column_and_a_forced_delimiter_wins()
    {
        Assert.Single(ReadText("name\nann\nbob\n").ColumnNames);
        var forced = ReadText("a;b\n1;2\n", new CsvReadOptions { Delimiter = ',' });
        Assert.Equal(["a;b"], forced.ColumnNames);
        Assert.Equal(',', forced.Delimiter);
    }

    [Theory]
    [InlineData("utf-16le", true)]
    [InlineData("utf-16le", false)]
    [InlineData("utf-16be", true)]
    [InlineData("utf-16be", false)]
    [InlineData("utf-32le", true)]
    [InlineData("utf-32le", false)]
    [InlineData("utf-32be", true)]
    [InlineData("utf-32be", false)]
    public void Wide_encodings_are_transcoded_with_or_without_a_byte_order_mark(string name, bool bom)
    {
        var bigEndian = name.EndsWith("be", StringComparison.Ordinal);
        Encoding encoding = name.StartsWith("utf-16", StringComparison.Ordinal) ? new UnicodeEncoding(bigEndian, bom) : new UTF32Encoding(bigEndian, bom);
        var table = ReadBytes([.. encoding.GetPreamble(), .. encoding.GetBytes("näme,b\n1,é\n2,ø\n")]);
        Assert.Equal(["näme", "b"], table.ColumnNames);
        Assert.Equal("ø", table[1, 1]);
        Assert.StartsWith(name, table.TranscodedFrom, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(!bom, table.TranscodedFrom!.Contains("no byte order mark", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf8_input_is_not_transcoded()
    {
        Assert.Null(ReadText("a,b\n1,2\n").TranscodedFrom);
        Assert.Equal("", CsvTableReader.DescribeFormat(ReadText("a,b\n1,2\n")));
        Assert.Equal(" (semicolon-separated)", CsvTableReader.DescribeFormat(ReadText("a;b\n1;2\n")));
    }

    [Fact]
    public void A_nul_byte_is_refused_with_its_line()
    {
        var e = Assert.Throws<SynthDataException>(() => ReadBytes([.. Encoding.ASCII.GetBytes("a,b\n1,2\n3,x"), 0, (byte)'\n']));
        Assert.Equal(3, e.Line);
        Assert.Contains("NUL byte", e.Message);
    }

    [Fact]
    public void An_endless_stream_is_refused_at_the_size_limit()
    {
        var options = new CsvReadOptions { MaxInputBytes = 1 << 20, MaxLineBytes = 1 << 22 };
        var e = Assert.Throws<SynthDataException>(() => CsvTableReader.Read(new EndlessStream(), "/dev/zero", options));
        Assert.Contains("longer than the maximum of 1,048,576 bytes", e.Message);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_naming_the_line()
    {
        var options = new CsvReadOptions { MaxLineBytes = 1000 };
        var text = "a,b\n1,2\n3," + new string('x', 2000) + "\n";
        var e = Assert.Throws<SynthDataException>(() => ReadText(text, options));
        Assert.Equal(3, e.Line);
        Assert.Contains("Line 3 is longer than the maximum of 1,000 bytes", e.Message);
        Assert.Equal(2, ReadText("a,b\n1,2\n3," + new string('x', 900) + "\n", options).RowCount);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"synthfixtures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 1000)));
        try
        {
            var e = Assert.Throws<SynthDataException>(() => CsvTableReader.Read(path, new CsvReadOptions { MaxInputBytes = 100 }));
            Assert.Contains("4,004 bytes, more than the maximum of 100 bytes", e.Message);
            Assert.Equal(path, e.FilePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_folder_is_named_as_a_folder()
    {
        var e = Assert.Throws<SynthDataException>(() => CsvTableReader.Read(Path.GetTempPath()));
        Assert.Contains("is a folder, not a file", e.Message);
    }

    /// <summary>A stream of zeros that never ends and cannot seek, like /dev/zero.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'0', offset, count); // digits, so only the size limit can stop it
            for (var i = offset + 99; i < offset + count; i += 100) buffer[i] = (byte)'\n';
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
