using System.Text;

namespace SynthFixtures.Text;

/// <summary>
/// What "the same text" means wherever texts are compared (the learned model's copy guard, the report's copy rates):
/// lower-cased words (runs of letters and digits, an apostrophe inside a word kept: "don't"), punctuation and spacing
/// dropped. One definition, so a text the guard lets through is never counted as a copy by the report.
/// </summary>
public static class TextWords
{
    /// <summary>The words of <paramref name="text"/>, lower-cased (invariant culture).</summary>
    public static List<string> Of(string text)
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

    /// <summary>The words joined by single spaces: two texts are copies when their normalised forms are equal.</summary>
    public static string Normalise(string text) => string.Join(' ', Of(text));
}
