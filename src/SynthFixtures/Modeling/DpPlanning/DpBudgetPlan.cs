using SynthFixtures.Privacy;

namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>
/// The budget planner's answer for one configuration: the guarantee it gives, how the budget is spent
/// (<see cref="Privacy"/>, the same plan a trained model records), warnings, and recommended configurations.
/// </summary>
public sealed record DpBudgetPlan
{
    /// <summary>The model kind planned.</summary>
    public required string Model { get; init; }

    /// <summary>Training rows (from the CSV, or as given).</summary>
    public required int Rows { get; init; }

    /// <summary>The units privacy protects and subsampling draws: the rows, or DP-CTGAN's pac groups.</summary>
    public required int Units { get; init; }

    /// <summary>What a unit is: <c>rows</c> or <c>pac groups</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>Modelled columns (profiled from the CSV, or as given), or <c>null</c> when not known.</summary>
    public int? Columns { get; init; }

    /// <summary>How many of them are categorical or boolean (as given: all of them, the conservative case), or <c>null</c>.</summary>
    public int? CategoricalColumns { get; init; }

    /// <summary>The ε of the guarantee: what the configuration spends.</summary>
    public required double Epsilon { get; init; }

    /// <summary>The δ of the guarantee.</summary>
    public required double Delta { get; init; }

    /// <summary>The ε asked for, or <c>null</c> when a noise multiplier was given instead.</summary>
    public double? TargetEpsilon { get; init; }

    /// <summary>σ: DP-SGD's noise over the clipping norm; <c>null</c> for dp-marginals (each step has its own, in <see cref="Privacy"/>).</summary>
    public double? NoiseMultiplier { get; init; }

    /// <summary>DP-SGD's noisy steps over the whole training; <c>null</c> for dp-marginals.</summary>
    public int? Steps { get; init; }

    /// <summary>q, the probability that a unit joins a step; <c>null</c> for dp-marginals (every measurement reads every row).</summary>
    public double? SamplingRate { get; init; }

    /// <summary>The total zCDP budget ρ (dp-marginals), or <c>null</c>.</summary>
    public double? Rho { get; init; }

    /// <summary>The configuration's own <see cref="DpPlanProfile.NoiseToSignal"/>.</summary>
    public double? NoiseToSignal { get; init; }

    /// <summary>Each consumer of the budget with its share, noise, steps and sampling rate, and what is read outside it.</summary>
    public required PrivacyPlan Privacy { get; init; }

    /// <summary>Legal but questionable choices (<see cref="DpPlanThresholds"/>).</summary>
    public required IReadOnlyList<DpPlanWarning> Warnings { get; init; }

    /// <summary>Configurations for fast, balanced and quality training at the same ε.</summary>
    public required IReadOnlyList<DpPlanProfile> Recommendations { get; init; }
}
