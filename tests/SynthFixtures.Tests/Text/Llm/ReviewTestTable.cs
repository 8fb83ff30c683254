using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>Invented clothing reviews: a rating, a class and a free-text review whose words follow the rating.</summary>
internal static class ReviewTestTable
{
    public static readonly string[] Names = ["Rating", "Class Name", "Review Text"];
    private static readonly string[] Classes = ["Dresses", "Knits", "Blouses"];
    private static readonly string[] Good = ["love", "perfect", "soft", "flattering", "great"];
    private static readonly string[] Bad = ["tight", "thin", "cheap", "itchy", "returned"];

    public static Table Create(int rows = 300, long seed = 5)
    {
        var random = new SynthRandom(seed);
        var cells = Names.Select(_ => new string?[rows]).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var rating = 1 + random.NextInt(5);
            var words = rating >= 4 ? Good : Bad;
            cells[0][r] = rating.ToString(CultureInfo.InvariantCulture);
            cells[1][r] = Classes[random.NextInt(Classes.Length)];
            var length = 6 + random.NextInt(20);
            cells[2][r] = string.Join(' ', Enumerable.Range(0, length).Select(_ => random.NextDouble() < 0.3 ? words[random.NextInt(words.Length)] : "the fabric was"));
        }
        return new Table(Names, cells);
    }

    public static TableMetadata Metadata() => new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "Rating", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "Class Name", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "Review Text", Kind = ColumnKind.Text },
        ],
    };

    public static GaussianCopulaModel Model() => GaussianCopulaFitter.Fit(Create(), Metadata(), new GaussianCopulaOptions { Seed = 3 });

    /// <summary>A chunk as the sampling service hands it to a step: rating and class given, the review the model's placeholder.</summary>
    public static Table Chunk(params (int Rating, string Class)[] rows) =>
        new(Names, [
            rows.Select(r => (string?)r.Rating.ToString(CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(r => (string?)r.Class).ToArray(),
            rows.Select(_ => (string?)"lorem ipsum").ToArray(),
        ]);
}
