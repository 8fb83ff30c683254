using System.Globalization;
using System.Text;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Sequences;

/// <summary>
/// An invented panel with a linear trend in an integer index, written as CSV: units u01 … with 12 yearly readings
/// starting between 2000 and 2009, x = 0.5 (year − 2000) + a_unit + n_t with a_unit ~ N(0, 1) and
/// n_t = 0.5 n_{t−1} + 0.5 ε, so the level rises by 0.5 a step in every unit and only the year (or the position) explains it.
/// </summary>
internal static class TrendPanel
{
    /// <summary>The real slope of x per year.</summary>
    public const double Slope = 0.5;

    /// <summary>The steps per unit.</summary>
    public const int Steps = 12;

    public static string Write(string folder, int entities = 60, long seed = 11)
    {
        var random = new SynthRandom(seed);
        var csv = new StringBuilder("unit,year,x\n");
        for (var e = 0; e < entities; e++)
        {
            var start = 2000 + random.NextInt(10);
            var level = random.NextNormal();
            var noise = 0.5 * random.NextNormal() / Math.Sqrt(1 - 0.25);
            for (var t = 0; t < Steps; t++)
            {
                if (t > 0) noise = 0.5 * noise + 0.5 * random.NextNormal();
                var x = Slope * (start + t - 2000) + level + noise;
                csv.Append(CultureInfo.InvariantCulture, $"u{e + 1:00},{start + t},{x:F2}\n");
            }
        }
        var path = Path.Combine(folder, "trend.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>The least-squares slope of the mean of x by position in the sequence, from long-format (unit, x) cells in sequence order.</summary>
    public static double PositionSlope(IEnumerable<(string? Unit, string? X)> rows)
    {
        var sums = new double[Steps];
        var counts = new int[Steps];
        string? unit = null;
        var position = 0;
        foreach (var (u, x) in rows)
        {
            position = u == unit ? position + 1 : 0;
            unit = u;
            if (position >= Steps) continue;
            sums[position] += double.Parse(x!, CultureInfo.InvariantCulture);
            counts[position]++;
        }
        var means = sums.Select((s, t) => s / counts[t]).ToArray();
        var meanT = (Steps - 1) / 2.0;
        var meanX = means.Average();
        return means.Select((m, t) => (t - meanT) * (m - meanX)).Sum() / Enumerable.Range(0, Steps).Sum(t => (t - meanT) * (t - meanT));
    }

    /// <summary>
    /// The mean first value of the units starting from 2005 minus that of the units starting before, from long-format
    /// (unit, year, x) cells in sequence order: about 2.5 in the real panel, where only the start year explains it.
    /// </summary>
    public static double LateStartGap(IEnumerable<(string? Unit, string? Year, string? X)> rows)
    {
        var early = new List<double>();
        var late = new List<double>();
        string? unit = null;
        foreach (var (u, year, x) in rows)
        {
            if (u != unit) (int.Parse(year!, CultureInfo.InvariantCulture) < 2005 ? early : late).Add(double.Parse(x!, CultureInfo.InvariantCulture));
            unit = u;
        }
        return late.Average() - early.Average();
    }

    /// <summary>The CSV's rows as (unit, year, x) cells.</summary>
    public static IEnumerable<(string? Unit, string? Year, string? X)> ReadWithYears(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(cells => ((string?)cells[0], (string?)cells[1], (string?)cells[2]));

    /// <summary>The CSV's rows as (unit, x) cells.</summary>
    public static IEnumerable<(string? Unit, string? X)> Read(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(cells => ((string?)cells[0], (string?)cells[2]));
}
