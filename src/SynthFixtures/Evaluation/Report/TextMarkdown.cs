using System.Globalization;
using System.Text;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Text.Llm;
using static System.FormattableString;

namespace SynthFixtures.Evaluation.Report;

/// <summary>
/// The text section in words, shared by the Markdown and HTML writers: one row per metric and column, and the LLM
/// usage lines.
/// </summary>
public static class TextMarkdown
{
    /// <summary>(metric, synthetic figure, real baseline, what it means) rows of one column, in report order.</summary>
    public static IReadOnlyList<(string Metric, string Synthetic, string Baseline, string Meaning)> Rows(TextColumnReport c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var rows = new List<(string, string, string, string)>
        {
            ("Score", F(c.Score), "", "mean of the length, vocabulary, keyword and consistency scores"),
            ("Length KS (characters)", F(c.Length.CharacterKsComplement), "", Invariant($"mean {c.Length.SyntheticMeanCharacters:F0} vs real {c.Length.RealMeanCharacters:F0} characters")),
            ("Length KS (words)", F(c.Length.WordKsComplement), "", Invariant($"mean {c.Length.SyntheticMeanWords:F1} vs real {c.Length.RealMeanWords:F1} words")),
            ("Vocabulary coverage", F(c.Vocabulary.Coverage), Opt(c.Vocabulary.HoldoutCoverage), "share of real word occurrences whose word the synthetic texts use (baseline: holdout)"),
            ("Out-of-vocabulary rate", F(c.Vocabulary.OutOfVocabularyRate), Opt(c.Vocabulary.HoldoutOutOfVocabularyRate), "share of synthetic words real texts never use (lower is better)"),
            ("Keywords (TV complement)", F(c.Keywords.TvComplement), "", $"over {c.Keywords.Keywords} top content words"),
            ("Distinct-1 / distinct-2", $"{F(c.Diversity.SyntheticDistinct1)} / {F(c.Diversity.SyntheticDistinct2)}", $"{F(c.Diversity.RealDistinct1)} / {F(c.Diversity.RealDistinct2)}", Invariant($"on {c.Diversity.Texts:N0} texts per side")),
            ("Duplicates", P(c.Diversity.SyntheticDuplicateRate), P(c.Diversity.RealDuplicateRate), "texts repeated within a side"),
            ($"Near duplicates ({c.Copies.NGram}-word run)", P(c.Diversity.SyntheticNearDuplicateRate), P(c.Diversity.RealNearDuplicateRate), "texts sharing a run with another text of the same side"),
            ("Exact copies of training", Invariant($"{c.Copies.SyntheticExactCopies:N0} ({P(c.Copies.SyntheticExactCopyRate)})"), OptP(c.Copies.HoldoutExactCopyRate), "after normalisation (baseline: holdout texts found in training)"),
            ($"{c.Copies.NGram}-gram overlap with training", P(c.Copies.SyntheticOverlapRate), OptP(c.Copies.HoldoutOverlapRate), $"texts sharing a {c.Copies.NGram}-word run with a training text; protection {F(c.Copies.Protection)}"),
        };
        if (c.Consistency is { } k)
        {
            rows.Add(($"Consistency with `{k.Label}` (accuracy)", F(k.SyntheticAccuracy), F(k.RealAccuracy),
                $"ratio {F(k.Ratio)}; real measured on {k.RealBasis}; always guessing the majority {F(k.MajorityShare)}{(k.ChosenAutomatically ? "; label chosen automatically" : "")}"));
            rows.Add(("Consistency (Cohen's kappa)", F(k.SyntheticKappa), F(k.RealKappa), $"kappa ratio {F(k.KappaRatio)}, in the score"));
        }
        else rows.Add(("Consistency", "n/a", "", "no categorical, boolean or small integer column is predicted by the real text"));
        if (c.Embedding is { } e)
            rows.Add(("Embedding MMD²", e.Mmd.ToString("F4", CultureInfo.InvariantCulture), e.HoldoutMmd is { } b ? b.ToString("F4", CultureInfo.InvariantCulture) : "",
                Invariant($"{e.Model}, {e.Texts:N0} texts per side (lower is better; baseline: holdout)")));
        return rows;
    }

