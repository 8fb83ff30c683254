namespace SynthFixtures.Text.Learned;

/// <summary>
/// A few facts per text that a good context column predicts: its length (quantile bin, or missing) and whether it
/// holds each of the column's most common words. A column's informativeness is its mutual information with each fact,
/// less the bias a column with more tokens gets by chance (Miller–Madow: (|X| − 1)(|Y| − 1) / 2N nats), summed.
/// </summary>
internal sealed class TextFeatures
{
    private const int Words = 48;
    private const int LengthBins = 5;

    private readonly int[] _lengthBin;
    private readonly bool[][] _hasWord;

    private TextFeatures(int[] lengthBin, bool[][] hasWord) => (_lengthBin, _hasWord) = (lengthBin, hasWord);

    public static TextFeatures Of(IReadOnlyList<string?> texts)
    {
        var lengths = texts.Where(t => t is not null).Select(t => t!.Length).Order().ToArray();
        var edges = lengths.Length == 0 ? [] : Enumerable.Range(1, LengthBins - 1).Select(q => lengths[q * lengths.Length / LengthBins]).ToArray();
        var lengthBin = texts.Select(t => t is null ? 0 : 1 + edges.Count(e => t.Length >= e)).ToArray();

        var rowWords = texts.Select(t => t is null ? [] : WordsOf(t)).ToArray();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in rowWords)
            foreach (var word in words) documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
        var top = documentFrequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(Words).Select(p => p.Key).ToArray();
        var hasWord = top.Select(word => rowWords.Select(words => words.Contains(word)).ToArray()).ToArray();
        return new TextFeatures(lengthBin, hasWord);
    }

    /// <summary>Bias-corrected mutual information (nats) of the tokens with the text's facts, summed over the facts.</summary>
    public double Informativeness(int[] tokens, int tokenCount)
    {
        var score = MutualInformation(tokens, tokenCount, _lengthBin, LengthBins + 1);
        foreach (var has in _hasWord) score += MutualInformation(tokens, tokenCount, has.Select(h => h ? 1 : 0).ToArray(), 2);
        return score;
    }

    private static double MutualInformation(int[] x, int xCount, int[] y, int yCount)
    {
        if (x.Length == 0) return 0;
        var joint = new double[xCount, yCount];
        var px = new double[xCount];
        var py = new double[yCount];
        for (var i = 0; i < x.Length; i++)
        {
            joint[x[i], y[i]]++;
            px[x[i]]++;
            py[y[i]]++;
        }
        double n = x.Length, mi = 0;
        for (var a = 0; a < xCount; a++)
            for (var b = 0; b < yCount; b++)
                if (joint[a, b] > 0) mi += joint[a, b] / n * Math.Log(joint[a, b] * n / (px[a] * py[b]));
        var usedX = px.Count(c => c > 0);
        var usedY = py.Count(c => c > 0);
        return mi - (usedX - 1) * (usedY - 1) / (2 * n);
    }

    private static HashSet<string> WordsOf(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                if (i - start >= 3) words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }
}
