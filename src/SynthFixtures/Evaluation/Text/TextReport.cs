using SynthFixtures.Text.Llm;

namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// The text section of an evaluation: every free-text column scored on its own metrics (the quality headline leaves
/// free text out and keeps its definition; this section is where those columns are scored), and the LLM usage the
/// evaluation was given. Produced by <see cref="TextEvaluator"/>.
/// </summary>
public sealed record TextReport
{
    /// <summary>One report per free-text column, in table order.</summary>
    public required IReadOnlyList<TextColumnReport> Columns { get; init; }

    /// <summary>Free-text columns not evaluated, with the reason (absent from the synthetic table, no text on a side).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Skipped { get; init; } = [];

    /// <summary>Per LLM-written column, calls, tokens and cost, as the run record says; empty when none were given.</summary>
    public IReadOnlyList<LlmUsage> LlmUsage { get; init; } = [];

    /// <summary>The mean of the columns' scores; <c>null</c> when no column was evaluated.</summary>
    public double? Score => Columns.Count == 0 ? null : Columns.Average(c => c.Score);
}

/// <summary>Everything measured on one free-text column.</summary>
public sealed record TextColumnReport
{
    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>Non-missing training texts evaluated (after the <see cref="TextEvaluationOptions.MaxTexts"/> subsample).</summary>
    public required int RealTexts { get; init; }

    /// <summary>Non-missing synthetic texts evaluated (likewise).</summary>
    public required int SyntheticTexts { get; init; }

    /// <summary>Non-missing holdout texts evaluated; 0 without a holdout.</summary>
    public required int HoldoutTexts { get; init; }

    /// <summary>Share of training rows whose cell is missing or blank.</summary>
    public required double RealMissingRate { get; init; }

    /// <summary>Share of synthetic rows whose cell is missing or blank.</summary>
    public required double SyntheticMissingRate { get; init; }

    /// <summary>Length distributions.</summary>
    public required TextLengthScore Length { get; init; }

    /// <summary>Vocabulary coverage and out-of-vocabulary rate.</summary>
    public required VocabularyScore Vocabulary { get; init; }

    /// <summary>Keyword (content word) distribution similarity.</summary>
    public required KeywordScore Keywords { get; init; }

    /// <summary>Diversity within the synthetic texts, beside the same figures for real texts.</summary>
    public required DiversityScore Diversity { get; init; }

    /// <summary>Copies and near copies of training texts, beside the holdout's rate.</summary>
    public required CopyScore Copies { get; init; }

    /// <summary>Whether the text fits its row (a classifier trained on real text predicting a related column); <c>null</c> when no column qualifies.</summary>
    public ConsistencyScore? Consistency { get; init; }

    /// <summary>Distance between real and synthetic sentence embeddings; <c>null</c> when no embedder was given.</summary>
    public EmbeddingScore? Embedding { get; init; }

    /// <summary>Word counts binned for the report's histogram.</summary>
    public required LengthHistogram Histogram { get; init; }

    /// <summary>A few synthetic texts with their row's other values, chosen with the evaluation's seed.</summary>
    public required IReadOnlyList<TextSample> Samples { get; init; }

    /// <summary>
    /// The column's fidelity score: the mean of the character and word length KS complements, vocabulary coverage,
    /// 1 − out-of-vocabulary rate, the keyword TV complement and, when computed, the consistency kappa ratio. Copies are a privacy figure, reported beside it (<see cref="CopyScore.Protection"/>), not averaged in.
    /// </summary>
    public double Score
    {
        get
        {
            var parts = new List<double> { Length.CharacterKsComplement, Length.WordKsComplement, Vocabulary.Coverage, 1 - Vocabulary.OutOfVocabularyRate, Keywords.TvComplement };
            if (Consistency is { } c) parts.Add(c.KappaRatio);
            return parts.Average();
        }
    }
}

/// <summary>Length distributions: KS complement of the per-text character and word counts.</summary>
public sealed record TextLengthScore(double CharacterKsComplement, double WordKsComplement,
    double RealMeanCharacters, double SyntheticMeanCharacters, double RealMeanWords, double SyntheticMeanWords);

