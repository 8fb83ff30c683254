namespace SynthFixtures.Transforms.Sequences;

/// <summary>
/// A trend covariate's scale, fitted on the training steps: a value (a step's position in its sequence, or its index
/// value) enters the step model as <c>(clamp(value, Min, Max) − Mean) / Scale</c>. The scale is the training spread
/// times √2, so the covariate has the variance ½ of a calendar sine and the lagged copula's √2 brings both to the unit
/// variance of its latent scale. Values outside the training range are clamped to it: a sequence longer than any real
/// one, or starting later, continues at the level the model learned for the range's edge instead of extrapolating a
/// fitted relation (PAR's network has never seen inputs beyond the range, and its response there is unknown).
/// </summary>
/// <param name="Mean">The training values' mean.</param>
/// <param name="Scale">The training values' standard deviation times √2 (1 when they do not vary).</param>
/// <param name="Min">The smallest training value.</param>
/// <param name="Max">The largest training value.</param>
public sealed record StepTrend(double Mean, double Scale, double Min, double Max)
{
    /// <summary>The trend fitted to <paramref name="values"/> (at least one).</summary>
    public static StepTrend Fit(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("A trend needs at least one value.", nameof(values));
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var mean = sum / values.Count;
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        var sd = Math.Sqrt(squares / values.Count);
        return new StepTrend(mean, sd > 0 ? sd * Math.Sqrt(2) : 1, min, max);
    }

    /// <summary>The covariate of <paramref name="value"/>.</summary>
    public float Of(double value) => (float)((Math.Clamp(value, Min, Max) - Mean) / Scale);
}
