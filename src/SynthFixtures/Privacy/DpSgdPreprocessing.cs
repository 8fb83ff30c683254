namespace SynthFixtures.Privacy;

/// <summary>
/// A step of Gaussian measurements a DP-SGD model makes before training (its preprocessing: noisy counts that decide
/// category lists, modes, ranges, missing flags, condition frequencies), to be composed with DP-SGD in one RDP
/// account by <see cref="DpSgdPlan.For"/>. Each measurement is a count vector of L2 sensitivity 1; the step costs
/// <see cref="Share"/> of ρ(ε), the zCDP budget that on its own converts to the target ε, shared equally by its
/// measurements.
/// </summary>
/// <param name="Name">What it measures, e.g. <c>preprocessing</c>.</param>
/// <param name="Share">Its share of ρ(ε), in (0, 1).</param>
/// <param name="Measurements">How many count vectors it measures (≥ 1).</param>
/// <param name="ThresholdedMeasurements">How many of them release labels by a threshold, each spending part of δ.</param>
/// <param name="Detail">What it measures, in words, for the plan.</param>
public sealed record DpSgdPreprocessing(string Name, double Share, int Measurements, int ThresholdedMeasurements, string Detail)
{
    /// <summary>
    /// The default share of a model's preprocessing: a tenth of ρ(ε). At adult's size this gives noise σ ≈ 22 per count at
    /// ε = 3 (about 68 at ε = 1), so labels held by more than a hundred or so rows, the body of every numeric column and the
    /// missing rates are all measured well, while DP-SGD keeps about nine tenths of the privacy loss; SmartNoise's
    /// default of 1.0 of ε = 1.5 leaves the network a third.
    /// </summary>
    public const double DefaultShare = 0.1;

    /// <summary>Share of δ the label thresholds of all steps together may use (the rest goes to the RDP conversion).</summary>
    public const double LabelDeltaShare = 0.1;
}
