using SynthFixtures.Models.Relational;

namespace SynthFixtures.Modeling.Relational;

/// <summary>What a multi-table training run produced; the model file has been written whole.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="Settings">The per-table settings it was trained with.</param>
/// <param name="Tables">Tables learned.</param>
/// <param name="Rows">Source rows over all tables.</param>
/// <param name="ModelBytes">Size of the written model file.</param>
public sealed record RelationalTrainingResult(RelationalModel Model, SettingValues Settings, int Tables, long Rows, long ModelBytes);
