using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// Consistency of a text column with its row: trains <see cref="NaiveBayesText"/> on real texts to predict a label
/// column and compares its accuracy on synthetic texts (each against its own row's label) with its accuracy on real
/// texts it did not train on (the holdout, or without one a seeded fifth of training held back). The label column is
/// given, or chosen as the candidate the real text predicts best (highest Cohen's kappa on those real texts).
/// </summary>
internal static class TextConsistency
{
    /// <summary>Most labels a candidate column may have (a column with more is not a label the text could predict).</summary>
    public const int MaxClasses = 20;

    /// <summary>Least kappa on real texts for an automatically chosen column: below it the text does not tell the label.</summary>
    public const double MinAutomaticKappa = 0.05;

    /// <summary>The side a consistency check reads: texts and the table the labels come from.</summary>
    public sealed record Side(TextCorpus Corpus, Data.Table Table);

    /// <summary>
    /// Measures consistency; <c>null</c> when <paramref name="label"/> is <c>null</c> and no candidate column is
    /// predicted by the real text at all.
    /// </summary>
    public static ConsistencyScore? Measure(string textColumn, string? label, Side training, Side? holdout, Side synthetic,
        TableMetadata metadata, long seed)
    {
        // The real texts to train on and to test on.
        Side fit, check;
        string basis;
        if (holdout is { Corpus.Count: > 0 } h)
        {
            (fit, check, basis) = (training, h, "holdout");
        }
        else
        {
            var order = Enumerable.Range(0, training.Corpus.Count).ToArray();
            var random = new Randomness.SynthRandom(seed).Derive("text consistency split").Derive(textColumn);
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            var cut = training.Corpus.Count - training.Corpus.Count / 5;
            var fitIndexes = order[..cut].Order().ToArray();
            var checkIndexes = order[cut..].Order().ToArray();
            (fit, check, basis) = (training with { Corpus = training.Corpus.Subset(fitIndexes) },
                training with { Corpus = training.Corpus.Subset(checkIndexes) }, "a held-out fifth of training");
        }
        var index = new TextFeatureIndex(fit.Corpus.Tokens);
        var fitFeatures = fit.Corpus.Tokens.Select(index.Of).ToArray();
        var checkFeatures = check.Corpus.Tokens.Select(index.Of).ToArray();

        var candidates = label is not null ? [label] : Candidates(textColumn, metadata, fit);
        Trial? best = null;
        foreach (var candidate in candidates)
        {
            if (!fit.Table.HasColumn(candidate)) continue;
            var trial = Try(candidate, fit, fitFeatures, check, checkFeatures, index.Count);
            if (trial is not null && (best is null || trial.Kappa > best.Kappa)) best = trial;
        }
        if (best is null) return null;
        if (label is null && best.Kappa < MinAutomaticKappa) return null;

        var syntheticFeatures = synthetic.Corpus.Tokens.Select(index.Of).ToArray();
        var syntheticLabels = Labels(synthetic, best.Label, best.Classes);
        var (syntheticAccuracy, syntheticKappa, syntheticTested) = Score(best.Model, syntheticFeatures, syntheticLabels, best.Classes.Count);
        return new ConsistencyScore(best.Label, label is null, basis, best.Accuracy, syntheticAccuracy, best.Kappa, syntheticKappa,
            best.MajorityShare, best.Classes.Count, best.Tested, syntheticTested);
    }

    private sealed record Trial(string Label, Dictionary<string, int> Classes, NaiveBayesText Model, double Accuracy, double Kappa, double MajorityShare, int Tested);

    /// <summary>Categorical, boolean and integer columns (other than the text) with 2 to <see cref="MaxClasses"/> labels among the training texts' rows.</summary>
    private static string[] Candidates(string textColumn, TableMetadata metadata, Side fit) =>
        metadata.Columns
            .Where(c => c.Name != textColumn && c.IsModelled && c.Kind is ColumnKind.Categorical or ColumnKind.Boolean or ColumnKind.Integer)
            .Where(c => fit.Table.HasColumn(c.Name))
            .Where(c =>
            {
                var cells = fit.Table.Column(c.Name);
                var distinct = fit.Corpus.Rows.Select(r => cells[r]?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).Take(MaxClasses + 1).Count();
                return distinct is >= 2 and <= MaxClasses;
            })
            .Select(c => c.Name).ToArray();

    private static Trial? Try(string label, Side fit, int[][] fitFeatures, Side check, int[][] checkFeatures, int featureCount)
    {
        var cells = fit.Table.Column(label);
        var classes = fit.Corpus.Rows.Select(r => cells[r]?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select((v, i) => (v, i)).ToDictionary(p => p.v!, p => p.i, StringComparer.Ordinal);
        if (classes.Count < 2) return null;
        var labels = Labels(fit, label, classes);
        var trainFeatures = new List<int[]>();
        var trainLabels = new List<int>();
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] >= 0)
            {
                trainFeatures.Add(fitFeatures[i]);
                trainLabels.Add(labels[i]);
            }
        var model = NaiveBayesText.Train(trainFeatures, trainLabels, classes.Count, featureCount);
        var checkLabels = Labels(check, label, classes);
        var (accuracy, kappa, tested) = Score(model, checkFeatures, checkLabels, classes.Count);
        if (tested == 0) return null;
        var majority = checkLabels.Where(l => l != Missing).GroupBy(l => l).Max(g => g.Count()) / (double)tested;
        return new Trial(label, classes, model, accuracy, kappa, majority, tested);
    }

    // Label index of each text: a class index, Unknown for a label training never had (always a wrong prediction),
    // Missing when the row has no label (left out).
    private const int Unknown = -1;
    private const int Missing = -2;

    private static int[] Labels(Side side, string label, Dictionary<string, int> classes)
    {
        if (!side.Table.HasColumn(label)) return Enumerable.Repeat(Missing, side.Corpus.Count).ToArray();
        var cells = side.Table.Column(label);
        return side.Corpus.Rows.Select(r => cells[r]?.Trim() is { Length: > 0 } v ? classes.GetValueOrDefault(v, Unknown) : Missing).ToArray();
    }

    /// <summary>Accuracy and Cohen's kappa of <paramref name="model"/> on the labelled texts, and how many were labelled.</summary>
    private static (double Accuracy, double Kappa, int Tested) Score(NaiveBayesText model, int[][] features, int[] labels, int classes)
    {
        var predicted = new long[classes];
        var actual = new long[classes];
        long correct = 0, tested = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == Missing) continue;
            var p = model.Predict(features[i]);
            tested++;
            predicted[p]++;
            if (labels[i] >= 0) actual[labels[i]]++;
            if (p == labels[i]) correct++;
        }
        if (tested == 0) return (0, 0, 0);
        var accuracy = (double)correct / tested;
        var chance = 0.0;
        for (var c = 0; c < classes; c++) chance += (double)predicted[c] / tested * actual[c] / tested;
        var kappa = chance >= 1 ? 0 : (accuracy - chance) / (1 - chance);
        return (accuracy, kappa, (int)tested);
    }
}
