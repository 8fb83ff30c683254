using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>The context encoder: which columns, their bins and labels, rare labels, missing cells.</summary>
public class TextContextEncoderTests
{
    /// <summary>
    /// 200 reviews: the rating decides the words, the department the garment; age is noise; id, email, title are
    /// not context material (key, personal data, text); "Code" is near-unique.
    /// </summary>
    internal static (Table Table, TableMetadata Metadata) Reviews()
    {
        const int rows = 200;
        string[] departments = ["Dresses", "Tops", "Bottoms"];
        var columns = new List<string?[]>();
        var id = new string?[rows];
        var rating = new string?[rows];
        var department = new string?[rows];
        var age = new string?[rows];
        var email = new string?[rows];
        var code = new string?[rows];
        var title = new string?[rows];
        var text = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            id[r] = r.ToString(CultureInfo.InvariantCulture);
            var stars = 1 + r % 5;
            rating[r] = stars.ToString(CultureInfo.InvariantCulture);
            department[r] = r == 7 ? "Jackets" : r % 17 == 0 ? null : departments[r / 5 % 3];
            age[r] = (20 + r * 37 % 50).ToString(CultureInfo.InvariantCulture);
            email[r] = $"user{r}@example.com";
            code[r] = $"C{r * 7919 % 1000}";
            title[r] = $"Title {r}";
            var garment = department[r] switch { "Dresses" => "dress", "Tops" => "top", _ => "pants" };
            text[r] = r % 23 == 0 ? null : stars >= 4 ? $"I love this {garment}, it is perfect." : $"The {garment} is awful and cheap.";
        }
        var names = new[] { "Id", "Rating", "Department", "Age", "Email", "Code", "Title", "Review" };
        var table = new Table(names, [id, rating, department, age, email, code, title, text]);
        var metadata = new TableMetadata
        {
            PrimaryKey = "Id",
            Columns =
            [
                new ColumnMetadata { Name = "Id", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "Rating", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "Department", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "Age", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "Email", Kind = ColumnKind.Categorical, Pii = PiiKind.Email },
                new ColumnMetadata { Name = "Code", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "Title", Kind = ColumnKind.Text },
                new ColumnMetadata { Name = "Review", Kind = ColumnKind.Text },
            ],
        };
        return (table, metadata);
    }

    [Fact]
    public void Chooses_informative_columns_first_and_skips_keys_personal_data_text_and_near_unique_ones()
    {
        var (table, metadata) = Reviews();
        var encoder = TextContextEncoder.Fit(table, metadata, "Review", null);

        Assert.Equal("Rating", encoder.Columns[0]);
        Assert.Contains("Department", encoder.Columns);
        foreach (var excluded in new[] { "Id", "Email", "Code", "Title", "Review" }) Assert.DoesNotContain(excluded, encoder.Columns);
        Assert.True(encoder.Columns.Count <= TextContextEncoder.MaxColumns);
    }

    [Fact]
    public void Few_values_get_a_token_each_many_get_quantile_bins_rare_labels_share_other_and_missing_has_its_own()
    {
        var (table, metadata) = Reviews();
        var encoder = TextContextEncoder.Fit(table, metadata, "Review", ["Rating", "Department", "Age"]);
        Assert.Equal(["Rating", "Department", "Age"], encoder.Columns);

        var rating = encoder.ContextColumns[0];
        Assert.Equal([1.5, 2.5, 3.5, 4.5], rating.Edges!);
        Assert.Equal(5 + 2, rating.TokenCount);
        var department = encoder.ContextColumns[1];
        Assert.Equal(["Bottoms", "Dresses", "Tops"], department.Labels!);   // "Jackets" is seen once
        var age = encoder.ContextColumns[2];
        Assert.Equal(TextContextEncoder.QuantileBins - 1, age.Edges!.Count);
        Assert.Equal(encoder.TokenCount, rating.TokenCount + department.TokenCount + age.TokenCount);

        var ids = encoder.Encode(["5", " Tops ", "19"]);
        Assert.Equal(4, ids[0]);
        Assert.Equal(rating.TokenCount + 2, ids[1]);
        Assert.Equal(rating.TokenCount + department.TokenCount + 0, ids[2]);
        ids = encoder.Encode([null, "Jackets", "not a number"]);
        Assert.Equal(rating.MissingToken, ids[0]);
        Assert.Equal(rating.TokenCount + department.OtherToken, ids[1]);
        Assert.Equal(rating.TokenCount + department.TokenCount + age.OtherToken, ids[2]);
        Assert.Equal("[1.5, 2.5)", rating.Describe(1));

        // Each bin of Age holds about a fifth of the rows.
        var counts = new int[age.TokenCount];
        foreach (var cell in table.Column("Age")) counts[age.TokenOf(cell)]++;
        Assert.All(counts[..TextContextEncoder.QuantileBins], c => Assert.InRange(c, 200 / 5 - 12, 200 / 5 + 12));
    }

    [Fact]
    public void Naming_a_missing_key_or_text_column_is_an_error_that_names_it()
    {
        var (table, metadata) = Reviews();
        Assert.Contains("'Nope'", Assert.Throws<SynthDataException>(() => TextContextEncoder.Fit(table, metadata, "Review", ["Nope"])).Message);
        Assert.Contains("'Title'", Assert.Throws<SynthDataException>(() => TextContextEncoder.Fit(table, metadata, "Review", ["Title"])).Message);
        Assert.Contains("personal data", Assert.Throws<SynthDataException>(() => TextContextEncoder.Fit(table, metadata, "Review", ["Email"])).Message);
    }

    [Fact]
    public void Training_sequences_are_context_bos_subwords_eos_and_a_missing_text_is_bos_eos()
    {
        var (table, metadata) = Reviews();
        var encoder = TextContextEncoder.Fit(table, metadata, "Review", ["Rating", "Department"]);
        var tokenizer = SubwordTokenizer.Train(table.Column("Review").OfType<string>(), 300);
        var vocabulary = new LearnedTextVocabulary(encoder.TokenCount, tokenizer.Count);
        var sequences = LearnedTextSequences.Build(table, "Review", encoder, tokenizer, vocabulary, maxTokens: 100);

        Assert.Equal(table.RowCount, sequences.Length);
        var row1 = sequences[1];
        Assert.Equal(3, row1.FirstPredicted);
        Assert.Equal(encoder.Encode([table[1, 1], table[1, 2]]), row1.Tokens[..2]);
        Assert.Equal(vocabulary.Bos, row1.Tokens[2]);
        Assert.Equal(vocabulary.Eos, row1.Tokens[^1]);
        Assert.Equal(table[1, 7], tokenizer.Decode(row1.Tokens[3..^1].Select(vocabulary.SubwordOf)));
        Assert.All(row1.Tokens[3..^1], t => Assert.InRange(t, vocabulary.FirstSubword, vocabulary.Size - 1));

        Assert.Null(table[0, 7]);
        Assert.Equal([vocabulary.Bos, vocabulary.Eos], sequences[0].Tokens[2..]);

        var cut = LearnedTextSequences.Build(table, "Review", encoder, tokenizer, vocabulary, maxTokens: 2)[1];
        Assert.Equal(2 + 1 + 2, cut.Tokens.Length);   // a cut text has no Eos
        Assert.NotEqual(vocabulary.Eos, cut.Tokens[^1]);
    }
}
