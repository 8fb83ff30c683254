using SynthFixtures.Databases.Writing;

namespace SynthFixtures.Tests.Databases;

/// <summary>The declared-type parsing and the PostgreSQL type table docs/databases.md lists.</summary>
public class SeedTypeMappingTests
{
    [Theory]
    [InlineData("INTEGER", "integer")]
    [InlineData("NVARCHAR(70)", "varchar(70)")]
    [InlineData("character varying(40)", "varchar(40)")]
    [InlineData("NVARCHAR(MAX)", "text")]
    [InlineData("NUMERIC(10,2)", "numeric(10,2)")]
    [InlineData("decimal", "numeric")]
    [InlineData("DATETIME", "timestamp")]
    [InlineData("timestamp(3) without time zone", "timestamp")]
    [InlineData("TIMESTAMP WITH TIME ZONE", "timestamptz")]
    [InlineData("DATE", "date")]
    [InlineData("BOOLEAN", "boolean")]
    [InlineData("REAL", "real")]
    [InlineData("DOUBLE PRECISION", "double precision")]
    [InlineData("BIGINT", "bigint")]
    [InlineData("UNIQUEIDENTIFIER", "uuid")]
    [InlineData("BLOB", "text")]
    [InlineData("", "text")]
    public void Declared_types_map_to_PostgreSQL_types(string declared, string expected)
    {
        var postgres = PostgreSqlTypes.ForDeclared(DeclaredType.Parse(declared, "T", "c"), ["1"]);
        Assert.Equal(expected, postgres);
        Assert.NotNull(PostgreSqlTypes.Writable(postgres));
    }

    [Fact]
    public void An_integer_column_is_widened_when_a_cell_does_not_fit_32_bits()
    {
        var integer = DeclaredType.Parse("INTEGER", "T", "c");
        Assert.Equal("integer", PostgreSqlTypes.ForDeclared(integer, ["2147483647", null, "-5"]));
        Assert.Equal("bigint", PostgreSqlTypes.ForDeclared(integer, ["1", "2147483648"]));
        Assert.Equal("integer", PostgreSqlTypes.ForDeclared(DeclaredType.Parse("SMALLINT", "T", "c"), ["40000"]));
    }

    [Theory]
    [InlineData("INTEGER", "Int64")]
    [InlineData("NVARCHAR(40)", "Text")]
    [InlineData("NUMERIC(10,2)", "Decimal")]
    [InlineData("REAL", "Double")]
    [InlineData("BOOLEAN", "Boolean")]
    [InlineData("DATETIME", "Timestamp")]
    [InlineData("DATE", "Date")]
    [InlineData("", "Text")]
    public void SQLite_columns_are_written_by_affinity_with_dates_and_booleans_recognised(string declared, string expected) =>
        Assert.Equal(expected, SqliteTypes.Kind(DeclaredType.Parse(declared, "T", "c")).ToString());

    [Theory]
    [InlineData("INTEGER); DROP TABLE x; --")]
    [InlineData("TEXT DEFAULT 'a'")]
    [InlineData("VARCHAR(10")]
    public void A_declared_type_that_is_not_a_type_name_is_refused(string declared)
    {
        var error = Assert.Throws<SynthDataException>(() => DeclaredType.Parse(declared, "Track", "Name"));
        Assert.Contains("Table 'Track', column 'Name'", error.Message);
    }
}
