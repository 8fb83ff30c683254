using System.Globalization;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// Splits a text into the pieces <see cref="SubwordTokenizer"/> merges inside (never across): a run of letters or digits
/// with the single space before it, a run of other symbols with the space before it, or a run of whitespace. The pieces
/// concatenate back to the text, so splitting loses nothing; a run longer than <see cref="MaxChunkChars"/> is cut so
/// that merging one piece stays cheap whatever the input.
/// </summary>
internal static class TextChunks
{
    /// <summary>Longest piece, in UTF-16 units.</summary>
    public const int MaxChunkChars = 48;

    /// <summary>The pieces of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = EndOfChunk(text, start);
            yield return text[start..end];
            start = end;
        }
    }

    private static int EndOfChunk(string text, int start)
    {
        var i = start;
        var limit = Math.Min(text.Length, start + MaxChunkChars);
        if (text[i] == ' ' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) i++;
        var kind = Classify(text, i);
        if (kind == CharClass.Space)
        {
            // A whitespace run leaves its last space to the word after it, as that word's leading space.
            while (i < limit && Classify(text, i) == CharClass.Space) i++;
            if (i < text.Length && i - start > 1 && text[i - 1] == ' ' && Classify(text, i) != CharClass.Space) i--;
            return i;
        }
        while (i < limit && Classify(text, i) == kind) i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        return Math.Min(Math.Max(i, start + 1), text.Length);
    }

    private enum CharClass { Space, Word, Symbol }

    private static CharClass Classify(string text, int i)
    {
        var c = text[i];
        if (char.IsWhiteSpace(c)) return CharClass.Space;
        if (char.IsLetterOrDigit(c)) return CharClass.Word;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1]));
            return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber ? CharClass.Word : CharClass.Symbol;
        }
        return CharClass.Symbol;
    }
}