    /// <summary>"gpt-4o-mini wrote 100 cells of Review Text: 12 calls (88 replayed), 10,200 input + 8,100 output tokens, 0.0123 USD".</summary>
    public static string Usage(LlmUsage u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var cost = u.Cost is { } c ? $", {c.ToString("0.####", CultureInfo.InvariantCulture)} {u.Currency}".TrimEnd() : ", no price configured";
        return string.Create(CultureInfo.InvariantCulture,
            $"{u.Model} wrote {u.Rows:N0} cells of {u.Column}: {u.Calls:N0} calls ({u.ReplayedCalls:N0} replayed), {u.InputTokens:N0} input + {u.OutputTokens:N0} output tokens{cost}");
    }

    /// <summary>The total over <paramref name="usage"/>, one sum per currency; <c>null</c> for none.</summary>
    public static string? Total(IReadOnlyList<LlmUsage> usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (usage.Count == 0) return null;
        var costs = usage.Where(u => u.Cost is not null).GroupBy(u => u.Currency ?? "").Select(g => $"{g.Sum(u => u.Cost!.Value).ToString("0.####", CultureInfo.InvariantCulture)} {g.Key}".TrimEnd());
        var costText = string.Join(" + ", costs);
        return string.Create(CultureInfo.InvariantCulture,
            $"Total: {usage.Sum(u => u.Rows):N0} cells, {usage.Sum(u => u.Calls):N0} calls ({usage.Sum(u => u.ReplayedCalls):N0} replayed), {usage.Sum(u => u.InputTokens):N0} input + {usage.Sum(u => u.OutputTokens):N0} output tokens{(costText.Length == 0 ? "" : ", " + costText)}");
    }

    /// <summary>Appends the section to a Markdown document.</summary>
    internal static void Append(StringBuilder md, TextReport text)
    {
        void Line(string line = "") => md.Append(line).Append('\n');
        Line("### Text columns");
        Line();
        Line("The quality score leaves free text out (its definition is unchanged); these columns are scored here.");
        Line();
        foreach (var c in text.Columns)
        {
            var holdoutText = c.HoldoutTexts > 0 ? Invariant($", {c.HoldoutTexts:N0} holdout") : "";
            Line(Invariant($"**`{c.Column}`** ({c.SyntheticTexts:N0} synthetic vs {c.RealTexts:N0} training texts{holdoutText}): score {F(c.Score)}."));
            Line();
            Line("| Metric | Synthetic | Real baseline | |");
            Line("|---|---:|---:|---|");
            foreach (var (metric, synthetic, baseline, meaning) in Rows(c)) Line($"| {metric} | {synthetic} | {baseline} | {meaning} |");
            Line();
            Line("Top keywords, real: " + string.Join(", ", c.Keywords.Real.Select(k => k.Word)) + "; synthetic: " + string.Join(", ", c.Keywords.Synthetic.Select(k => k.Word)) + ".");
            Line();
            foreach (var s in c.Samples)
                Line($"> {Escape(s.Text)}  \n> <sub>{Escape(string.Join(", ", s.Context.Select(p => $"{p.Key} = {p.Value ?? "(missing)"}")))}</sub>");
            if (c.Samples.Count > 0) Line();
        }
        foreach (var (column, reason) in text.Skipped) Line($"`{column}` not evaluated: {reason}.");
        if (text.Skipped.Count > 0) Line();
        if (text.LlmUsage.Count > 0)
        {
            Line("**LLM usage**");
            Line();
            foreach (var u in text.LlmUsage) Line($"- {Usage(u)}.");
            Line($"- {Total(text.LlmUsage)}.");
            Line();
        }
    }

    private static string Escape(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static string F(double value) => EvaluationMarkdown.F(value);

    private static string Opt(double? value) => value is { } v ? F(v) : "";

    private static string P(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    private static string OptP(double? value) => value is { } v ? P(v) : "";
}
