namespace SynthFixtures.Models.Sequences.LaggedCopula;

/// <summary>Settings for fitting a <see cref="LaggedCopulaStepModel"/>. Every field is recorded in the model's bytes.</summary>
public sealed record LaggedCopulaOptions
{
    /// <summary>The most lags allowed.</summary>
    public const int MaximumLags = 16;

    /// <summary>How many previous steps each step is conditioned on (besides the context).</summary>
    public int Lags { get; init; } = 1;

    /// <summary>Seed for the marginal fits' random choices.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Checks the settings together.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the parameter name is the setting's MSBuild name.</exception>
    public void Validate()
    {
        if (Lags is < 1 or > MaximumLags) throw new ArgumentException($"the lags must be between 1 and {MaximumLags}.", nameof(Lags));
    }
}
