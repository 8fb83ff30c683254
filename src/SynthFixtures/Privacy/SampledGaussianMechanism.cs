namespace SynthFixtures.Privacy;

/// <summary>
/// One run of the Poisson-subsampled Gaussian mechanism as the accountant records it (DP-SGD: one entry per phase
/// with a fixed batch rate and noise).
/// </summary>
/// <param name="SamplingRate">q: the probability that a row takes part in a step (expected batch size over rows).</param>
/// <param name="NoiseMultiplier">σ: the noise standard deviation over the L2 sensitivity (the clipping norm).</param>
/// <param name="Steps">How many times the mechanism runs.</param>
public sealed record SampledGaussianMechanism(double SamplingRate, double NoiseMultiplier, int Steps);
