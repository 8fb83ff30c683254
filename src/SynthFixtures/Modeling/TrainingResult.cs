using SynthFixtures.Models;

namespace SynthFixtures.Modeling;

/// <summary>What a training run produced; every path it names has been written whole.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="Settings">The settings it was trained with (those given; the rest were the kind's defaults).</param>
/// <param name="Rows">Rows in the training data after the holdout was taken out (early stopping may train on fewer: see the model's provenance).</param>
/// <param name="Columns">Columns in the training data.</param>
/// <param name="ModelBytes">Size of the written model file.</param>
/// <param name="HoldoutRows">Rows held out, or 0.</param>
/// <param name="HoldoutPath">Where the holdout rows were written, or <c>null</c>.</param>
public sealed record TrainingResult(SynthModel Model, SettingValues Settings, int Rows, int Columns, long ModelBytes, int HoldoutRows, string? HoldoutPath)
{
    /// <summary>Cells of the training CSV that did not parse as their column's kind and were read as missing (see <see cref="Data.CsvReadOptions.BadCells"/>).</summary>
    public IReadOnlyList<Metadata.CellIssue> CellIssues { get; init; } = [];
}
