using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Metadata;

/// <summary>
/// Columns shaped like adult's and a few more kinds: a row id, integers (an age, a weight in the hundreds of thousands, a
/// spike at 40, a spike at 0), a decimal with two places, dates in two formats (ISO and day-first), yes/no and 0/1
/// booleans, labels (a workclass of eight with some missing, a sex, an income), free text and e-mail addresses.
/// </summary>
internal static class AdultLikeTable
{
    private static readonly string[] Workclasses = ["Private", "Self-emp-not-inc", "Local-gov", "State-gov", "Self-emp-inc", "Federal-gov", "Without-pay", "Never-worked"];
    private static readonly string[] Words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"];

    public static Table Create(int rows, long seed = 3, params string?[][] extraRows)
    {
        var random = new SynthRandom(seed);
        string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
        var columns = new (string Name, Func<int, string?> Cell)[]
        {
            ("id", r => Int(r + 1)),
            ("age", _ => Int(17 + random.NextInt(74))),
            ("fnlwgt", _ => Int(12_000 + random.NextInt(1_400_000))),
            ("hours-per-week", _ => random.NextDouble() < 0.5 ? "40" : Int(1 + random.NextInt(99))),
            ("capital-gain", _ => random.NextDouble() < 0.9 ? "0" : Int(100 + random.NextInt(99_000))),
            ("score", _ => (random.NextDouble() * 100).ToString("F2", CultureInfo.InvariantCulture)),
            ("hired", _ => new DateTime(1990, 1, 1).AddDays(random.NextInt(12_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("visited", _ => new DateTime(2020, 1, 1).AddDays(random.NextInt(1_000)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
            ("member", _ => random.NextDouble() < 0.3 ? "yes" : "no"),
            ("flag", _ => random.NextDouble() < 0.6 ? "1" : "0"),
            ("workclass", _ => random.NextDouble() < 0.05 ? null : Workclasses[Math.Min(7, (int)(-Math.Log(1 - random.NextDouble()) * 1.5))]),
            ("sex", _ => random.NextDouble() < 0.67 ? "Male" : "Female"),
            ("income", _ => random.NextDouble() < 0.76 ? "<=50K" : ">50K"),
            ("note", r => string.Join(' ', Enumerable.Range(0, 3 + random.NextInt(6)).Select(_ => Words[random.NextInt(Words.Length)])) + " " + Int(r)),
            ("contact", r => $"user{r}@example.com"),
        };
        var cells = columns.Select(_ => new string?[rows + extraRows.Length]).ToArray();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns.Length; c++) cells[c][r] = columns[c].Cell(r);
        for (var e = 0; e < extraRows.Length; e++)
            for (var c = 0; c < columns.Length; c++) cells[c][rows + e] = extraRows[e][c];
        return new Table(columns.Select(c => c.Name).ToArray(), cells);
    }
}
