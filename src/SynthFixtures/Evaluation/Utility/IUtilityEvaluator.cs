using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation.Utility;

/// <summary>
/// Computes machine-learning utility and detection. The implementation lives outside the core (SynthFixtures.Evaluation.Utility,
/// with ML.NET), so an evaluation that wants these scores is handed one (<see cref="EvaluationRequest.Utility"/>).
/// </summary>
public interface IUtilityEvaluator
{
    /// <summary>Computes TSTR scores (when <paramref name="target"/> and <paramref name="holdout"/> are given) and detection.</summary>
    /// <param name="training">The real rows the model was trained on.</param>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <param name="holdout">Real rows the model never saw, or <c>null</c>.</param>
    /// <param name="metadata">Column kinds.</param>
    /// <param name="target">The column to predict, or <c>null</c> for detection only.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="ct">Stops the computation.</param>
    /// <exception cref="SynthDataException">The target is not an evaluated column, or a table lacks a column.</exception>
    UtilityReport Evaluate(Table training, Table synthetic, Table? holdout, TableMetadata metadata, string? target, long seed, CancellationToken ct);
}
