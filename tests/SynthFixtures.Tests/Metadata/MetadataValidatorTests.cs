using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Tests.Metadata;

public class MetadataValidatorTests
{
    private static readonly Table Csv = new(["id", "age", "city"], [["1"], ["30"], ["Oslo"]], sourcePath: "people.csv", sourceLines: [2]);

    private static TableMetadata Describe(params string[] names) =>
        new() { Columns = names.Select(n => new ColumnMetadata { Name = n, Kind = ColumnKind.Categorical }).ToArray() };

    [Fact]
    public void Matching_columns_in_any_order_pass() => MetadataValidator.CheckAgainst(Describe("city", "id", "age"), Csv);

    [Fact]
    public void A_metadata_column_the_csv_lacks()
    {
        var error = Assert.Throws<SynthDataException>(() => MetadataValidator.CheckAgainst(Describe("id", "age", "city", "income"), Csv));
        Assert.Equal("people.csv", error.FilePath);
        Assert.Equal(1, error.Line);
        Assert.Contains("the metadata names column 'income', which the CSV does not have", error.Reason);
        Assert.Contains("match the CSV header exactly", error.Hint);
    }

    [Fact]
    public void A_csv_column_the_metadata_lacks_points_at_its_field()
    {
        var error = Assert.Throws<SynthDataException>(() => MetadataValidator.CheckAgainst(Describe("id", "Age"), Csv));
        Assert.Equal(2, error.Column);
        Assert.Contains("the metadata names column 'Age'", error.Reason);
        Assert.Contains("the CSV has columns 'age', 'city', which the metadata does not describe", error.Reason);
    }
}
