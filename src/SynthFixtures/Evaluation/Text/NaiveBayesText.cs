namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// Multinomial naive Bayes over word and word-pair counts (hashed), Laplace smoothing α = 1: the consistency
/// classifier. Chosen over an ML.NET text pipeline because it is a few lines, exact and deterministic (no threads, no
/// initialisation), trains on 20,000 reviews in well under a second and keeps consistency in the core, available
/// without the ML.NET package. Features a class never saw in training are ignored, as usual.
/// </summary>
internal sealed class NaiveBayesText
{
    private readonly double[] _logPriors;
    private readonly Dictionary<ulong, double[]> _logLikelihoods;

    private NaiveBayesText(double[] logPriors, Dictionary<ulong, double[]> logLikelihoods)
    {
        _logPriors = logPriors;
        _logLikelihoods = logLikelihoods;
    }

    /// <summary>Number of classes.</summary>
    public int Classes => _logPriors.Length;

    /// <summary>A text's features: its word hashes and its adjacent word-pair hashes.</summary>
    public static ulong[] Features(int[] tokens)
    {
        var features = new ulong[tokens.Length + Math.Max(tokens.Length - 1, 0)];
        for (var i = 0; i < tokens.Length; i++) features[i] = NGramHash.Of(tokens, i, 1);
        for (var i = 0; i + 1 < tokens.Length; i++) features[tokens.Length + i] = NGramHash.Of(tokens, i, 2);
        return features;
    }

    /// <summary>Trains on <paramref name="features"/> with class indexes <paramref name="labels"/> in [0, <paramref name="classes"/>).</summary>
    public static NaiveBayesText Train(IReadOnlyList<ulong[]> features, IReadOnlyList<int> labels, int classes)
    {
        var counts = new Dictionary<ulong, long[]>();
        var totals = new long[classes];
        var documents = new long[classes];
        for (var d = 0; d < features.Count; d++)
        {
            var c = labels[d];
            documents[c]++;
            foreach (var f in features[d])
            {
                if (!counts.TryGetValue(f, out var perClass)) counts[f] = perClass = new long[classes];
                perClass[c]++;
                totals[c]++;
            }
        }
        var vocabulary = counts.Count;
        var logPriors = new double[classes];
        var unseen = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            // A class with no training text can never be predicted.
            logPriors[c] = documents[c] == 0 ? double.NegativeInfinity : Math.Log((double)documents[c] / features.Count);
            unseen[c] = -Math.Log(totals[c] + (double)vocabulary);
        }
        var logLikelihoods = new Dictionary<ulong, double[]>(counts.Count);
        foreach (var (f, perClass) in counts)
        {
            var logs = new double[classes];
            for (var c = 0; c < classes; c++) logs[c] = Math.Log(perClass[c] + 1.0) + unseen[c];
            logLikelihoods[f] = logs;
        }
        return new NaiveBayesText(logPriors, logLikelihoods);
    }

    /// <summary>The most probable class of a text (the lowest index on a tie).</summary>
    public int Predict(ulong[] features)
    {
        var scores = (double[])_logPriors.Clone();
        foreach (var f in features)
            if (_logLikelihoods.TryGetValue(f, out var logs))
                for (var c = 0; c < scores.Length; c++) scores[c] += logs[c];
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
            if (scores[c] > scores[best]) best = c;
        return best;
    }
}
