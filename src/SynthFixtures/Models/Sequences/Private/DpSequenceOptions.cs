namespace SynthFixtures.Models.Sequences.Private;

/// <summary>
/// Settings of an entity-level differentially private sequence model (<c>dp-lagged-copula</c>). Every field but
/// <see cref="NoiseSeed"/> is recorded in the model's privacy plan.
/// </summary>
public sealed record DpSequenceOptions
{
    /// <summary>The most steps an entity may contribute: every per-step statistic moves by at most this many rows when one entity is added or removed.</summary>
    public const int MaximumStepsLimit = 10_000;

    /// <summary>The ε of the (ε, δ) guarantee for datasets that differ by one entity's whole sequence.</summary>
    public double Epsilon { get; init; } = 1;

    /// <summary>The δ of the guarantee; <c>null</c>: 1/(n·√n) for n entities (the entity count is then treated as public).</summary>
    public double? Delta { get; init; }

    /// <summary>How many previous steps each step is conditioned on.</summary>
    public int Lags { get; init; } = 1;

    /// <summary>
    /// Each entity contributes at most this many consecutive steps to the step model (a longer one a window placed by
    /// the seed and its own key), which bounds one entity's weight in every per-step statistic.
    /// </summary>
    public int MaxSteps { get; init; } = 16;

    /// <summary>The declared (public) step of the sequence index: a word of <see cref="DpIndexDeclaration.Words"/>; <c>null</c> when not declared.</summary>
    public string? IndexStep { get; init; }

    /// <summary>How many of <see cref="IndexStep"/>'s units one step is (every 10 units, every 2 days).</summary>
    public int IndexStepSize { get; init; } = 1;

    /// <summary>The training seed (window placement, marginal fits); it does not drive the noise.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Fixes the noise for reproducible tests; <c>null</c> (always, outside tests): a fresh secret seed per fit. The plan
    /// lists a fixed noise seed as public, voiding the guarantee for whoever knows it.
    /// </summary>
    public long? NoiseSeed { get; init; }

    /// <summary>Checks the settings together.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the parameter name is the setting's MSBuild name.</exception>
    public void Validate()
    {
        if (!(Epsilon > 0) || !double.IsFinite(Epsilon)) throw new ArgumentException("ε must be a positive number.", nameof(Epsilon));
        if (Delta is { } delta && !(delta > 0 && delta < 1)) throw new ArgumentException("δ must lie strictly between 0 and 1.", nameof(Delta));
        if (Lags is < 1 or > LaggedCopula.LaggedCopulaOptions.MaximumLags)
            throw new ArgumentException($"the lags must be between 1 and {LaggedCopula.LaggedCopulaOptions.MaximumLags}.", nameof(Lags));
        if (MaxSteps < Lags + 1 || MaxSteps > MaximumStepsLimit)
            throw new ArgumentException($"the steps an entity contributes must be between the lags + 1 ({Lags + 1}) and {MaximumStepsLimit}.", nameof(MaxSteps));
        if (IndexStepSize < 1) throw new ArgumentException("the index step size must be at least 1.", nameof(IndexStepSize));
        if (IndexStep is { } word && !DpIndexDeclaration.Words.Contains(word))
            throw new ArgumentException($"the index step must be one of {string.Join(", ", DpIndexDeclaration.Words)}.", nameof(IndexStep));
    }
}