/// <summary>
/// How much of the real vocabulary the synthetic texts use, and how many synthetic words real texts never use.
/// </summary>
/// <param name="Coverage">Share of the training texts' word occurrences whose word occurs in the synthetic texts (frequent words weigh more).</param>
/// <param name="OutOfVocabularyRate">Share of the synthetic texts' word occurrences whose word never occurs in the training texts.</param>
/// <param name="RealVocabulary">Distinct words of the training texts.</param>
/// <param name="SyntheticVocabulary">Distinct words of the synthetic texts.</param>
/// <param name="HoldoutCoverage">The same coverage for the holdout texts (real texts the model never saw), the baseline; <c>null</c> without a holdout.</param>
/// <param name="HoldoutOutOfVocabularyRate">The holdout texts' out-of-vocabulary rate against training; <c>null</c> without a holdout.</param>
public sealed record VocabularyScore(double Coverage, double OutOfVocabularyRate, int RealVocabulary, int SyntheticVocabulary,
    double? HoldoutCoverage, double? HoldoutOutOfVocabularyRate);

/// <summary>A word and its share of the keyword occurrences on one side.</summary>
public sealed record KeywordShare(string Word, double Share);

/// <summary>
/// What the texts are about: 1 − total variation distance between the real and synthetic frequency distributions over
/// the keywords (the <see cref="TextEvaluationOptions.Keywords"/> most frequent content words of each side, stop words
/// left out).
/// </summary>
/// <param name="TvComplement">1 − TV distance; 1 when both sides use the keywords in the same proportions, 0 when they share none.</param>
/// <param name="Keywords">Distinct keywords compared (the union of both sides' top words).</param>
/// <param name="Real">The real side's top keywords with their shares, most frequent first (ten).</param>
/// <param name="Synthetic">The synthetic side's, likewise.</param>
public sealed record KeywordScore(double TvComplement, int Keywords, IReadOnlyList<KeywordShare> Real, IReadOnlyList<KeywordShare> Synthetic);

/// <summary>
/// Diversity on equal-size seeded subsamples of each side (distinct-n depends on how many texts are counted, so the
/// real figures use as many texts as the synthetic ones).
/// </summary>
/// <param name="Texts">Texts per side counted.</param>
/// <param name="SyntheticDistinct1">Distinct words / words over the synthetic texts.</param>
/// <param name="SyntheticDistinct2">Distinct word pairs / word pairs.</param>
/// <param name="RealDistinct1">The same for real texts.</param>
/// <param name="RealDistinct2">Likewise.</param>
/// <param name="SyntheticDuplicateRate">Share of synthetic texts whose normalised form occurs more than once among them.</param>
/// <param name="RealDuplicateRate">Likewise for real texts.</param>
/// <param name="SyntheticNearDuplicateRate">Share of synthetic texts sharing an n-gram (<see cref="TextEvaluationOptions.NGram"/> words) with another synthetic text.</param>
/// <param name="RealNearDuplicateRate">Likewise for real texts.</param>
public sealed record DiversityScore(int Texts, double SyntheticDistinct1, double SyntheticDistinct2, double RealDistinct1, double RealDistinct2,
    double SyntheticDuplicateRate, double RealDuplicateRate, double SyntheticNearDuplicateRate, double RealNearDuplicateRate);

/// <summary>
/// Memorisation: synthetic texts equal to a training text after normalisation, and texts sharing a run of
/// <see cref="NGram"/> words with a training text, beside the same rates for the holdout texts (real texts the model
/// never saw: what an honest generator of this language shares with the training set by chance).
/// </summary>
/// <param name="NGram">The run length, in words.</param>
/// <param name="SyntheticExactCopies">Synthetic texts equal to a training text.</param>
/// <param name="SyntheticExactCopyRate">Their share.</param>
/// <param name="SyntheticOverlapRate">Share of synthetic texts whose longest word run in common with some training text is at least <see cref="NGram"/> words.</param>
/// <param name="HoldoutExactCopyRate">Share of holdout texts equal to a training text; <c>null</c> without a holdout.</param>
/// <param name="HoldoutOverlapRate">Share of holdout texts with such a run; <c>null</c> without a holdout.</param>
public sealed record CopyScore(int NGram, int SyntheticExactCopies, double SyntheticExactCopyRate, double SyntheticOverlapRate,
    double? HoldoutExactCopyRate, double? HoldoutOverlapRate)
{
    /// <summary>
    /// min((1 − synthetic overlap rate) / (1 − holdout overlap rate), 1): 1 when synthetic texts share long runs with
    /// training no more often than unseen real texts do; without a holdout, 1 − the synthetic overlap rate.
    /// </summary>
    public double Protection
    {
        get
        {
            var baseline = HoldoutOverlapRate ?? 0;
            if (baseline >= 1) return 1;
            return Math.Min((1 - SyntheticOverlapRate) / (1 - baseline), 1);
        }
    }
}

