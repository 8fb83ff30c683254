using SynthFixtures.Models.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>What a sequence training run produced; every path it names has been written whole.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="Entities">Entities trained on (after the holdout was taken out).</param>
/// <param name="Rows">Rows (steps) trained on.</param>
/// <param name="ModelBytes">Size of the written model file.</param>
/// <param name="HoldoutEntities">Entities held out, or 0.</param>
/// <param name="HoldoutPath">Where the holdout entities' rows were written, or <c>null</c>.</param>
public sealed record SequenceTrainingResult(SequenceModel Model, int Entities, int Rows, long ModelBytes, int HoldoutEntities, string? HoldoutPath)
{
    /// <summary>Cells of the training CSV that did not parse as their column's kind and were read as missing.</summary>
    public IReadOnlyList<Metadata.CellIssue> CellIssues { get; init; } = [];
}
