using System.Text.Json.Serialization;

namespace SynthFixtures.Modeling.Neural;

/// <summary>
/// DP-SGD's settings for the DP neural kinds: a target ε (the noise is then calibrated) or a noise multiplier (the ε it
/// spends is then reported), δ, and the clipping norm.
/// </summary>
public sealed record DpSgdOptions
{
    /// <summary>The target ε; exactly one of this and <see cref="NoiseMultiplier"/> is set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Epsilon { get; init; }

    /// <summary>δ; <c>null</c>: 1/(n·√n) for n training rows. Never above 1/n (refused at training).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Delta { get; init; }

    /// <summary>σ, the noise's standard deviation over the clipping norm, given instead of <see cref="Epsilon"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NoiseMultiplier { get; init; }

    /// <summary>
    /// Seed of the noise, the batches and the initial weights, for reproducible tests only. <c>null</c> (the default): a
    /// fresh secret seed (<see cref="Privacy.SecretSeed"/>), because noise regenerated from a known seed can be subtracted.
    /// Not a setting: a fixed value voids the guarantee for whoever knows it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? NoiseSeed { get; init; }

    /// <summary>C: each example's gradient (over all parameters that see real rows) is clipped to this L2 norm.</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>Throws when a setting is out of range or the two ways of fixing the noise are both given or both missing.</summary>
    public void Validate()
    {
        if (Epsilon is { } e && !(e > 0 && !double.IsPositiveInfinity(e))) throw new ArgumentOutOfRangeException(nameof(Epsilon), e, "Must be a finite number above 0.");
        if (Delta is { } d && !(d > 0 && d < 1)) throw new ArgumentOutOfRangeException(nameof(Delta), d, "Must lie strictly between 0 and 1.");
        if (NoiseMultiplier is { } s && !(s > 0 && !double.IsPositiveInfinity(s))) throw new ArgumentOutOfRangeException(nameof(NoiseMultiplier), s, "Must be a finite number above 0.");
        if (!(MaxGradNorm > 0 && !double.IsPositiveInfinity(MaxGradNorm))) throw new ArgumentOutOfRangeException(nameof(MaxGradNorm), MaxGradNorm, "Must be a finite number above 0.");
        if (Epsilon is null == NoiseMultiplier is null)
            throw new ArgumentException(Epsilon is null
                ? "Give a target epsilon (the noise is calibrated to it) or a noise multiplier (the epsilon it spends is reported)."
                : "Give either a target epsilon or a noise multiplier, not both.", nameof(Epsilon));
    }
}
