namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// Exact and near copies of training texts, found through hashed sets (normalised texts; every <c>n</c>-word run of
/// the training texts), so checking a text costs one lookup per word. A 64-bit hash collision would count a false
/// copy; at a few million n-grams its chance is about 10⁻⁷.
/// </summary>
internal sealed class CopyMetrics
{
    private readonly HashSet<ulong> _texts;
    private readonly HashSet<ulong> _nGrams;
    private readonly int _n;

    /// <summary>Indexes the training texts.</summary>
    public CopyMetrics(TextCorpus training, int n)
    {
        _n = n;
        _texts = [.. training.NormalisedHashes];
        _nGrams = NGramHash.AllOf(training.Tokens, n);
    }

    /// <summary>(exact copies, share of exact copies, share of texts sharing an n-word run with training) of <paramref name="corpus"/>.</summary>
    public (int Copies, double CopyRate, double OverlapRate) Measure(TextCorpus corpus)
    {
        if (corpus.Count == 0) return (0, 0, 0);
        var copies = 0;
        var overlapping = 0;
        for (var t = 0; t < corpus.Count; t++)
        {
            if (_texts.Contains(corpus.NormalisedHashes[t])) copies++;
            var tokens = corpus.Tokens[t];
            for (var i = 0; i + _n <= tokens.Length; i++)
                if (_nGrams.Contains(NGramHash.Of(tokens, i, _n)))
                {
                    overlapping++;
                    break;
                }
        }
        return (copies, (double)copies / corpus.Count, (double)overlapping / corpus.Count);
    }
}
