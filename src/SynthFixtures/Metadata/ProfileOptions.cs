namespace SynthFixtures.Metadata;

/// <summary>The thresholds <see cref="TableProfiler"/> decides column kinds with. The defaults are documented per property.</summary>
public sealed record ProfileOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ProfileOptions Default { get; } = new();

    /// <summary>
    /// The date and time formats tried, in order of preference (invariant culture, .NET custom format strings). When two
    /// parse the same values — <c>MM/dd/yyyy</c> and <c>dd/MM/yyyy</c> on dates whose days are all ≤ 12 — the earlier wins.
    /// </summary>
    public IReadOnlyList<string> DateTimeFormats { get; init; } = DateTimeFormatDetector.CommonFormats;

    /// <summary>Share of non-missing values that must parse with one format for a column to be a datetime. Default 0.99.</summary>
    public double DateTimeMinShare { get; init; } = 0.99;

    /// <summary>
    /// Share of non-missing values that must parse as numbers for a column to be an integer or decimal column. Default
    /// 0.95: one stray <c>abc</c>, <c>NaN</c> or <c>1e308</c> among a thousand ages keeps the column numeric, and the
    /// stray cells are read as missing and reported with their line and column. A value with a leading zero
    /// (<c>007</c>) marks a column of codes and keeps it text whatever the share.
    /// </summary>
    public double NumericMinShare { get; init; } = 0.95;

    /// <summary>
    /// A string column is categorical when at least this share of its values have a label that occurs more than once
    /// (and labels occur <see cref="CategoricalMinAverageRepeats"/> times on average): labels that repeat are something a
    /// model can learn, however many there are. Default 0.8: a company column of 174 labels over 2,969 values (about
    /// 17 uses each) is categorical; a column where most values are one-offs is not.
    /// </summary>
    public double CategoricalMinRepeatedShare { get; init; } = 0.8;

    /// <summary>
    /// Columns with at most this many distinct labels are categorical as long as labels repeat on average (see
    /// <see cref="CategoricalMinAverageRepeats"/>), whatever <see cref="CategoricalMinRepeatedShare"/> says. Default 50.
    /// </summary>
    public int CategoricalMaxDistinct { get; init; } = 50;

    /// <summary>
    /// How many times, on average, each label must occur for a string column to be categorical (distinct ≤ non-missing ÷ this).
    /// Default 2: a column of mostly one-off values has nothing for a model to learn and is treated as text instead.
    /// </summary>
    public double CategoricalMinAverageRepeats { get; init; } = 2;

    /// <summary>
    /// Fewest rows for an integer column to be an identifier only because its values are unique and consecutive (its name
    /// not looking like an id). Default 10, so a handful of rows numbered 1..n is not mistaken for a key.
    /// </summary>
    public int SequentialIdentifierMinRows { get; init; } = 10;

    /// <summary>Whether to look for personal data (e-mail addresses, phone numbers, card numbers). Default on.</summary>
    public bool DetectPii { get; init; } = true;

    /// <summary>Share of non-missing values that must look like one kind of personal data to flag the column. Default 0.8.</summary>
    public double PiiMinShare { get; init; } = 0.8;
}
