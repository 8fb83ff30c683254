using SynthFixtures.Data;

namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>
/// What to plan: a differentially private model kind with its settings, over a training CSV or over a row count alone
/// (so a configuration can be checked without the data).
/// </summary>
public sealed record DpPlanRequest
{
    /// <summary>The model kind: <c>dp-marginals</c>, <c>dp-tvae</c> or <c>dp-ctgan</c>.</summary>
    public required string ModelKind { get; init; }

    /// <summary>
    /// Settings by name (<see cref="SettingSpec.Name"/>) as text, as for training; those not given keep the kind's
    /// defaults. The ones that change the budget are <see cref="DpPlanner.BudgetSettingNames"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The training CSV (its rows are counted and, for dp-marginals, its columns profiled); or <c>null</c> with <see cref="Rows"/>.</summary>
    public string? DataPath { get; init; }

    /// <summary>How to read <see cref="DataPath"/>.</summary>
    public CsvReadOptions ReadOptions { get; init; } = new();

    /// <summary>Column metadata for <see cref="DataPath"/>; <c>null</c>: profile the CSV.</summary>
    public string? MetadataPath { get; init; }

    /// <summary>The number of training rows, instead of a CSV.</summary>
    public int? Rows { get; init; }

    /// <summary>
    /// Without a CSV: how many columns are modelled (numeric, categorical or boolean); needed for dp-marginals, which
    /// shares its budget between columns. They are all counted as categorical, which reserves a tenth of δ for the
    /// label thresholds (the more conservative case).
    /// </summary>
    public int? Columns { get; init; }
}
