using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Evaluation.Text;

/// <summary>The tables and settings of the text section.</summary>
public sealed record TextEvaluationInput
{
    /// <summary>The real rows the model was trained on.</summary>
    public required Table Training { get; init; }

    /// <summary>The synthetic rows.</summary>
    public required Table Synthetic { get; init; }

    /// <summary>Real rows the model never saw, or <c>null</c> (the copy baselines and consistency then use training alone).</summary>
    public Table? Holdout { get; init; }

    /// <summary>Column kinds: every <see cref="ColumnKind.Text"/> column that is not personal data is evaluated.</summary>
    public required TableMetadata Metadata { get; init; }

    /// <summary>Seed of every random choice (subsamples, the held-out fifth, the samples shown).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>How the section is computed.</summary>
    public TextEvaluationOptions Options { get; init; } = new();

    /// <summary>LLM usage per column, shown as given; empty when none.</summary>
    public IReadOnlyList<LlmUsage> LlmUsage { get; init; } = [];

    /// <summary>Sentence embeddings for the embedding distance, or <c>null</c> to skip it.</summary>
    public ITextEmbedder? Embedder { get; init; }
}

/// <summary>
/// Scores every free-text column: length distributions, vocabulary coverage and out-of-vocabulary rate, keyword
/// distribution, diversity, copies and near copies against training (beside the holdout's rates), consistency with a
/// label column, and with an embedder an embedding distance. Deterministic for a seed; the metrics are set lookups over
/// hashed words and n-grams, so 20,000 reviews take about a second.
/// </summary>
public static class TextEvaluator
{
    /// <summary>The free-text columns of <paramref name="metadata"/> the section evaluates (text, not personal data).</summary>
    public static IReadOnlyList<string> TextColumns(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Columns.Where(c => c.Kind == ColumnKind.Text && c.Pii == PiiKind.None).Select(c => c.Name).ToArray();
    }

    /// <summary>Evaluates <paramref name="input"/>.</summary>
    /// <exception cref="SynthDataException">The consistency label is not a column of the training table.</exception>
    public static TextReport Evaluate(TextEvaluationInput input, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Options.Validate();
        if (input.Options.ConsistencyLabel is { } label && !input.Training.HasColumn(label))
            throw new SynthDataException($"The text consistency label '{label}' is not a column of the real data.", input.Training.SourcePath,
                hint: $"Choose one of: {string.Join(", ", input.Training.ColumnNames)}; or leave it out to choose automatically.", columnName: label)
            {
                Settings = [SettingNames.Text],
            };
        var random = new SynthRandom(input.Seed).Derive("text evaluation");
        var columns = new List<TextColumnReport>();
        var skipped = new List<KeyValuePair<string, string>>();
        var trainingRows = Subsample(input.Training.RowCount, input.Options.MaxTexts, random.Derive("training rows"));
        var syntheticRows = Subsample(input.Synthetic.RowCount, input.Options.MaxTexts, random.Derive("synthetic rows"));
        var holdoutRows = input.Holdout is { } h ? Subsample(h.RowCount, input.Options.MaxTexts, random.Derive("holdout rows")) : null;
        foreach (var column in TextColumns(input.Metadata))
        {
            ct.ThrowIfCancellationRequested();
            if (!input.Training.HasColumn(column) || !input.Synthetic.HasColumn(column))
            {
                skipped.Add(new(column, input.Training.HasColumn(column) ? "not in the synthetic table" : "not in the real table"));
                continue;
            }
            progress?.Report($"Text: {column}");
            var report = Column(column, input, trainingRows, syntheticRows, holdoutRows, random.Derive(column), ct);
            if (report is null) skipped.Add(new(column, "no text on one side"));
            else columns.Add(report);
        }
        return new TextReport { Columns = columns, Skipped = skipped, LlmUsage = input.LlmUsage };
    }

