using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation.Utility;

/// <summary><see cref="UtilityEvaluator"/> as the <see cref="IUtilityEvaluator"/> an <see cref="EvaluationRequest"/> is handed.</summary>
public sealed class MlNetUtilityEvaluator : IUtilityEvaluator
{
    private MlNetUtilityEvaluator()
    {
    }

    /// <summary>The one instance (it holds no state).</summary>
    public static MlNetUtilityEvaluator Instance { get; } = new();

    /// <inheritdoc />
    public UtilityReport Evaluate(Table training, Table synthetic, Table? holdout, TableMetadata metadata, string? target, long seed, CancellationToken ct) =>
        UtilityEvaluator.Evaluate(training, synthetic, holdout, metadata, target, seed, ct);
}
