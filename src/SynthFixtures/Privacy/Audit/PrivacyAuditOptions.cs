namespace SynthFixtures.Privacy.Audit;

/// <summary>What an audit trains and how many times.</summary>
public sealed record PrivacyAuditOptions
{
    /// <summary>The fewest trainings per side that can bound anything once split into choosing and measuring halves.</summary>
    public const int MinimumTrainings = 10;

    /// <summary>The model kind to audit (e.g. <c>dp-marginals</c>).</summary>
    public required string ModelKind { get; init; }

    /// <summary>The kind's settings by setting name, as text (e.g. <c>epsilon</c> → <c>1</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Trainings with the canary, and as many without it. Half of each choose the threshold, half measure it.</summary>
    public int Trainings { get; init; } = 200;

    /// <summary>Synthetic rows each trained model samples for the attack; <c>null</c>: as many as the data has.</summary>
    public int? SyntheticRows { get; init; }

    /// <summary>Confidence that the reported ε lower bound holds, in (0, 1).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Seed of the trainings' public seeds and of the sampling (a DP fit's noise stays secret whatever it is).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The canary's cells by column name, in place of the defaults (see <see cref="AuditCanary"/>).</summary>
    public IReadOnlyDictionary<string, string> Canary { get; init; } = new Dictionary<string, string>();

    /// <summary>Trainings run at once (kinds trained with TorchSharp run one at a time); <c>null</c>: one per core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
