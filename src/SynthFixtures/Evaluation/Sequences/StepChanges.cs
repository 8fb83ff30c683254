namespace SynthFixtures.Evaluation.Sequences;

/// <summary>Step-to-step changes within entities: differences of numbers, transitions between categories (see <see cref="StepChangeScore"/>).</summary>
internal static class StepChanges
{
    /// <summary>x_t − x_{t−1} for every pair of consecutive present values of every sequence.</summary>
    public static double[] Differences(IEnumerable<double[]> sequences)
    {
        var differences = new List<double>();
        foreach (var s in sequences)
            for (var t = 1; t < s.Length; t++)
                if (!double.IsNaN(s[t]) && !double.IsNaN(s[t - 1])) differences.Add(s[t] - s[t - 1]);
        return [.. differences];
    }

    /// <summary>
    /// The transitions (code_{t−1}, code_t) of both sides as dense codes 1 … count − 1 (code 0, "missing" to
    /// <see cref="TVComplement"/>, is never used: a missing cell is a state of its own here), numbered in order of first
    /// appearance, real before synthetic.
    /// </summary>
    public static (int[] Real, int[] Synthetic, int Count) Transitions(IEnumerable<int[]> real, IEnumerable<int[]> synthetic)
    {
        var codes = new Dictionary<(int, int), int>();
        int[] Code(IEnumerable<int[]> sequences)
        {
            var result = new List<int>();
            foreach (var s in sequences)
                for (var t = 1; t < s.Length; t++)
                {
                    var key = (s[t - 1], s[t]);
                    if (!codes.TryGetValue(key, out var code)) codes[key] = code = codes.Count + 1;
                    result.Add(code);
                }
            return [.. result];
        }
        var realCodes = Code(real);
        var syntheticCodes = Code(synthetic);
        return (realCodes, syntheticCodes, codes.Count + 1);
    }
}
