using System.Globalization;

namespace SynthFixtures.Metadata;

/// <summary>
/// Tells short names and titles (<c>AC/DC</c>, <c>Let There Be Rock</c>, <c>São Paulo</c>, <c>Heavy Metal</c>) from prose,
/// among one-off labels the repeat rules would otherwise leave to the text path. A name is short (a few words, no
/// sentence-ending punctuation) and written in name case: it does not start with a lower-case letter, and its words of
/// four letters or more start with a capital or a non-letter. Prose and review titles are sentences ("Love this dress!",
/// "Runs small"): a column is name-like when at least <see cref="MinShare"/> of its values are names, so a column of
/// titles in sentence case stays text. Names are learned as categories (the source's labels are drawn), since placeholder
/// prose in a name column is no fixture anyone can use; above <see cref="MaxDistinct"/> labels they stay text, which
/// keeps a categorical's width (one-hot models, the artifact's label table) bounded.
/// </summary>
internal static class NameLikeLabels
{
    /// <summary>The least share of distinct values in name case.</summary>
    public const double MinShare = 0.9;

    /// <summary>The most words a name has on average.</summary>
    public const double MaxAverageWords = 6;

    /// <summary>The most distinct labels learned as categories.</summary>
    public const int MaxDistinct = 1000;

    /// <summary>Whether the column's values are names or titles; <paramref name="share"/> is the share of distinct values in name case.</summary>
    public static bool Match(ValueCounts counts, out double share)
    {
        share = 0;
        if (counts.NonMissing == 0 || counts.Distinct > MaxDistinct) return false;
        var words = counts.Values.Sum(v => (double)WordCount(v.Key) * v.Value) / counts.NonMissing;
        if (words > MaxAverageWords) return false;
        share = counts.Values.Count(v => IsName(v.Key)) / (double)counts.Distinct;
        return share >= MinShare;
    }

    /// <summary>Evidence for a column found name-like.</summary>
    public static string Evidence(ValueCounts counts, double share) => string.Create(CultureInfo.InvariantCulture,
        $"{counts.Distinct} distinct in {counts.NonMissing} values, {share * 100:0.#}% of them short names or titles (name case, no sentence punctuation; from {MinShare * 100:0}%): learned as categories");

    private static int WordCount(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool IsName(string value)
    {
        if (value.Length == 0 || value[^1] is '.' or '!' or '?' || char.IsLower(value[0])) return false;
        foreach (var word in value.Split([' ', '/', '&', ',', ':', '(', ')', '[', ']', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (word.Count(char.IsLetter) >= 4 && char.IsLower(word[0])) return false;
        return true;
    }
}
