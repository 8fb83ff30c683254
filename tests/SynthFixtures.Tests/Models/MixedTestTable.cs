using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models;

/// <summary>A small table with every modelled kind: correlated decimals, an integer with spikes, labels, dates, missing values and a key.</summary>
internal static class MixedTestTable
{
    public static readonly string[] Names = ["id", "x", "y", "group", "visits", "day", "flag"];

    public static Table Create(int rows = 3000, long seed = 7)
    {
        var random = new SynthRandom(seed);
        var cells = Names.Select(_ => new string?[rows]).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var z1 = random.NextNormal();
            var z2 = 0.7 * z1 + Math.Sqrt(1 - 0.49) * random.NextNormal();
            var x = 50 + 10 * z1;
            cells[0][r] = (1000 + r).ToString(CultureInfo.InvariantCulture);
            cells[1][r] = x.ToString("F3", CultureInfo.InvariantCulture);
            cells[2][r] = random.NextDouble() < 0.05 ? null : (20 + 4 * z2).ToString("F3", CultureInfo.InvariantCulture);
            cells[3][r] = (x + 5 * random.NextNormal()) > 55 ? " high" : " low";
            cells[4][r] = random.NextDouble() < 0.6 ? "0" : ((int)(1 + random.NextDouble() * 6)).ToString(CultureInfo.InvariantCulture);
            cells[5][r] = new DateTime(2024, 1, 1).AddDays((int)(x * 3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            cells[6][r] = random.NextDouble() < 0.3 ? "true" : "false";
        }
        return new Table(Names, cells);
    }

    public static TableMetadata Metadata() => new()
    {
        PrimaryKey = "id",
        Columns =
        [
            new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
            new ColumnMetadata { Name = "x", Kind = ColumnKind.Decimal, DecimalPlaces = 3 },
            new ColumnMetadata { Name = "y", Kind = ColumnKind.Decimal, DecimalPlaces = 3 },
            new ColumnMetadata { Name = "group", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "visits", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "day", Kind = ColumnKind.DateTime, DateTimeFormat = "yyyy-MM-dd" },
            new ColumnMetadata { Name = "flag", Kind = ColumnKind.Boolean },
        ],
    };
}
