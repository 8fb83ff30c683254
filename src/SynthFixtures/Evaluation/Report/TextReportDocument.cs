using SynthFixtures.Evaluation.Text;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Evaluation.Report;

// The text section as the JSON shows it (see EvaluationReportJson): the scores first, then the figures behind them.

internal sealed record TextDocument(double? Score, IReadOnlyList<TextColumnDocument> Columns, OrderedDictionary<string, string> Skipped,
    IReadOnlyList<LlmUsage> LlmUsage)
{
    public static TextDocument Of(TextReport report)
    {
        var skipped = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, reason) in report.Skipped) skipped[column] = reason;
        return new TextDocument(report.Score, report.Columns.Select(Column).ToArray(), skipped, report.LlmUsage);
    }

    private static TextColumnDocument Column(TextColumnReport c) => new(c.Column, c.Score, c.RealTexts, c.SyntheticTexts, c.HoldoutTexts,
        c.RealMissingRate, c.SyntheticMissingRate, c.Length, c.Vocabulary, c.Keywords, c.Diversity,
        new CopyDocument(c.Copies.NGram, c.Copies.Protection, c.Copies.SyntheticExactCopies, c.Copies.SyntheticExactCopyRate, c.Copies.SyntheticOverlapRate,
            c.Copies.HoldoutExactCopyRate, c.Copies.HoldoutOverlapRate),
        c.Consistency is { } k ? new ConsistencyDocument(k.Label, k.ChosenAutomatically, k.RealBasis, k.Ratio, k.KappaRatio, k.RealAccuracy, k.SyntheticAccuracy,
            k.RealKappa, k.SyntheticKappa, k.MajorityShare, k.Classes, k.RealTexts, k.SyntheticTexts) : null,
        c.Embedding,
        new HistogramDocument(c.Histogram.BinWidth, c.Histogram.Real, c.Histogram.Synthetic),
        c.Samples.Select(s =>
        {
            var context = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (name, value) in s.Context) context[name] = value;
            return new SampleDocument(s.Row, s.Text, context);
        }).ToArray());
}

internal sealed record TextColumnDocument(string Column, double Score, int RealTexts, int SyntheticTexts, int HoldoutTexts,
    double RealMissingRate, double SyntheticMissingRate, TextLengthScore Length, VocabularyScore Vocabulary, KeywordScore Keywords,
    DiversityScore Diversity, CopyDocument Copies, ConsistencyDocument? Consistency, EmbeddingScore? Embedding, HistogramDocument WordCountHistogram,
    IReadOnlyList<SampleDocument> Samples);

internal sealed record CopyDocument(int NGram, double Protection, int SyntheticExactCopies, double SyntheticExactCopyRate, double SyntheticOverlapRate,
    double? HoldoutExactCopyRate, double? HoldoutOverlapRate);

internal sealed record ConsistencyDocument(string Label, bool ChosenAutomatically, string RealBasis, double Ratio, double KappaRatio,
    double RealAccuracy, double SyntheticAccuracy, double RealKappa, double SyntheticKappa, double MajorityShare, int Classes, int RealTexts, int SyntheticTexts);

internal sealed record HistogramDocument(int BinWidth, IReadOnlyList<double> Real, IReadOnlyList<double> Synthetic);

internal sealed record SampleDocument(int Row, string Text, OrderedDictionary<string, string?> Context);
