using System.Globalization;


namespace SynthFixtures.Metadata;

/// <summary>
/// Decides a column's kind from its noisy <see cref="ProfileCounts"/> only (post-processing, so it costs nothing more):
/// the most specific kind — boolean, integer (or integer key), decimal, date, string key, categorical, text — whose noisy
/// count of cells that do not fit it is within the profiler's share of the noisy count of values (<see cref="ProfileOptions"/>)
/// plus <see cref="Z"/> standard deviations of that count's noise. The allowance lets a clean column pass whatever the
/// noise; the price is that a few percent more stray cells than <see cref="TableProfiler"/> allows may pass too (they
/// are then read as missing).
/// </summary>
internal sealed class PrivateKindRules
{
    /// <summary>How many noise standard deviations a count may exceed its share by, or must reach to count as present.</summary>
    public const double Z = 4;

    /// <summary>Share of values allowed to break uniqueness or a key's shape (keys must be unique; the noise forbids asking for all).</summary>
    private const double KeySlack = 0.01;

    private static readonly CellShape[] Values = Enum.GetValues<CellShape>().Where(s => s != CellShape.Missing).ToArray();

    private readonly double[] _v;
    private readonly double _sigma;
    private readonly ProfileCounts _layout;
    private readonly double _present;

    private PrivateKindRules(double[] noisy, double sigma, ProfileCounts layout)
    {
        (_v, _sigma, _layout) = (noisy, sigma, layout);
        // Only shapes clearly present add to the count of values: summing all ten would add the noise of the empty ones.
        _present = Values.Select(Count).Where(count => count > Allow(1)).Sum();
    }

    /// <summary>The metadata of column <paramref name="name"/> from its noisy counts (σ per count).</summary>
    public static ColumnMetadata Decide(string name, double[] noisy, double sigma, ProfileCounts layout, DateFormatNesting nesting, bool firstColumn,
        ProfileOptions options) => new PrivateKindRules(noisy, sigma, layout).Decide(name, nesting, firstColumn, options);

    private ColumnMetadata Decide(string name, DateFormatNesting nesting, bool firstColumn, ProfileOptions options)
    {
        if (_present <= Allow(Values.Length))
            return Make(name, ColumnKind.Categorical, "too few values to tell a kind through the noise");
        var column = Infer(name, nesting, firstColumn, options);
        if (!options.DetectPii || column.Kind is ColumnKind.Boolean or ColumnKind.Decimal or ColumnKind.DateTime) return column;
        for (var k = 0; k < ProfileCounts.PiiKinds.Length; k++)
            if (_v[_layout.PiiAt + k] >= options.PiiMinShare * _present)
                return column with
                {
                    Pii = ProfileCounts.PiiKinds[k],
                    Evidence = $"{column.Evidence}; about {Show(_v[_layout.PiiAt + k])} look like {ProfileCounts.PiiKinds[k]} (faked, not learned)",
                };
        return column;
    }

    private ColumnMetadata Infer(string name, DateFormatNesting nesting, bool firstColumn, ProfileOptions options)
    {
        if (Fits(0, CellShape.ZeroOrOne, CellShape.BooleanWord) && BooleanPair() is { } pair)
            return Make(name, ColumnKind.Boolean, $"values are {pair}");
        var unique = _present - _v[_layout.SingletonsAt] <= KeySlack * _present + Allow(Values.Length + 1);
        if (Fits(1 - options.NumericMinShare, CellShape.ZeroOrOne, CellShape.Integer, CellShape.Decimal) && Count(CellShape.ZeroPadded) <= Allow(1))
        {
            if (Count(CellShape.Decimal) > Allow(1))
            {
                var places = Places();
                return Make(name, ColumnKind.Decimal, $"numbers, about {Show(Count(CellShape.Decimal))} not integers; {places} decimal places") with { DecimalPlaces = places };
            }
            if (unique && ColumnNames.LooksLikeId(name)) return Make(name, ColumnKind.Identifier, "unique integers and the name looks like an id");
            if (unique && firstColumn) return Make(name, ColumnKind.Identifier, "unique integers in the first column (a row number)");
            return Make(name, ColumnKind.Integer, "integers");
        }
        if (Fits(1 - options.DateTimeMinShare, CellShape.Date))
        {
            var format = DateFormat(nesting);
            return Make(name, ColumnKind.DateTime, $"dates in '{format}'") with { DateTimeFormat = format };
        }
        if (unique && Fits(KeySlack, CellShape.Guid)) return Make(name, ColumnKind.Identifier, "unique GUIDs");
        if (unique && Fits(KeySlack, CellShape.CodeToken)) return Make(name, ColumnKind.Identifier, "unique codes of one word with digits");
        if (unique && ColumnNames.LooksLikeId(name) && Fits(KeySlack, CellShape.CodeToken, CellShape.Token, CellShape.ZeroOrOne, CellShape.Integer, CellShape.ZeroPadded))
            return Make(name, ColumnKind.Identifier, "unique single words in an id-named column");

        var distinct = Math.Max(1, _v[_layout.DistinctAt]);
        var repeated = Math.Clamp(1 - _v[_layout.SingletonsAt] / _present, 0, 1);
        var labels = $"about {Show(distinct)} distinct, {Show(100 * repeated)}% of values repeat";
        var categorical = _present / distinct >= options.CategoricalMinAverageRepeats
            && (distinct <= options.CategoricalMaxDistinct || repeated >= options.CategoricalMinRepeatedShare);
        return Make(name, categorical ? ColumnKind.Categorical : ColumnKind.Text, labels);
    }

