using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.TestData;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Metadata;

/// <summary>Profiles the shared real datasets; skipped when they are not present.</summary>
public class DatasetProfileTests
{
    private static Table Read(params string[] parts)
    {
        var path = Datasets.Path(parts);
        Skip.If(path is null, Datasets.Missing(parts));
        return CsvTableReader.Read(path, new CsvReadOptions { NameUnnamedColumns = true });
    }

    [SkippableFact]
    public void Adult_numbers_are_integers_the_rest_categorical()
    {
        var table = Read("adult", "adult.csv");
        var metadata = TableProfiler.Profile(table);

        string[] integers = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];
        foreach (var column in metadata.Columns)
            Assert.True((integers.Contains(column.Name) ? ColumnKind.Integer : ColumnKind.Categorical) == column.Kind,
                $"{column.Name} is {column.Kind}: {column.Evidence}");
        Assert.Equal("32561/32561 values parse as integers; 73 distinct", metadata.Find("age")!.Evidence);
        Assert.All(metadata.Columns, c => Assert.Equal(PiiKind.None, c.Pii));
        Assert.Null(metadata.PrimaryKey);
    }

    [SkippableFact]
    public void California_housing_decimals_missing_bedrooms_and_categorical_proximity()
    {
        var metadata = TableProfiler.Profile(Read("california_housing", "housing.csv"));
        Assert.Equal(ColumnKind.Decimal, metadata.Find("longitude")!.Kind);
        Assert.Equal(2, metadata.Find("longitude")!.DecimalPlaces);
        Assert.Equal(4, metadata.Find("median_income")!.DecimalPlaces);
        Assert.Equal(ColumnKind.Decimal, metadata.Find("total_bedrooms")!.Kind);
        Assert.Contains("207 missing", metadata.Find("total_bedrooms")!.Evidence);
        Assert.Equal(ColumnKind.Categorical, metadata.Find("ocean_proximity")!.Kind);
    }

    [SkippableFact]
    public void Chinook_customers_have_an_id_key_and_pii()
    {
        var metadata = TableProfiler.Profile(Read("chinook", "Customer.csv"));
        Assert.Equal(ColumnKind.Identifier, metadata.Find("CustomerId")!.Kind);
        Assert.Equal("CustomerId", metadata.PrimaryKey);
        Assert.Equal(PiiKind.Email, metadata.Find("Email")!.Pii);
        Assert.Equal(PiiKind.Phone, metadata.Find("Phone")!.Pii);
        Assert.Equal(PiiKind.None, metadata.Find("PostalCode")!.Pii);
        Assert.Equal(ColumnKind.Integer, metadata.Find("SupportRepId")!.Kind);
    }

    [SkippableFact]
    public void Chinook_invoice_dates()
    {
        var metadata = TableProfiler.Profile(Read("chinook", "Invoice.csv"));
        Assert.Equal(ColumnKind.DateTime, metadata.Find("InvoiceDate")!.Kind);
        Assert.Equal("yyyy-MM-dd HH:mm:ss", metadata.Find("InvoiceDate")!.DateTimeFormat);
    }

    [SkippableFact]
    public void Womens_reviews_text_boolean_and_index()
    {
        var metadata = TableProfiler.Profile(Read("womens_clothing_reviews", "womens_clothing_ecommerce_reviews.csv"));
        Assert.Equal(ColumnKind.Text, metadata.Find("Review Text")!.Kind);
        Assert.Equal(ColumnKind.Text, metadata.Find("Title")!.Kind);
        Assert.Equal(ColumnKind.Boolean, metadata.Find("Recommended IND")!.Kind);
        Assert.Equal(ColumnKind.Identifier, metadata.Find("column1")!.Kind);
        Assert.Equal(ColumnKind.Categorical, metadata.Find("Class Name")!.Kind);
    }
}
