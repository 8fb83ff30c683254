using System.Globalization;
using System.Text;

namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// How the text metrics read a cell: lower-cased words (runs of letters and digits, an apostrophe inside a word kept:
/// "don't"), punctuation dropped. The normalised form (the words joined by single spaces) is what "an exact copy" means,
/// so a copy that differs only in case, spacing or punctuation still counts.
/// </summary>
public static class TextTokens
{
    /// <summary>The words of <paramref name="text"/>, lower-cased (invariant culture).</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
                word.Append(char.ToLowerInvariant(c));
            else if ((c == '\'' || c == '’') && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                word.Append('\'');
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>The words joined by single spaces: two cells are copies when their normalised forms are equal.</summary>
    public static string Normalise(string text) => string.Join(' ', Words(text));

    /// <summary>Characters of the cell as a reader counts them (text elements, so an accented letter or emoji is one), surrounding space trimmed.</summary>
    public static int Characters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringInfo(text.Trim()).LengthInTextElements;
    }
}