    /// <summary>Whether the cells of every shape but <paramref name="fitting"/> are within <paramref name="share"/> of the values, plus the allowance for their noise.</summary>
    private bool Fits(double share, params CellShape[] fitting)
    {
        var others = Values.Except(fitting).ToArray();
        return Sum(others) <= share * _present + Allow(others.Length);
    }

    /// <summary>The first boolean pair whose words hold (nearly) all the boolean words seen, each required word clearly present.</summary>
    private string? BooleanPair()
    {
        var words = ProfileCounts.BooleanWords;
        double Word(string word) => _v[_layout.BooleanAt + Array.FindIndex(words, w => w.Equals(word, StringComparison.OrdinalIgnoreCase))];
        foreach (var (yes, no, bothRequired) in BooleanTokens.PairList)
        {
            var others = words.Where(w => !w.Equals(yes, StringComparison.OrdinalIgnoreCase) && !w.Equals(no, StringComparison.OrdinalIgnoreCase)).Sum(Word);
            var (sawTrue, sawFalse) = (Word(yes) > Allow(1), Word(no) > Allow(1));
            if (others <= Allow(words.Length - 2) && (bothRequired ? sawTrue && sawFalse : sawTrue || sawFalse)) return $"{yes}/{no}";
        }
        return null;
    }

    /// <summary>The most places clearly present among the non-integers (at least 1; the most frequent when none is clear).</summary>
    private int Places()
    {
        for (var p = ProfileCounts.PlacesBins - 1; p >= 1; p--)
            if (_v[_layout.PlacesAt + p] > Allow(1)) return p;
        var best = 1;
        for (var p = 2; p < ProfileCounts.PlacesBins; p++)
            if (_v[_layout.PlacesAt + p] > _v[_layout.PlacesAt + best]) best = p;
        return best;
    }

    /// <summary>
    /// The format that surely reads the most cells: each cell is counted under the first format that reads it, and a
    /// format reads at least the cells of the formats nested in it; only counts clear of the noise are added, and ties
    /// go to the earlier, more usual format.
    /// </summary>
    private string DateFormat(DateFormatNesting nesting)
    {
        var formats = _layout.DateFormats;
        double Clear(int g) => _v[_layout.DateAt + g] > Allow(1) ? _v[_layout.DateAt + g] : 0;
        var (best, bestReads) = (0, 0.0);
        for (var f = 0; f < formats.Count; f++)
        {
            var reads = Enumerable.Range(0, formats.Count).Where(g => nesting.Inside(g, f)).Sum(Clear);
            if (reads > bestReads) (best, bestReads) = (f, reads);
        }
        if (bestReads == 0)
            best = Enumerable.Range(0, formats.Count).MaxBy(g => _v[_layout.DateAt + g]);
        return formats[best];
    }

    private ColumnMetadata Make(string name, ColumnKind kind, string why) => new()
    {
        Name = name,
        Kind = kind,
        Evidence = $"private profile (noise σ = {Show(_sigma)} per count): about {Show(_present)} values, {Show(Count(CellShape.Missing))} missing; {why}",
    };

    private double Count(CellShape shape) => _v[(int)shape];

    private double Sum(IEnumerable<CellShape> shapes) => shapes.Sum(Count);

    private double Allow(int counts) => Z * _sigma * Math.Sqrt(counts);

    // A noisy count may come out below zero; shown as 0 (post-processing), since a count cannot be negative.
    private static string Show(double value) => Math.Round(Math.Max(0, value)).ToString("N0", CultureInfo.InvariantCulture);
}
