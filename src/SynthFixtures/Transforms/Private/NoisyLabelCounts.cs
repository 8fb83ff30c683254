using SynthFixtures.Data;
using SynthFixtures.Randomness;

namespace SynthFixtures.Transforms.Private;

/// <summary>
/// A categorical column's labels released by a stability-based histogram: each observed label's count (labels compared
/// trimmed) plus Gaussian noise drawn from a stream derived from the label itself (so one row's label never shifts
/// another label's noise), kept when the noisy count exceeds 1 + σ·z(δ). A label held by one row is then released
/// with probability at most δ, and a label absent from the table is never released; nothing else about the unreleased
/// labels (how many, their counts) leaves this class. One row moves one count by 1: L2 sensitivity 1.
/// </summary>
internal sealed class NoisyLabelCounts
{
    private NoisyLabelCounts(string[] labels, double[] counts, double? missing)
    {
        Labels = labels;
        Counts = counts;
        Missing = missing;
    }

    /// <summary>The released labels, trimmed, by noisy count (largest first, ties by label).</summary>
    public string[] Labels { get; }

    /// <summary>The released labels' noisy counts, in the order of <see cref="Labels"/> (each above the threshold, so positive).</summary>
    public double[] Counts { get; }

    /// <summary>The noisy count of missing cells, or <c>null</c> when it was not measured.</summary>
    public double? Missing { get; }

    /// <summary>
    /// Measures <paramref name="cells"/> (<c>null</c> for missing). With <paramref name="measureMissing"/> the missing
    /// count is measured too, from the stream <c>missing</c> of <paramref name="noise"/>: missing is a cell every column
    /// has, so its noisy count needs no threshold to be released.
    /// </summary>
    public static NoisyLabelCounts Measure(IReadOnlyList<string?> cells, double sigma, double labelDelta, SynthRandom noise, bool measureMissing, int unitRows = 1)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var cell in cells)
        {
            if (cell is null)
            {
                missing++;
                continue;
            }
            var label = CellText.Normalize(cell);
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }
        // A label held only by the one unit that differs (a row, or a pac group of unitRows rows) counts at most unitRows.
        var threshold = unitRows + sigma * -StandardNormal.InverseCdf(labelDelta);
        var released = new List<(string Label, double Noisy)>();
        foreach (var (label, count) in counts)
        {
            var noisy = count + sigma * noise.Derive("label:" + label).NextNormal();
            if (noisy > threshold) released.Add((label, noisy));
        }
        released.Sort((a, b) => b.Noisy != a.Noisy ? b.Noisy.CompareTo(a.Noisy) : string.CompareOrdinal(a.Label, b.Label));
        double? noisyMissing = measureMissing ? missing + sigma * noise.Derive("missing").NextNormal() : null;
        return new NoisyLabelCounts(released.Select(r => r.Label).ToArray(), released.Select(r => r.Noisy).ToArray(), noisyMissing);
    }
}
