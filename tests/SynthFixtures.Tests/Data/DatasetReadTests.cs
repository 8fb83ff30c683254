using SynthFixtures.Data;
using SynthFixtures.Tests.TestData;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Data;

/// <summary>Reads the shared real datasets; skipped when they are not present.</summary>
public class DatasetReadTests
{
    [SkippableFact]
    public void Adult_reads_with_its_missing_token_and_round_trips_byte_for_byte()
    {
        var path = Datasets.Path("adult", "adult.csv");
        Skip.If(path is null, Datasets.Missing("adult", "adult.csv"));
        var table = CsvTableReader.Read(path);

        Assert.Equal(32561, table.RowCount);
        Assert.Equal(15, table.ColumnCount);
        Assert.Equal(" State-gov", table[0, 1]);
        Assert.Equal(" ?", table.MissingTokens[table.IndexOf("workclass")]);
        Assert.Null(table.MissingTokens[table.IndexOf("age")]);
        Assert.Equal(32562, table.SourceLine(32560));

        using var copy = TempFile.Empty();
        CsvTableWriter.Write(table, copy.Path);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(copy.Path));
    }

    [SkippableFact]
    public void Womens_reviews_with_multiline_quoted_text_and_an_unnamed_index()
    {
        var path = Datasets.Path("womens_clothing_reviews", "womens_clothing_ecommerce_reviews.csv");
        Skip.If(path is null, Datasets.Missing("womens_clothing_reviews"));
        var error = Assert.Throws<SynthDataException>(() => CsvTableReader.Read(path));
        Assert.Equal(1, error.Column);

        var table = CsvTableReader.Read(path, new CsvReadOptions { NameUnnamedColumns = true });
        Assert.Equal(23486, table.RowCount);
        Assert.Equal("column1", table.ColumnNames[0]);
        Assert.True(table.SourceLine(table.RowCount - 1) > table.RowCount + 1, "multi-line reviews push later rows down");
    }

    [SkippableFact]
    public void Chinook_customers_keep_accents_and_quoted_commas()
    {
        var path = Datasets.Path("chinook", "Customer.csv");
        Skip.If(path is null, Datasets.Missing("chinook", "Customer.csv"));
        var table = CsvTableReader.Read(path);
        Assert.Equal("Luís", table[0, table.IndexOf("FirstName")]);
        Assert.Equal("Av. Brigadeiro Faria Lima, 2170", table[0, table.IndexOf("Address")]);
    }
}