    private static TextColumnReport? Column(string column, TextEvaluationInput input, int[]? trainingRows, int[]? syntheticRows, int[]? holdoutRows,
        SynthRandom random, CancellationToken ct)
    {
        var options = input.Options;
        var vocabulary = new TextVocabulary();
        var training = TextCorpus.Read(input.Training.Column(column), trainingRows, vocabulary);
        var synthetic = TextCorpus.Read(input.Synthetic.Column(column), syntheticRows, vocabulary);
        if (training.Count == 0 || synthetic.Count == 0) return null;
        TextCorpus? holdout = null;
        if (input.Holdout is { } holdoutTable && holdoutTable.HasColumn(column))
            holdout = TextCorpus.Read(holdoutTable.Column(column), holdoutRows, vocabulary);
        ct.ThrowIfCancellationRequested();

        var realWords = training.WordCounts();
        var syntheticWords = synthetic.WordCounts();
        var length = new TextLengthScore(
            KSComplement.Compute(training.CharacterCounts(), synthetic.CharacterCounts()), KSComplement.Compute(realWords, syntheticWords),
            training.Characters.Average(), synthetic.Characters.Average(), realWords.Average(), syntheticWords.Average());

        var realFrequencies = training.WordFrequencies();
        var syntheticFrequencies = synthetic.WordFrequencies();
        var (coverage, outOfVocabulary) = VocabularyMetrics.Compare(realFrequencies, syntheticFrequencies);
        double? holdoutCoverage = null, holdoutOutOfVocabulary = null;
        if (holdout is { Count: > 0 })
            (holdoutCoverage, holdoutOutOfVocabulary) = VocabularyMetrics.Compare(realFrequencies, holdout.WordFrequencies());
        var vocabularyScore = new VocabularyScore(coverage, outOfVocabulary, realFrequencies.Count, syntheticFrequencies.Count,
            holdoutCoverage, holdoutOutOfVocabulary);
        var keywords = VocabularyMetrics.Keywords(realFrequencies, syntheticFrequencies, vocabulary, options.Keywords);

        var diversityTexts = Math.Min(options.DiversityTexts, Math.Min(training.Count, synthetic.Count));
        var realSample = training.Subset(Subsample(training.Count, diversityTexts, random.Derive("diversity real")) ?? Enumerable.Range(0, training.Count).ToArray());
        var syntheticSample = synthetic.Subset(Subsample(synthetic.Count, diversityTexts, random.Derive("diversity synthetic")) ?? Enumerable.Range(0, synthetic.Count).ToArray());
        var diversity = new DiversityScore(diversityTexts,
            DiversityMetrics.Distinct(syntheticSample, 1), DiversityMetrics.Distinct(syntheticSample, 2),
            DiversityMetrics.Distinct(realSample, 1), DiversityMetrics.Distinct(realSample, 2),
            DiversityMetrics.DuplicateRate(syntheticSample), DiversityMetrics.DuplicateRate(realSample),
            DiversityMetrics.NearDuplicateRate(syntheticSample, options.NGram), DiversityMetrics.NearDuplicateRate(realSample, options.NGram));
        ct.ThrowIfCancellationRequested();

        var copyIndex = new CopyMetrics(training, options.NGram);
        var syntheticCopies = copyIndex.Measure(synthetic);
        var holdoutCopies = holdout is { Count: > 0 } ? copyIndex.Measure(holdout) : ((int, double, double)?)null;
        var copies = new CopyScore(options.NGram, syntheticCopies.Copies, syntheticCopies.CopyRate, syntheticCopies.OverlapRate,
            holdoutCopies?.Item2, holdoutCopies?.Item3);
        ct.ThrowIfCancellationRequested();

        var consistency = TextConsistency.Measure(column, options.ConsistencyLabel,
            new TextConsistency.Side(training, input.Training), holdout is null ? null : new TextConsistency.Side(holdout, input.Holdout!),
            new TextConsistency.Side(synthetic, input.Synthetic), input.Metadata, random.Derive("consistency").Seed);

        EmbeddingScore? embedding = null;
        if (input.Embedder is { } embedder)
            embedding = Embed(embedder, column, input, training, synthetic, holdout, options.EmbeddingTexts, random.Derive("embedding"), ct);

        return new TextColumnReport
        {
            Column = column,
            RealTexts = training.Count,
            SyntheticTexts = synthetic.Count,
            HoldoutTexts = holdout?.Count ?? 0,
            RealMissingRate = MissingRate(input.Training, column, trainingRows, training.Count),
            SyntheticMissingRate = MissingRate(input.Synthetic, column, syntheticRows, synthetic.Count),
            Length = length,
            Vocabulary = vocabularyScore,
            Keywords = keywords,
            Diversity = diversity,
            Copies = copies,
            Consistency = consistency,
            Embedding = embedding,
            Histogram = Histogram(realWords, syntheticWords),
            Samples = Samples(column, input, synthetic, consistency?.Label, options.Samples, random.Derive("samples")),
        };
    }

