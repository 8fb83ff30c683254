namespace SynthFixtures.Text.Llm;

/// <summary>One response the LLM gave for a cell, with the facts a scorer judges it by.</summary>
/// <param name="Column">The column.</param>
/// <param name="Row">The 0-based sample row.</param>
/// <param name="Index">Which of the row's candidates.</param>
/// <param name="Text">The response, trimmed.</param>
/// <param name="Words">Its word count.</param>
/// <param name="DuplicatesEarlierCell">Whether an earlier cell of the column already holds this text (ignoring case and spacing).</param>
/// <param name="SharedNgramFraction">The fraction of its word n-grams found in the decontamination texts (0 when none are given).</param>
/// <param name="WordCountQuantiles">The column's word-count quantiles (0 %, 10 %, …, 100 %), or <c>null</c> when unknown.</param>
/// <param name="Cell">The row's cell of another column by name (<c>null</c>: missing or no such column).</param>
public sealed record LlmCandidate(string Column, long Row, int Index, string Text, int Words, bool DuplicatesEarlierCell,
    double SharedNgramFraction, IReadOnlyList<double>? WordCountQuantiles, Func<string, string?> Cell);

/// <summary>Ranks a cell's candidates: the highest score is kept; <c>null</c> rejects a candidate (a row with none left stays missing).</summary>
public interface ILlmCandidateScorer
{
    /// <summary>The candidate's score (higher is better), or <c>null</c> to reject it.</summary>
    double? Score(LlmCandidate candidate);
}

/// <summary>
/// The default scorer: rejects empty texts, duplicates of earlier cells and texts sharing more than
/// <c>maxSharedNgramFraction</c> of their n-grams with the decontamination texts; ranks the rest by how well their length
/// fits the column's word counts (no penalty between the 10 % and 90 % quantiles, then growing with the distance).
/// </summary>
/// <param name="MaxSharedNgramFraction">The largest shared n-gram fraction accepted.</param>
public sealed record LlmCandidateScorer(double MaxSharedNgramFraction) : ILlmCandidateScorer
{
    /// <summary>The default with the column's own threshold.</summary>
    public static LlmCandidateScorer Default(LlmTextColumn column) => new(column.MaxSharedNgramFraction);

    /// <inheritdoc />
    public double? Score(LlmCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Words == 0 || candidate.DuplicatesEarlierCell || candidate.SharedNgramFraction > MaxSharedNgramFraction) return null;
        return -LengthMisfit(candidate.Words, candidate.WordCountQuantiles);
    }

    /// <summary>0 inside the 10–90 % quantiles; between them and the extremes up to 0.5; beyond, 1 plus the distance relative to the range.</summary>
    internal static double LengthMisfit(int words, IReadOnlyList<double>? quantiles)
    {
        if (quantiles is not { Count: 11 }) return 0;
        double low = quantiles[1], high = quantiles[9], min = quantiles[0], max = quantiles[10];
        var range = Math.Max(1, max - min);
        if (words >= low && words <= high) return 0;
        if (words >= min && words <= max) return 0.5 * (words < low ? (low - words) / Math.Max(1, low - min) : (words - high) / Math.Max(1, max - high));
        return 1 + (words < min ? min - words : words - max) / range;
    }
}
