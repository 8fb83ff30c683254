namespace SynthFixtures.Privacy.Audit;

/// <summary>What an audit found: the trainings, the canary, the attack's errors and the ε they prove.</summary>
public sealed record PrivacyAuditResult
{
    /// <summary>The model kind audited.</summary>
    public required string Model { get; init; }

    /// <summary>Rows of the data (trainings with the canary have one more).</summary>
    public required int Rows { get; init; }

    /// <summary>Trainings with the canary (as many ran without it).</summary>
    public required int Trainings { get; init; }

    /// <summary>Synthetic rows sampled from each trained model.</summary>
    public required int SyntheticRows { get; init; }

    /// <summary>The ε the model claims (its privacy plan, or the epsilon setting); <c>null</c> for a kind without a guarantee.</summary>
    public double? ClaimedEpsilon { get; init; }

    /// <summary>The δ the bound allows for (the model's; 0 for a kind without a guarantee).</summary>
    public required double Delta { get; init; }

    /// <summary>Confidence that <see cref="EpsilonLowerBound"/> holds.</summary>
    public required double Confidence { get; init; }

    /// <summary>The canary's cells.</summary>
    public required IReadOnlyList<CanaryCell> Canary { get; init; }

    /// <summary>The attack, in words.</summary>
    public required string Attack { get; init; }

    /// <summary>Each training's score (canary traces in its synthetic rows), with the canary, in training order.</summary>
    public required IReadOnlyList<int> ScoresWith { get; init; }

    /// <summary>Each training's score without the canary, in training order.</summary>
    public required IReadOnlyList<int> ScoresWithout { get; init; }

    /// <summary>Per traced column, how many trainings of each side show a trace in it: where a leak is.</summary>
    public required IReadOnlyList<CanaryColumnTraces> TracesByColumn { get; init; }

    /// <summary>Trainings per side that chose the threshold (the first ones); the rest measured it.</summary>
    public required int ChoosingTrainings { get; init; }

    /// <summary>The attack at the chosen threshold, on the measuring trainings.</summary>
    public required AttackOutcome Outcome { get; init; }

    /// <summary>The empirical lower bound on ε at <see cref="Confidence"/>: the true ε of the training is at least this.</summary>
    public double EpsilonLowerBound => Outcome.EpsilonLowerBound;

    /// <summary>The largest bound the measuring trainings could prove (an attack without error); more trainings raise it.</summary>
    public required double MostProvable { get; init; }

    /// <summary>Whether the bound exceeds the claimed ε, i.e. the audit refutes the claim.</summary>
    public bool RefutesClaim => ClaimedEpsilon is { } claimed && EpsilonLowerBound > claimed;

    /// <summary>Whether the kind draws secret noise, so that another run gives other scores (the bound stays valid either way).</summary>
    public required bool SecretNoise { get; init; }

    /// <summary>Wall-clock seconds for all trainings and attacks.</summary>
    public required double Seconds { get; init; }
}

/// <summary>How many trainings of each side show a trace of the canary in one column.</summary>
/// <param name="Column">The traced column.</param>
/// <param name="WithCanary">Trainings with the canary whose synthetic rows hold a trace in this column.</param>
/// <param name="WithoutCanary">Trainings without the canary whose synthetic rows hold one anyway.</param>
public sealed record CanaryColumnTraces(string Column, int WithCanary, int WithoutCanary);
