namespace SynthFixtures.Privacy;

/// <summary>
/// Where a differentially private model's budget went: the guarantee as a whole and each consumer of it (bounds and
/// bins, one-way marginals, selection, two-way marginals, ...) with its share and noise. The artifact stores it, so
/// <c>synthfixtures inspect</c> and the generated synthesizer can show what a model promises.
/// </summary>
public sealed record PrivacyPlan
{
    /// <summary>The model kind that spent the budget.</summary>
    public required string Model { get; init; }

    /// <summary>How the consumers compose: <c>zCDP</c> (ρ adds) or <c>RDP</c>.</summary>
    public required string Accounting { get; init; }

    /// <summary>The ε of the whole model's (ε, δ) guarantee (what the consumers spend together, at most the target).</summary>
    public required double Epsilon { get; init; }

    /// <summary>The δ of the whole model's (ε, δ) guarantee, every consumer's δ included.</summary>
    public required double Delta { get; init; }

    /// <summary>The ε the user asked for.</summary>
    public required double TargetEpsilon { get; init; }

    /// <summary>The total zCDP budget ρ (zCDP accounting), or <c>null</c>.</summary>
    public double? Rho { get; init; }

    /// <summary>What neighbouring datasets mean for this guarantee (adding or removing one row, ...).</summary>
    public required string Neighbours { get; init; }

    /// <summary>What the model treats as public, i.e. reads outside the budget (the metadata, the row count for δ, ...).</summary>
    public required IReadOnlyList<string> Public { get; init; }

    /// <summary>Each consumer of the budget, in the order it spends.</summary>
    public required IReadOnlyList<PrivacyPlanStep> Steps { get; init; }

    /// <summary>Value equality over the lists.</summary>
    public bool Equals(PrivacyPlan? other) =>
        other is not null && Model == other.Model && Accounting == other.Accounting && Epsilon.Equals(other.Epsilon)
        && Delta.Equals(other.Delta) && TargetEpsilon.Equals(other.TargetEpsilon) && Rho.Equals(other.Rho)
        && Neighbours == other.Neighbours && Public.SequenceEqual(other.Public) && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Model, Epsilon, Delta, Steps.Count);
}

/// <summary>One consumer of a <see cref="PrivacyPlan"/>'s budget.</summary>
public sealed record PrivacyPlanStep
{
    /// <summary>What it measures or selects, e.g. <c>one-way marginals</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Its share of the total budget (of ρ for zCDP accounting), in [0, 1].</summary>
    public required double Share { get; init; }

    /// <summary>The zCDP cost of the whole step (all its measurements together), or <c>null</c>.</summary>
    public double? Rho { get; init; }

    /// <summary>Standard deviation of the Gaussian noise on each measured count (sensitivity 1), or <c>null</c>.</summary>
    public double? NoiseStandardDeviation { get; init; }

    /// <summary>The ε of each exponential-mechanism selection, or <c>null</c>.</summary>
    public double? SelectionEpsilon { get; init; }

    /// <summary>The rate at which each unit joins a step, for a subsampled mechanism (DP-SGD); <c>null</c> when every measurement reads every row.</summary>
    public double? SamplingRate { get; init; }

    /// <summary>How many measurements or selections the step makes (for DP-SGD: its noisy steps).</summary>
    public required int Measurements { get; init; }

    /// <summary>The δ the step adds on its own (a threshold that may release a label seen once), or 0.</summary>
    public double Delta { get; init; }

    /// <summary>What the step measures, in words.</summary>
    public required string Detail { get; init; }
}
