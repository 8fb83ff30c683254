namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// Multinomial naive Bayes over word and word-pair counts, Laplace smoothing α = 1: the consistency classifier. Chosen
/// over an ML.NET text pipeline because it is a few lines, exact and deterministic (no threads, no initialisation),
/// trains on 20,000 reviews in a fraction of a second and keeps consistency in the core, available without the ML.NET
/// package. Features are indexes into a <see cref="TextFeatureIndex"/> shared by every label tried on a column, so a
/// model is two flat arrays. Features no labelled training text had are ignored, as usual.
/// </summary>
internal sealed class NaiveBayesText
{
    private readonly double[] _logPriors;
    private readonly double[] _logLikelihoods; // [feature · classes + class]
    private readonly bool[] _seen;

    private NaiveBayesText(double[] logPriors, double[] logLikelihoods, bool[] seen)
    {
        _logPriors = logPriors;
        _logLikelihoods = logLikelihoods;
        _seen = seen;
    }

    /// <summary>Trains on <paramref name="features"/> (indexes below <paramref name="featureCount"/>) with class indexes <paramref name="labels"/> in [0, <paramref name="classes"/>).</summary>
    public static NaiveBayesText Train(IReadOnlyList<int[]> features, IReadOnlyList<int> labels, int classes, int featureCount)
    {
        var counts = new long[(long)featureCount * classes];
        var seen = new bool[featureCount];
        var totals = new long[classes];
        var documents = new long[classes];
        for (var d = 0; d < features.Count; d++)
        {
            var c = labels[d];
            documents[c]++;
            foreach (var f in features[d])
            {
                counts[(long)f * classes + c]++;
                seen[f] = true;
                totals[c]++;
            }
        }
        var vocabulary = seen.Count(s => s);
        var logPriors = new double[classes];
        var denominators = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            // A class with no training text can never be predicted.
            logPriors[c] = documents[c] == 0 ? double.NegativeInfinity : Math.Log((double)documents[c] / features.Count);
            denominators[c] = Math.Log(totals[c] + (double)vocabulary);
        }
        var logLikelihoods = new double[counts.Length];
        for (var f = 0; f < featureCount; f++)
        {
            if (!seen[f]) continue;
            for (var c = 0; c < classes; c++) logLikelihoods[(long)f * classes + c] = Math.Log(counts[(long)f * classes + c] + 1.0) - denominators[c];
        }
        return new NaiveBayesText(logPriors, logLikelihoods, seen);
    }

    /// <summary>The most probable class of a text (the lowest index on a tie).</summary>
    public int Predict(int[] features)
    {
        var classes = _logPriors.Length;
        Span<double> scores = stackalloc double[classes];
        _logPriors.CopyTo(scores);
        foreach (var f in features)
        {
            if (f < 0 || !_seen[f]) continue;
            var row = _logLikelihoods.AsSpan((int)((long)f * classes), classes);
            for (var c = 0; c < classes; c++) scores[c] += row[c];
        }
        var best = 0;
        for (var c = 1; c < classes; c++)
            if (scores[c] > scores[best]) best = c;
        return best;
    }
}

/// <summary>
/// The consistency classifier's features of a column's texts: each word and each adjacent word pair, hashed, numbered
/// in order of first appearance in the training texts; a feature training never had is −1.
/// </summary>
internal sealed class TextFeatureIndex
{
    private readonly Dictionary<ulong, int> _index = [];

    /// <summary>Numbers the features of <paramref name="training"/>.</summary>
    public TextFeatureIndex(IEnumerable<int[]> training)
    {
        foreach (var tokens in training)
            foreach (var hash in Hashes(tokens))
                _index.TryAdd(hash, _index.Count);
    }

    /// <summary>Distinct features of the training texts.</summary>
    public int Count => _index.Count;

    /// <summary>The features of a text (−1 for one training never had).</summary>
    public int[] Of(int[] tokens) => Hashes(tokens).Select(h => _index.GetValueOrDefault(h, -1)).ToArray();

    private static IEnumerable<ulong> Hashes(int[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++) yield return NGramHash.Of(tokens, i, 1);
        for (var i = 0; i + 1 < tokens.Length; i++) yield return NGramHash.Of(tokens, i, 2);
    }
}