    /// <summary>Share of the rows read whose cell is missing or blank.</summary>
    private static double MissingRate(Table table, string column, int[]? rows, int texts)
    {
        var read = rows?.Length ?? table.RowCount;
        return read == 0 ? 0 : 1 - (double)texts / read;
    }

    /// <summary><paramref name="count"/> indexes of [0, <paramref name="total"/>) chosen at random, ascending; <c>null</c> (all) when there are no more.</summary>
    internal static int[]? Subsample(int total, int count, SynthRandom random)
    {
        if (total <= count) return null;
        var order = Enumerable.Range(0, total).ToArray();
        // A partial Fisher–Yates shuffle: the first count places are a uniform sample.
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(total - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var chosen = order[..count];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Word counts in twenty equal bins up to the larger side's 99th percentile; the last bin takes everything above.</summary>
    private static LengthHistogram Histogram(double[] real, double[] synthetic)
    {
        const int bins = 20;
        static double Percentile99(double[] values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(0.99 * sorted.Length) - 1)];
        }
        var width = Math.Max(1, (int)Math.Ceiling(Math.Max(Percentile99(real), Percentile99(synthetic)) / bins));
        double[] Shares(double[] values)
        {
            var shares = new double[bins];
            foreach (var v in values) shares[Math.Min(bins - 1, (int)(v / width))] += 1.0 / values.Length;
            return shares;
        }
        return new LengthHistogram(width, Shares(real), Shares(synthetic));
    }

    /// <summary>A few synthetic texts with their row's other learned cells (the consistency label first).</summary>
    private static TextSample[] Samples(string column, TextEvaluationInput input, TextCorpus synthetic, string? label, int count, SynthRandom random)
    {
        var chosen = Subsample(synthetic.Count, count, random) ?? Enumerable.Range(0, synthetic.Count).ToArray();
        var context = input.Metadata.Columns.Where(c => c.Name != column && c.IsModelled && input.Synthetic.HasColumn(c.Name)).Select(c => c.Name)
            .OrderBy(name => name == label ? 0 : 1).Take(6).ToArray();
        var cells = input.Synthetic.Column(column);
        return chosen.Select(i =>
        {
            var row = synthetic.Rows[i];
            return new TextSample(row, cells[row]!, context.Select(c => new KeyValuePair<string, string?>(c, input.Synthetic[row, input.Synthetic.IndexOf(c)])).ToArray());
        }).ToArray();
    }

    private static EmbeddingScore Embed(ITextEmbedder embedder, string column, TextEvaluationInput input, TextCorpus training, TextCorpus synthetic,
        TextCorpus? holdout, int perSide, SynthRandom random, CancellationToken ct)
    {
        var texts = Math.Min(perSide, Math.Min(training.Count, synthetic.Count));
        if (holdout is { Count: > 1 }) texts = Math.Min(texts, holdout.Count);
        IReadOnlyList<float[]> Vectors(Table table, TextCorpus corpus, string side)
        {
            var chosen = Subsample(corpus.Count, texts, random.Derive(side)) ?? Enumerable.Range(0, corpus.Count).ToArray();
            var cells = table.Column(column);
            return embedder.Embed(chosen.Select(i => cells[corpus.Rows[i]]!).ToArray(), ct);
        }
        var real = Vectors(input.Training, training, "training");
        var fake = Vectors(input.Synthetic, synthetic, "synthetic");
        var sigma2 = EmbeddingDistance.Bandwidth(real, fake);
        double? baseline = null;
        if (holdout is { Count: > 1 } && texts >= 2)
            baseline = EmbeddingDistance.Mmd2(real, Vectors(input.Holdout!, holdout, "holdout"), sigma2);
        return new EmbeddingScore(embedder.Model, texts, texts < 2 ? 0 : EmbeddingDistance.Mmd2(real, fake, sigma2), baseline);
    }
}
