using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.DpMarginals;

/// <summary>
/// A table with a known distribution: colour (red 50 %, green 30 %, blue 20 %), shade following colour in 90 % of rows
/// (a strong pairwise dependence), size an integer spike at 0 (40 %) else uniform on 1 … 20, and an independent coin.
/// </summary>
internal static class DpMarginalsTestData
{
    public static readonly string[] Colours = ["red", "green", "blue"];

    public static Table Create(int rows, long seed = 11, params string?[][] extraRows)
    {
        var random = new SynthRandom(seed);
        var names = new[] { "colour", "shade", "size", "coin" };
        var cells = names.Select(_ => new List<string?>(rows)).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var u = random.NextDouble();
            var colour = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
            var shade = random.NextDouble() < 0.9 ? colour : random.NextInt(3);
            cells[0].Add(Colours[colour]);
            cells[1].Add("dark-" + Colours[shade]);
            cells[2].Add(random.NextDouble() < 0.4 ? "0" : (1 + random.NextInt(20)).ToString(CultureInfo.InvariantCulture));
            cells[3].Add(random.NextDouble() < 0.5 ? "heads" : "tails");
        }
        foreach (var extra in extraRows)
            for (var c = 0; c < names.Length; c++) cells[c].Add(extra[c]);
        return new Table(names, cells.Select(c => c.ToArray()).ToArray());
    }

    public static TableMetadata Metadata() => new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "colour", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "shade", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "size", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "coin", Kind = ColumnKind.Categorical },
        ],
    };
}
