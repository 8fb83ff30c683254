using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Metadata;

/// <summary>
/// A string column is categorical when its labels repeat, whatever their number; people's names and addresses stay
/// personal data; number columns keep a few bad cells; the evidence states the numbers used.
/// </summary>
public sealed class ProfilerRepeatsAndBadCellsTests
{
    private static ColumnMetadata Profile(string name, IEnumerable<string?> cells) =>
        TableProfiler.Profile(new Table([name], [cells.ToArray()])).Columns[0];

    [Fact]
    public void A_company_column_of_174_labels_used_17_times_each_is_categorical()
    {
        var column = Profile("company", Enumerable.Range(0, 2969).Select(i => $"Firm {i % 174} GmbH"));
        Assert.Equal(ColumnKind.Categorical, column.Kind);
        Assert.Equal(PiiKind.None, column.Pii);
        Assert.Equal("174 distinct labels in 2969 values, 17.1 uses per label, 100% of values have a label that repeats (categorical from 80%, or up to 50 labels)", column.Evidence);
    }

    [Fact]
    public void A_person_name_column_of_550_labels_is_personal_data_not_categorical_labels()
    {
        string[] first = ["Ana", "Ben", "Chloe", "Dmitri", "Eva", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira"];
        string[] last = ["Smith", "Okafor", "Moreau", "Tanaka", "Silva", "Novak", "Berg", "Quinn", "Rossi", "Walsh"];
        var names = Enumerable.Range(0, 2969).Select(i => i % 550).Select(k => $"{first[k % 11]} {last[k / 11 % 10]} {"ABCDE"[k / 110]}.");
        var column = Profile("Employee", names);
        Assert.Equal(PiiKind.PersonName, column.Pii);
        Assert.False(column.IsModelled);
        Assert.Contains("PII PersonName: 100% of values look like people's names", column.Evidence);
    }

    [Theory]
    [InlineData("first_name", "Ana")]
    [InlineData("LastName", "O'Neil")]
    [InlineData("Customer Name", "Ana María Silva")]
    public void Name_columns_are_person_names(string name, string value) =>
        Assert.Equal(PiiKind.PersonName, Profile(name, Enumerable.Repeat(value, 30).Select((v, i) => v + (i % 2 == 0 ? "" : "-Lee"))).Pii);

    [Fact]
    public void Song_titles_in_a_name_column_are_not_person_names()
    {
        string[] titles = ["For Those About To Rock (We Salute You)", "Balls to the Wall", "Fast As a Shark", "Restless and Wild", "Princess of the Dawn", "Put The Finger On You", "Let's Get It Up", "Inject The Venom", "Snowballed", "Evil Walks"];
        Assert.Equal(PiiKind.None, Profile("Name", titles).Pii);
    }

    [Fact]
    public void Street_addresses_are_personal_data()
    {
        var column = Profile("BillingAddress", Enumerable.Range(0, 100).Select(i => $"{i + 1} Main Street"));
        Assert.Equal(PiiKind.StreetAddress, column.Pii);
        Assert.Equal(PiiKind.None, Profile("email_address", Enumerable.Range(0, 50).Select(i => $"Category {i % 5}")).Pii);
    }

    [Fact]
    public void Long_mostly_unique_prose_is_text_and_one_off_codes_are_not_categorical()
    {
        var prose = Profile("review", Enumerable.Range(0, 200).Select(i => $"I bought this in size {i} and it fits well, but the fabric is thin."));
        Assert.Equal(ColumnKind.Text, prose.Kind);
        Assert.Contains("free text", prose.Evidence);
        var oneOffs = Profile("tag", Enumerable.Range(0, 200).Select(i => "tag" + (char)('a' + i % 26) + (char)('a' + i / 26)));
        Assert.Equal(ColumnKind.Text, oneOffs.Kind);
        Assert.Contains("0% of values have a label that repeats", oneOffs.Evidence);
    }

    [Fact]
    public void Unique_postal_codes_are_identifier_like_codes()
    {
        string[] codes = ["H2G 1A7", "01310-200", "SW1V 3EN", "94043-1351", "1010", "00192", "T6G 2C7", "EH4 1HH", "75009", "X1A 1N6"];
        var column = Profile("PostalCode", codes);
        Assert.Equal(ColumnKind.Identifier, column.Kind);
        Assert.Contains("postal codes and the like", column.Evidence);
        // Longer or punctuated one-offs are no such codes.
        Assert.NotEqual(ColumnKind.Identifier, Profile("note", codes.Select(c => c + " (see the form)")).Kind);
    }

    [Fact]
    public void Short_names_and_titles_are_categories_but_sentences_stay_text()
    {
        string[] names = ["AC/DC", "Let There Be Rock", "Alanis Morissette", "São Paulo", "Heavy Metal", "Os Paralamas Do Sucesso",
            "Balls to the Wall", "Bach: Goldberg Variations", "Hip Hop/Rap", "Jagged Little Pill", "The Best Of Billy Cobham", "Rio de Janeiro"];
        var column = Profile("Title", names);
        Assert.Equal(ColumnKind.Categorical, column.Kind);
        Assert.Contains("short names or titles", column.Evidence);
        // Review titles are sentence case and end in exclamation marks: prose.
        string[] titles = ["Love this dress!", "Runs small", "Some major design flaws", "My favorite buy!", "Flattering shirt", "Not for the very petite",
            "Cagrcoal shimmer fun", "Shimmer, surprisingly goes with lots", "Great!", "Beautiful but runs large", "Pretty colors", "So soft"];
        Assert.Equal(ColumnKind.Text, Profile("Title", titles).Kind);
        // Personal names stay personal data (faked), not categories.
        var people = Profile("FirstName", ["Ann", "Bob", "Cyril", "Dora", "Edgar", "Fanny", "Gus", "Hilda", "Ivan", "Jill"]);
        Assert.Equal((ColumnKind.Text, PiiKind.PersonName), (people.Kind, people.Pii));
    }

    [Fact]
    public void Mostly_one_offs_with_a_few_repeats_stay_text()
    {
        // 60 labels each used twice among 600 one-offs: 2 uses per label is not reached, and few values repeat.
        var cells = Enumerable.Range(0, 600).Select(i => $"u{i}").Concat(Enumerable.Range(0, 120).Select(i => $"r{i % 60}"));
        Assert.Equal(ColumnKind.Text, Profile("note", cells).Kind);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e308")]
    [InlineData("12345678901234567")]
    public void One_bad_cell_in_a_thousand_keeps_an_integer_column_and_the_evidence_says_so(string bad)
    {
        var cells = Enumerable.Range(0, 999).Select(i => (20 + i % 50).ToString(CultureInfo.InvariantCulture)).Append(bad);
        var column = Profile("age", cells);
        Assert.Equal(ColumnKind.Integer, column.Kind);
        Assert.Equal($"999/1000 values parse as integers; 51 distinct; 1 not a number ('{bad}'), read as missing (numeric from 95%)", column.Evidence);
    }

    [Fact]
    public void Decimals_with_a_bad_cell_stay_decimal_and_more_than_five_percent_bad_is_not_numeric()
    {
        var decimals = Profile("price", Enumerable.Range(0, 99).Select(i => (i / 4.0).ToString(CultureInfo.InvariantCulture)).Append("free"));
        Assert.Equal(ColumnKind.Decimal, decimals.Kind);
        Assert.Equal(2, decimals.DecimalPlaces);
        var words = Profile("age", Enumerable.Range(0, 94).Select(i => i.ToString(CultureInfo.InvariantCulture)).Concat(Enumerable.Repeat("unknown", 6)));
        Assert.NotEqual(ColumnKind.Integer, words.Kind);
    }

    [Fact]
    public void A_zero_padded_code_keeps_a_column_text()
    {
        var column = Profile("zip", Enumerable.Range(0, 100).Select(i => i == 0 ? "01234" : (10000 + i).ToString(CultureInfo.InvariantCulture)));
        Assert.NotEqual(ColumnKind.Integer, column.Kind);
    }

    private static TableMetadata ProfileDataset(params string[] parts)
    {
        var path = Datasets.Path(parts);
        Skip.If(path is null, Datasets.Missing(parts));
        return TableProfiler.Profile(CsvTableReader.Read(path!, new CsvReadOptions { NameUnnamedColumns = true }));
    }

    private static void AssertKinds(TableMetadata metadata, params (string Column, ColumnKind Kind, PiiKind Pii)[] expected)
    {
        foreach (var (column, kind, pii) in expected)
        {
            var found = metadata.Find(column)!;
            Assert.True(found.Kind == kind && found.Pii == pii, $"{column}: {found.Kind}/{found.Pii}, expected {kind}/{pii} ({found.Evidence})");
        }
    }

    [SkippableFact]
    public void Chinook_invoices_customers_and_tracks_profile_as_expected()
    {
        AssertKinds(ProfileDataset("chinook", "Invoice.csv"),
            ("BillingCountry", ColumnKind.Categorical, PiiKind.None), ("BillingCity", ColumnKind.Categorical, PiiKind.None),
            ("BillingAddress", ColumnKind.Categorical, PiiKind.StreetAddress), ("Total", ColumnKind.Decimal, PiiKind.None));
        AssertKinds(ProfileDataset("chinook", "Customer.csv"),
            ("FirstName", ColumnKind.Text, PiiKind.PersonName), ("LastName", ColumnKind.Text, PiiKind.PersonName),
            ("Email", ColumnKind.Text, PiiKind.Email), ("Country", ColumnKind.Categorical, PiiKind.None),
            ("PostalCode", ColumnKind.Identifier, PiiKind.None), ("City", ColumnKind.Categorical, PiiKind.None), ("State", ColumnKind.Categorical, PiiKind.None));
        // Names and titles are categories; Track.Name has more labels than a categorical is given (3,257), so it stays text.
        AssertKinds(ProfileDataset("chinook", "Track.csv"),
            ("Name", ColumnKind.Text, PiiKind.None), ("Composer", ColumnKind.Categorical, PiiKind.None), ("GenreId", ColumnKind.Integer, PiiKind.None));
        AssertKinds(ProfileDataset("chinook", "Artist.csv"), ("Name", ColumnKind.Categorical, PiiKind.None));
        AssertKinds(ProfileDataset("chinook", "Album.csv"), ("Title", ColumnKind.Categorical, PiiKind.None));
        AssertKinds(ProfileDataset("chinook", "Employee.csv"), ("PostalCode", ColumnKind.Identifier, PiiKind.None), ("Title", ColumnKind.Categorical, PiiKind.None));
    }

    [SkippableFact]
    public void Clothing_reviews_weather_and_stocks_profile_as_expected()
    {
        AssertKinds(ProfileDataset("womens_clothing_reviews", "womens_clothing_ecommerce_reviews.csv"),
            ("Review Text", ColumnKind.Text, PiiKind.None), ("Title", ColumnKind.Text, PiiKind.None),
            ("Class Name", ColumnKind.Categorical, PiiKind.None), ("Age", ColumnKind.Integer, PiiKind.None));
        AssertKinds(ProfileDataset("timeseries_weather_stocks", "weather.csv"),
            ("location", ColumnKind.Categorical, PiiKind.None), ("weather", ColumnKind.Categorical, PiiKind.None), ("date", ColumnKind.DateTime, PiiKind.None));
        AssertKinds(ProfileDataset("timeseries_weather_stocks", "stocks.csv"),
            ("symbol", ColumnKind.Categorical, PiiKind.None), ("price", ColumnKind.Decimal, PiiKind.None));
    }
}
