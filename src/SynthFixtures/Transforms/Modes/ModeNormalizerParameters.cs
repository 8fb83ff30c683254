namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// A fitted continuous column's modes, as stored in a model artifact: one weight, mean and standard deviation per
/// component, sorted by mean. A standard deviation of zero marks a constant column (one component, α always 0).
/// </summary>
public sealed record ModeNormalizerParameters
{
    /// <summary>Mixture weights of the kept components; they sum to 1.</summary>
    public required double[] Weights { get; init; }

    /// <summary>Component means, ascending, in the column's units (datetimes: seconds).</summary>
    public required double[] Means { get; init; }

    /// <summary>Component standard deviations, positive (zero only for a constant column's single component).</summary>
    public required double[] StandardDeviations { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> unless the arrays agree and hold valid numbers.</summary>
    public void Validate()
    {
        var k = Weights?.Length ?? 0;
        if (k == 0) throw new ArgumentException("A mode normaliser needs at least one component.");
        if (Means is null || StandardDeviations is null || Means.Length != k || StandardDeviations.Length != k)
            throw new ArgumentException("Weights, means and standard deviations must have one entry per component.");
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            if (!(Weights![i] > 0 && Weights[i] <= 1)) throw new ArgumentException($"Component {i} has weight {Weights[i]}, outside (0, 1].");
            if (!double.IsFinite(Means[i])) throw new ArgumentException($"Component {i} has mean {Means[i]}.");
            if (!(StandardDeviations[i] >= 0) || !double.IsFinite(StandardDeviations[i]))
                throw new ArgumentException($"Component {i} has standard deviation {StandardDeviations[i]}.");
            if (StandardDeviations[i] == 0 && k > 1) throw new ArgumentException("Only a single-component (constant) column may have standard deviation 0.");
            sum += Weights[i];
        }
        if (Math.Abs(sum - 1) > 1e-6) throw new ArgumentException($"Weights sum to {sum}, not 1.");
    }
}
