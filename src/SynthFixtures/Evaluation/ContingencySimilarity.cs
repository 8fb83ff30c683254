namespace SynthFixtures.Evaluation;

/// <summary>
/// Column pair trend of any pair that is not two numeric columns: 1 − ½ Σ_(a,b) |P_real(a, b) − P_synthetic(a, b)|
/// over the union of the value combinations seen in either table. Inputs are codes: categories as they are,
/// numeric and datetime columns discretised with <see cref="EqualWidthBins"/> over the real column's range. As in
/// SDMetrics (<c>groupby(dropna=False)</c>), a missing cell is a category of its own, so a synthesizer that gets the
/// share of missing values wrong scores lower here.
/// </summary>
public static class ContingencySimilarity
{
    // Above this many (a, b) cells the joint counts go into a dictionary instead of a dense array.
    private const int DenseLimit = 1 << 18;

    /// <summary>The score of one pair of coded columns.</summary>
    /// <param name="realA">Codes of column A in the real table, each in 0 … <paramref name="countA"/> − 1 (missing has a code of its own).</param>
    /// <param name="realB">Codes of column B in the real table, each in 0 … <paramref name="countB"/> − 1.</param>
    /// <param name="syntheticA">Codes of column A in the synthetic table.</param>
    /// <param name="syntheticB">Codes of column B in the synthetic table.</param>
    /// <param name="countA">Number of codes of column A.</param>
    /// <param name="countB">Number of codes of column B.</param>
    /// <returns>A score in [0, 1]; 1 when both tables are empty, 0 when only one is.</returns>
    public static double Compute(ReadOnlySpan<int> realA, ReadOnlySpan<int> realB, ReadOnlySpan<int> syntheticA,
        ReadOnlySpan<int> syntheticB, int countA, int countB)
    {
        if (realA.Length != realB.Length) throw new ArgumentException("Real columns A and B differ in length.", nameof(realB));
        if (syntheticA.Length != syntheticB.Length) throw new ArgumentException("Synthetic columns A and B differ in length.", nameof(syntheticB));
        ArgumentOutOfRangeException.ThrowIfLessThan(countA, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(countB, 1);
        if (realA.Length == 0 || syntheticA.Length == 0) return realA.Length == syntheticA.Length ? 1.0 : 0.0;
        var distance = (long)countA * countB <= DenseLimit
            ? DenseDistance(realA, realB, syntheticA, syntheticB, countA, countB)
            : SparseDistance(realA, realB, syntheticA, syntheticB, countB);
        return Math.Clamp(1.0 - 0.5 * distance, 0.0, 1.0);
    }

    private static double DenseDistance(ReadOnlySpan<int> realA, ReadOnlySpan<int> realB, ReadOnlySpan<int> syntheticA,
        ReadOnlySpan<int> syntheticB, int countA, int countB)
    {
        var real = new int[countA * countB];
        var synthetic = new int[real.Length];
        for (var row = 0; row < realA.Length; row++) real[realA[row] * countB + realB[row]]++;
        for (var row = 0; row < syntheticA.Length; row++) synthetic[syntheticA[row] * countB + syntheticB[row]]++;
        double nReal = realA.Length, nSynthetic = syntheticA.Length, distance = 0.0;
        for (var cell = 0; cell < real.Length; cell++)
            if ((real[cell] | synthetic[cell]) != 0)
                distance += Math.Abs(real[cell] / nReal - synthetic[cell] / nSynthetic);
        return distance;
    }

    private static double SparseDistance(ReadOnlySpan<int> realA, ReadOnlySpan<int> realB, ReadOnlySpan<int> syntheticA,
        ReadOnlySpan<int> syntheticB, int countB)
    {
        // Slots are numbered in order of first appearance, so the sum below runs in the same order on every run.
        var slots = new Dictionary<long, int>();
        var real = new List<int>();
        var synthetic = new List<int>();
        for (var row = 0; row < realA.Length; row++) real[Slot((long)realA[row] * countB + realB[row])]++;
        for (var row = 0; row < syntheticA.Length; row++) synthetic[Slot((long)syntheticA[row] * countB + syntheticB[row])]++;
        double nReal = realA.Length, nSynthetic = syntheticA.Length, distance = 0.0;
        for (var slot = 0; slot < real.Count; slot++)
            distance += Math.Abs(real[slot] / nReal - synthetic[slot] / nSynthetic);
        return distance;

        int Slot(long key)
        {
            if (slots.TryGetValue(key, out var slot)) return slot;
            slots.Add(key, real.Count);
            real.Add(0);
            synthetic.Add(0);
            return real.Count - 1;
        }
    }
}
