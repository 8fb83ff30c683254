using System.Globalization;
using SynthFixtures.Text;

namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// How the text metrics read a cell: lower-cased words (runs of letters and digits, an apostrophe inside a word kept:
/// "don't"), punctuation dropped. The normalised form (the words joined by single spaces) is what "an exact copy" means,
/// so a copy that differs only in case, spacing or punctuation still counts.
/// </summary>
public static class TextTokens
{
    /// <summary>The words of <paramref name="text"/>, lower-cased (invariant culture): <see cref="TextWords.Of"/>.</summary>
    public static List<string> Words(string text) => TextWords.Of(text);

    /// <summary>The words joined by single spaces: two cells are copies when their normalised forms are equal (<see cref="TextWords.Normalise"/>).</summary>
    public static string Normalise(string text) => TextWords.Normalise(text);

    /// <summary>Characters of the cell as a reader counts them (text elements, so an accented letter or emoji is one), surrounding space trimmed.</summary>
    public static int Characters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringInfo(text.Trim()).LengthInTextElements;
    }
}
