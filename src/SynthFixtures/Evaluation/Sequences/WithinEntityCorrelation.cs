using SynthFixtures.Numerics;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>The mean over entities of two columns' Pearson correlation within each entity (see <see cref="CrossCorrelationScore"/>).</summary>
internal static class WithinEntityCorrelation
{
    /// <summary>The mean of each pair of sequences' ρ over the pairs where it is defined; <c>null</c> when none defines it.</summary>
    public static double? Mean(IEnumerable<(double[] X, double[] Y)> entities)
    {
        double sum = 0;
        var count = 0;
        foreach (var (x, y) in entities)
            if (PairwiseCorrelation.Pearson(x, y) is { } rho)
            {
                sum += rho;
                count++;
            }
        return count == 0 ? null : sum / count;
    }
}
