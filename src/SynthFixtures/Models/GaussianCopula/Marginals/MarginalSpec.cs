using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>
/// A marginal distribution as plain numbers, the form it takes in a model file. <see cref="Parameters"/> are, per family:
/// <list type="table">
/// <item><term><see cref="MarginalFamily.Uniform"/></term><description><c>[lower, upper]</c></description></item>
/// <item><term><see cref="MarginalFamily.Normal"/></term><description><c>[mean, stdDev]</c></description></item>
/// <item><term><see cref="MarginalFamily.TruncatedNormal"/></term><description><c>[mean, stdDev, lower, upper]</c> (mean and stdDev of the untruncated normal)</description></item>
/// <item><term><see cref="MarginalFamily.Gamma"/></term><description><c>[shape, scale, location]</c>; the support is (location, ∞)</description></item>
/// <item><term><see cref="MarginalFamily.Beta"/></term><description><c>[alpha, beta, lower, upper]</c></description></item>
/// <item><term><see cref="MarginalFamily.GaussianKde"/></term><description>
/// <c>[x₀ … x₍ₘ₋₁₎, F₀ … F₍ₘ₋₁₎]</c>: a tabulated CDF of m points (2 ≤ m ≤ <see cref="KdeMarginal.MaxTablePoints"/>), first the
/// strictly increasing grid, then the CDF at each grid point (non-decreasing, F₀ = 0, F₍ₘ₋₁₎ = 1). The grid is a smoothed
/// histogram's, never the training values (only x₀ and x₍ₘ₋₁₎, the support bounds, are observed values).</description></item>
/// </list>
/// Two specs are equal when their families are equal and their parameters are equal element by element.
/// </summary>
/// <param name="Family">The distribution family.</param>
/// <param name="Parameters">The family's parameters in the documented order (copied on construction).</param>
public sealed record MarginalSpec(MarginalFamily Family, IReadOnlyList<double> Parameters)
{
    /// <summary>The family's parameters in the documented order; an immutable copy of what was passed in.</summary>
    public IReadOnlyList<double> Parameters { get; init; } =
        new ReadOnlyCollection<double>((Parameters ?? throw new ArgumentNullException(nameof(Parameters))).ToArray());

    /// <inheritdoc />
    public bool Equals(MarginalSpec? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Family != Family || other.Parameters.Count != Parameters.Count) return false;
        for (var i = 0; i < Parameters.Count; i++)
            if (!Parameters[i].Equals(other.Parameters[i])) return false;
        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Family);
        foreach (var p in Parameters) hash.Add(p);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Family = ").Append(Family).Append(", Parameters = [");
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (i > 0) builder.Append(", ");
            if (i == 8 && Parameters.Count > 10)
            {
                builder.Append("… ").Append(Parameters.Count - 8).Append(" more");
                break;
            }
            builder.Append(Parameters[i].ToString("R", CultureInfo.InvariantCulture));
        }
        builder.Append(']');
        return true;
    }
}
