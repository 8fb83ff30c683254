using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Given;

/// <summary>
/// A table whose columns depend strongly on x and c, so sampling given x or c must move the others: y = 2x + noise;
/// label is "yes" with probability 0.9, 0.5 or 0.1 for c = a, b, c; m is an integer with a point mass at 0 (most rows
/// with x &lt; −0.5) and missing values (most rows with x &gt; 1), otherwise about 50 + 10x. id is a generated sequence.
/// </summary>
internal static class GivenTestData
{
    public static readonly string[] Names = ["id", "x", "y", "c", "label", "m"];

    public static Table Create(int rows, long seed)
    {
        var random = new SynthRandom(seed);
        var columns = Names.Select(_ => new string?[rows]).ToArray();
        string[] groups = ["a", "b", "c"];
        double[] yesRate = [0.9, 0.5, 0.1];
        for (var r = 0; r < rows; r++)
        {
            var x = random.NextNormal();
            var y = 2 * x + 0.5 * random.NextNormal();
            var g = random.NextInt(3);
            var label = random.NextDouble() < yesRate[g] ? "yes" : "no";
            string? m;
            if (x > 1 && random.NextDouble() < 0.6) m = null;
            else if (x < -0.5 && random.NextDouble() < 0.7) m = "0";
            else m = Math.Round(50 + 10 * x + 3 * random.NextNormal()).ToString(CultureInfo.InvariantCulture);
            columns[0][r] = (r + 1).ToString(CultureInfo.InvariantCulture);
            columns[1][r] = x.ToString("F3", CultureInfo.InvariantCulture);
            columns[2][r] = y.ToString("F3", CultureInfo.InvariantCulture);
            columns[3][r] = groups[g];
            columns[4][r] = label;
            columns[5][r] = m;
        }
        return new Table(Names, columns);
    }

    public static TableMetadata Metadata() => new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
            new ColumnMetadata { Name = "x", Kind = ColumnKind.Decimal, DecimalPlaces = 3 },
            new ColumnMetadata { Name = "y", Kind = ColumnKind.Decimal, DecimalPlaces = 3 },
            new ColumnMetadata { Name = "c", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "label", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "m", Kind = ColumnKind.Integer },
        ],
    };

    /// <summary>A given table of one column holding <paramref name="cell"/> in every row.</summary>
    public static Table Repeat(string column, string? cell, int rows) => new([column], [Enumerable.Repeat(cell, rows).ToArray()]);

    /// <summary>The numbers of a sampled or source column (NaN: missing).</summary>
    public static double[] Numbers(IReadOnlyList<string?> cells) =>
        cells.Select(c => c is null ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
}
