using System.Globalization;
using System.Text;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Sequences;

/// <summary>
/// An invented seasonal panel written as CSV: sites s01 … with 730 daily readings starting in January 2020, x_t =
/// 10 sin(2π doy / 365) + u_t with u_t = 0.7 u_{t−1} + ε (ε ~ N(0, 1)), so each quarter of the year has its own level
/// (about +6 in Q2, −6 in Q4) that only the date explains.
/// </summary>
internal static class SeasonalPanel
{
    public static string Write(string folder, int entities = 20, int steps = 730, long seed = 5)
    {
        var random = new SynthRandom(seed);
        var csv = new StringBuilder("site,day,x\n");
        for (var e = 0; e < entities; e++)
        {
            var start = new DateTime(2020, 1, 1).AddDays(random.NextInt(28));
            var noise = random.NextNormal() / Math.Sqrt(1 - 0.49);
            for (var t = 0; t < steps; t++)
            {
                if (t > 0) noise = 0.7 * noise + random.NextNormal();
                var day = start.AddDays(t);
                var x = 10 * Math.Sin(2 * Math.PI * day.DayOfYear / 365.0) + noise;
                csv.Append(CultureInfo.InvariantCulture, $"s{e + 1:00},{day:yyyy-MM-dd},{x:F2}\n");
            }
        }
        var path = Path.Combine(folder, "seasonal.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>The mean of x by quarter of the year (Q1 … Q4), from long-format cells of the day and x columns.</summary>
    public static double[] QuarterMeans(IEnumerable<(string? Day, string? X)> rows)
    {
        var sums = new double[4];
        var counts = new int[4];
        foreach (var (day, x) in rows)
        {
            var quarter = (DateTime.ParseExact(day!, "yyyy-MM-dd", CultureInfo.InvariantCulture).Month - 1) / 3;
            sums[quarter] += double.Parse(x!, CultureInfo.InvariantCulture);
            counts[quarter]++;
        }
        return sums.Select((s, q) => s / counts[q]).ToArray();
    }

    /// <summary>The CSV's rows as (day, x) cells.</summary>
    public static IEnumerable<(string? Day, string? X)> Read(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(cells => ((string?)cells[1], (string?)cells[2]));
}