/// <summary>
/// Whether the words fit the row: a multinomial naive Bayes classifier trained on real texts predicts
/// <see cref="Label"/>; its accuracy on synthetic texts (against each synthetic row's own value) over its accuracy on real
/// texts it did not train on.
/// </summary>
/// <param name="Label">The predicted column.</param>
/// <param name="ChosenAutomatically">Whether the evaluation chose the column (the one real text predicts best) rather than being told.</param>
/// <param name="RealBasis">What the real accuracy was measured on ("holdout", or "a held-out fifth of training" without a holdout).</param>
/// <param name="RealAccuracy">Accuracy on those real texts.</param>
/// <param name="SyntheticAccuracy">Accuracy on the synthetic texts.</param>
/// <param name="RealKappa">Cohen's kappa on the real texts (accuracy corrected for chance agreement).</param>
/// <param name="SyntheticKappa">Cohen's kappa on the synthetic texts.</param>
/// <param name="MajorityShare">Share of the most frequent label among the real texts tested: the accuracy of always guessing it.</param>
/// <param name="Classes">Distinct labels in training.</param>
/// <param name="RealTexts">Real texts tested.</param>
/// <param name="SyntheticTexts">Synthetic texts tested.</param>
public sealed record ConsistencyScore(string Label, bool ChosenAutomatically, string RealBasis, double RealAccuracy, double SyntheticAccuracy,
    double RealKappa, double SyntheticKappa, double MajorityShare, int Classes, int RealTexts, int SyntheticTexts)
{
    /// <summary>Synthetic accuracy / real accuracy, capped to [0, 1]: the headline (1 when the words fit their rows as well as real ones do).</summary>
    public double Ratio => RealAccuracy <= 0 ? 1 : Math.Clamp(SyntheticAccuracy / RealAccuracy, 0, 1);

    /// <summary>
    /// Synthetic kappa / real kappa, capped to [0, 1] (1 when real texts do not predict the label at all). Stricter than
    /// <see cref="Ratio"/>: with a dominant label, texts that say nothing still reach about the majority share in
    /// accuracy, but a kappa near 0; so the column's score uses this one.
    /// </summary>
    public double KappaRatio => RealKappa <= 0 ? 1 : Math.Clamp(SyntheticKappa / RealKappa, 0, 1);
}

/// <summary>
/// Distance between real and synthetic sentence embeddings (squared maximum mean discrepancy with a Gaussian kernel,
/// bandwidth by the median heuristic), beside the distance between holdout and training embeddings.
/// </summary>
/// <param name="Model">The embedding model.</param>
/// <param name="Texts">Texts per side embedded (a seeded subsample).</param>
/// <param name="Mmd">MMD² between training and synthetic embeddings (0 for the same distribution).</param>
/// <param name="HoldoutMmd">MMD² between training and holdout embeddings, the baseline; <c>null</c> without a holdout.</param>
/// <remarks>A distance, not a score: it has no natural scale, so it is read against <paramref name="HoldoutMmd"/> and is not averaged into <see cref="TextColumnReport.Score"/>.</remarks>
public sealed record EmbeddingScore(string Model, int Texts, double Mmd, double? HoldoutMmd);

/// <summary>Word counts in equal-width bins, each side's share of texts per bin.</summary>
/// <param name="BinWidth">Words per bin; bin i holds counts in [i·width, (i + 1)·width), the last bin everything above.</param>
/// <param name="Real">Share of real texts per bin.</param>
/// <param name="Synthetic">Share of synthetic texts per bin.</param>
public sealed record LengthHistogram(int BinWidth, IReadOnlyList<double> Real, IReadOnlyList<double> Synthetic);

/// <summary>A synthetic text with its row's other values (column, formatted cell).</summary>
public sealed record TextSample(int Row, string Text, IReadOnlyList<KeyValuePair<string, string?>> Context);
