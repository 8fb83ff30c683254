using System.Globalization;

namespace SynthFixtures.Metadata;

/// <summary>
/// Which candidate date formats read everything another writes (<c>MM/dd/yyyy</c> inside <c>M/d/yyyy</c>), decided on
/// fixed probe dates, not on data. The private profiler counts each cell under the first format that reads it; a
/// format then reads at least the cells counted under the formats nested in it, which is what it is chosen by.
/// </summary>
internal sealed class DateFormatNesting
{
    private readonly bool[,] _inside;

    public DateFormatNesting(IReadOnlyList<string> formats)
    {
        var probes = Probes().ToArray();
        var written = formats.Select(f => probes.Select(p => p.ToString(f, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        _inside = new bool[formats.Count, formats.Count];
        for (var g = 0; g < formats.Count; g++)
            for (var f = 0; f < formats.Count; f++)
                _inside[g, f] = g == f || written[g].All(text => DateTimeFormatDetector.Parses(text, formats[f]));
    }

    /// <summary>Whether every date written with format <paramref name="inner"/> reads with format <paramref name="outer"/>.</summary>
    public bool Inside(int inner, int outer) => _inside[inner, outer];

    // Days on both sides of 12 and single- and double-digit parts, times with and without seconds' fractions and afternoons.
    private static IEnumerable<DateTime> Probes()
    {
        foreach (var (month, day) in new[] { (1, 3), (11, 13), (2, 28), (7, 9) })
            foreach (var (hour, minute, second, millisecond) in new[] { (0, 0, 0, 0), (9, 5, 7, 0), (13, 45, 30, 250) })
                yield return new DateTime(1987, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified);
    }
}
