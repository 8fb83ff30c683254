using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Models.Relational;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Relational;

/// <summary>
/// Generated string cells fit the character length their column declares: an invented blog (authors with a free-text
/// bio declared VARCHAR(5) and an e-mail declared VARCHAR(16); posts under them) whose generated prose and fake e-mails
/// would be longer; identifiers are never cut, so one that outgrows its column is an error.
/// </summary>
public class DeclaredLengthTests
{
    private static readonly string[] Vocabulary =
        ["quiet", "river", "stone", "paper", "green", "window", "letter", "summer", "garden", "silver", "morning", "yellow", "castle", "bridge", "ocean", "forest"];

    [Theory]
    [InlineData("NVARCHAR(120)", 120)]
    [InlineData("varchar(5)", 5)]
    [InlineData("character varying(10)", 10)]
    [InlineData("NCHAR(3)", 3)]
    [InlineData("NVARCHAR(MAX)", null)]
    [InlineData("NUMERIC(10,2)", null)]
    [InlineData("TEXT", null)]
    [InlineData("", null)]
    public void The_character_limit_is_read_off_the_declared_type(string declared, int? limit) =>
        Assert.Equal(limit, DeclaredLengthFit.CharacterLimit(declared));

    [Theory]
    [InlineData("Lorem ipsum dolor sit.", 12, "Lorem ipsum.")]
    [InlineData("Lorem ipsum dolor sit.", 6, "Lorem.")]
    [InlineData("Lorem ipsum dolor sit.", 5, "Lorem")]
    [InlineData("Consectetur adipiscing.", 4, "Cons")]
    [InlineData("Lorem ipsum", 8, "Lorem")]
    public void Prose_is_cut_after_its_last_whole_word_that_fits(string text, int limit, string expected) =>
        Assert.Equal(expected, DeclaredLengthFit.CutProse(text, limit));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Every_generated_cell_fits_its_declared_length_and_keys_stay_unique(double scale)
    {
        var narrow = Train(Blog(bio: "VARCHAR(5)", email: "VARCHAR(16)"));
        var data = narrow.Sample(scale, seed: 5);
        var bios = data["Author"].Column("Bio");
        var emails = data["Author"].Column("Email");
        Assert.All(bios, b => Assert.True(b is null || b.Length <= 5, $"bio '{b}'"));
        Assert.All(emails, e => Assert.True(e is null || e.Length <= 16, $"e-mail '{e}'"));
        Assert.Contains(bios, b => !string.IsNullOrEmpty(b));
        Assert.True(emails.Count(e => e is not null && e.Contains('@', StringComparison.Ordinal)) > emails.Count * 0.9, "e-mails are drawn again, not cut");
        foreach (var table in data.Metadata.Tables) Assert.Equal(0, RelationalChecks.DuplicateKeys(data, table));
        foreach (var key in data.Metadata.ForeignKeys) Assert.Equal(0, RelationalChecks.Orphans(data, key));

        // The same data declared TEXT: the generated values are longer, so the limits above did the fitting.
        var wide = Train(Blog(bio: "TEXT", email: "TEXT")).Sample(scale, seed: 5);
        Assert.Contains(wide["Author"].Column("Bio"), b => b is not null && b.Length > 5);
        Assert.Contains(wide["Author"].Column("Email"), e => e is not null && e.Length > 16);
    }

    [Fact]
    public void A_generated_key_longer_than_its_column_is_an_error_not_a_cut()
    {
        var model = Train(Blog(bio: "TEXT", email: "TEXT", authorKey: "VARCHAR(4)"));
        Assert.All(model.Sample(1, seed: 1)["Author"].Column("AuthorId"), id => Assert.True(id!.Length <= 4));
        var error = Assert.Throws<SynthDataException>(() => model.Sample(2, seed: 1));
        Assert.Contains("'AuthorId'", error.Message, StringComparison.Ordinal);
        Assert.Contains("VARCHAR(4)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>60 authors (keys A-01…A-60), each with a bio of 4–9 words and an e-mail, and 0–4 posts each.</summary>
    private static RelationalDataset Blog(string bio, string email, string authorKey = "VARCHAR(8)")
    {
        var random = new SynthRandom(11);
        var authors = new ShopDataset.Rows("AuthorId", "Bio", "Email");
        var posts = new ShopDataset.Rows("PostId", "AuthorId", "Likes");
        var post = 1;
        for (var a = 1; a <= 60; a++)
        {
            var words = Enumerable.Range(0, 4 + random.NextInt(6)).Select(_ => Vocabulary[random.NextInt(Vocabulary.Length)]);
            var id = $"A-{a:00}";
            authors.Add(id, string.Join(' ', words) + ".", $"{Vocabulary[random.NextInt(16)]}.{Vocabulary[random.NextInt(16)]}{a}@example.org");
            for (var p = random.NextInt(5); p > 0; p--)
                posts.Add(post++.ToString(CultureInfo.InvariantCulture), id, random.NextInt(100).ToString(CultureInfo.InvariantCulture));
        }
        var types = new Dictionary<string, string> { ["AuthorId"] = authorKey, ["Bio"] = bio, ["Email"] = email };
        var authorTable = authors.Describe("Author", ["AuthorId"]);
        authorTable = authorTable with { Columns = authorTable.Columns.Select(c => c with { DeclaredType = types[c.Name] }).ToList() };
        var postTable = posts.Describe("Post", ["PostId"]);
        postTable = postTable with { Columns = postTable.Columns.Select(c => c.Name == "AuthorId" ? c with { DeclaredType = authorKey } : c).ToList() };
        var metadata = new RelationalMetadata
        {
            Tables = [authorTable, postTable],
            ForeignKeys = [new ForeignKey { ChildTable = "Post", ChildColumns = ["AuthorId"], ParentTable = "Author", ParentColumns = ["AuthorId"] }],
        };
        return new RelationalDataset(metadata, new Dictionary<string, Table> { ["Author"] = authors.ToTable(), ["Post"] = posts.ToTable() });
    }

    private static RelationalModel Train(RelationalDataset data)
    {
        var folder = Directory.CreateTempSubdirectory("declared-length-");
        try
        {
            return new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest
            {
                Data = data, ModelPath = Path.Combine(folder.FullName, "blog.synth"), Seed = 1,
            }).Model;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
