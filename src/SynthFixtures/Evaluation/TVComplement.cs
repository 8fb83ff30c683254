namespace SynthFixtures.Evaluation;

/// <summary>
/// Column shape of a categorical or boolean column: 1 − ½ Σ_c |p_real(c) − p_synthetic(c)| over the union of the
/// categories seen in either table, categories compared after trimming (<see cref="Data.CellText.Normalize"/>).
/// </summary>
/// <remarks>
/// Missing cells are <b>ignored</b>, as SDMetrics' TVComplement does (it drops NaN before counting; its documentation
/// says the metric compares categories "while ignoring missing values"). Whether the synthetic data has the right
/// share of missing cells still shows in the report: <see cref="ContingencySimilarity"/> counts missing as a
/// category of its own. When one side has no non-missing cells the score is 0, and 1 when neither has any.
/// </remarks>
public static class TVComplement
{
    /// <summary>1 − the total variation distance of the category frequencies.</summary>
    /// <param name="real">Real cells; <c>null</c> is missing.</param>
    /// <param name="synthetic">Synthetic cells; <c>null</c> is missing.</param>
    /// <param name="missingAsCategory"><c>false</c> (the report's setting, as SDMetrics): missing cells are dropped
    /// before the frequencies are taken. <c>true</c>: missing is one more category.</param>
    public static double Compute(IReadOnlyList<string?> real, IReadOnlyList<string?> synthetic, bool missingAsCategory = false)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        var codes = CategoryCodes.Create(real, synthetic);
        return FromCodes(codes.Real, codes.Synthetic, codes.Count, missingAsCategory);
    }

    /// <summary>The score from category codes in 0 … <paramref name="codeCount"/> − 1, where code 0 is missing.</summary>
    internal static double FromCodes(ReadOnlySpan<int> real, ReadOnlySpan<int> synthetic, int codeCount, bool missingAsCategory = false)
    {
        var realCounts = Count(real, codeCount, missingAsCategory, out var realTotal);
        var syntheticCounts = Count(synthetic, codeCount, missingAsCategory, out var syntheticTotal);
        if (realTotal == 0 || syntheticTotal == 0) return realTotal == syntheticTotal ? 1.0 : 0.0;
        var distance = 0.0;
        for (var code = missingAsCategory ? 0 : 1; code < codeCount; code++)
            distance += Math.Abs(realCounts[code] / (double)realTotal - syntheticCounts[code] / (double)syntheticTotal);
        return Math.Clamp(1.0 - 0.5 * distance, 0.0, 1.0);
    }

    private static long[] Count(ReadOnlySpan<int> codes, int codeCount, bool missingAsCategory, out long counted)
    {
        var counts = new long[codeCount];
        foreach (var code in codes) counts[code]++;
        counted = missingAsCategory ? codes.Length : codes.Length - counts[CategoryCodes.Missing];
        return counts;
    }
}
