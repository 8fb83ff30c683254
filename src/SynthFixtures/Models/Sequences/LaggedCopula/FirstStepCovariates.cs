namespace SynthFixtures.Models.Sequences.LaggedCopula;

/// <summary>
/// The first step's correlations with the step covariates, taken from the stationary (lagged) correlation rather than
/// from the first steps alone. Every first step sits at position 0 (and, when the entities start together, at the same
/// index value), so on first steps alone a trend covariate is constant and its correlations come out 0: the first step
/// would then be drawn from the level of all steps, not the early level the trend gives position 0. The stationary
/// estimate holds how each value moves with the covariate over all positions, which is what the first step needs.
/// </summary>
internal static class FirstStepCovariates
{
    /// <summary>
    /// <paramref name="firstStep"/> ([context, step dimensions, covariates]) with every entry that involves a covariate
    /// replaced by the matching entry of <paramref name="lagged"/>'s current block, made a valid correlation again by
    /// <paramref name="regularize"/>; <paramref name="firstStep"/> itself without covariates.
    /// </summary>
    public static double[,] FromLagged(double[,] firstStep, double[,] lagged, int contextDimensions, int stepDimensions, int covariates,
        Func<double[,], double[,]> regularize)
    {
        if (covariates == 0) return firstStep;
        var d = firstStep.GetLength(0);
        var current = lagged.GetLength(0) - (stepDimensions + covariates);
        int Lagged(int i) => i < contextDimensions ? i : current + i - contextDimensions;
        bool IsCovariate(int i) => i - contextDimensions >= stepDimensions;
        var result = (double[,])firstStep.Clone();
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
                if (i != j && (IsCovariate(i) || IsCovariate(j))) result[i, j] = lagged[Lagged(i), Lagged(j)];
        return regularize(result);
    }
}
