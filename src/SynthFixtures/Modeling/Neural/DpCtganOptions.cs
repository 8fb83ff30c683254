namespace SynthFixtures.Modeling.Neural;

/// <summary>DP-CTGAN's settings: CTGAN's network and training (without early stopping) and DP-SGD's privacy for its discriminator.</summary>
public sealed record DpCtganOptions
{
    /// <summary>The networks and their training; <see cref="CtganOptions.EarlyStopping"/> must stay off.</summary>
    public CtganOptions Network { get; init; } = new();

    /// <summary>The privacy settings; the unit of privacy is a pac group of <see cref="CtganOptions.Pac"/> rows.</summary>
    public DpSgdOptions Privacy { get; init; } = new();

    /// <summary>
    /// Generator updates per discriminator update. The generator never reads real rows, so its steps are
    /// post-processing of the private discriminator and cost no budget: more of them train it further within the same ε.
    /// </summary>
    public int GeneratorSteps { get; init; } = 1;

    /// <summary>
    /// Weight λ of a drift penalty λ·D(x)² on the discriminator's scores of real groups and generated packs.
    /// </summary>
    /// <remarks>
    /// Under DP the gradient penalty interpolates between generated rows only, so nothing holds the critic Lipschitz
    /// near the real rows: its scores drift apart without bound (the generator's loss reached hundreds on adult) and
    /// swamp the generator's condition loss. The penalty keeps the scores near zero. A real group's term is a function
    /// of that group's own score, so it is part of the group's clipped, noised gradient: the plan does not change.
    /// </remarks>
    public double DiscriminatorDrift { get; init; } = 0.1;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        Network.Validate();
        Privacy.Validate();
        if (DiscriminatorDrift < 0 || !double.IsFinite(DiscriminatorDrift))
            throw new ArgumentOutOfRangeException(nameof(DiscriminatorDrift), DiscriminatorDrift, "Must be zero or positive.");
        if (GeneratorSteps < 1) throw new ArgumentOutOfRangeException(nameof(GeneratorSteps), GeneratorSteps, "Must be positive.");
        if (Network.EarlyStopping is not null)
            throw new ArgumentException("Early stopping scores held-out rows outside the privacy budget; it is not available with differential privacy.", nameof(Network));
    }
}
