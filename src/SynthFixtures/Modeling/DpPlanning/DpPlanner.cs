using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Transforms;

namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>
/// The budget planner: for a differentially private model kind and its settings, over a training CSV or a row count
/// alone, the guarantee the training would give and where its budget would go (the same plan a trained model records),
/// checked against <see cref="DpPlanThresholds"/>, with fast, balanced and quality configurations at the same ε.
/// Given a target ε it finds the noise; given a noise multiplier it reports the ε spent. Nothing is trained.
/// </summary>
public static class DpPlanner
{
    /// <summary>The settings that change a plan (the rest of a kind's settings shape the network, not the budget).</summary>
    public static IReadOnlyList<string> BudgetSettingNames { get; } =
        ["epsilon", "delta", "noise-multiplier", "max-grad-norm", "epochs", "batch-size", "pac", "discriminator-steps", "bins"];

    /// <summary>The kinds the planner plans.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [DpMarginalsKind.Instance.Name, DpTvaeKind.Instance.Name, DpCtganKind.Instance.Name];

    /// <summary>Plans <paramref name="request"/>.</summary>
    /// <exception cref="SynthDataException">
    /// Bad input (a kind that is not differentially private, a bad setting, a bad CSV), or an infeasible configuration:
    /// the message names the constraint and the hint what would satisfy it (<see cref="SettingException"/> when a
    /// setting would, so callers can name it their way).
    /// </exception>
    public static DpBudgetPlan Plan(DpPlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = ModelCatalog.BuiltIn;
        var kind = catalog.Find(request.ModelKind);
        if (!Kinds.Contains(kind.Name))
            throw new SynthDataException($"'{kind.Name}' is not a differentially private model: there is no budget to plan.",
                hint: $"Plan one of {string.Join(", ", Kinds)}.");
        var settings = SettingValues.Parse(kind, request.Settings, catalog);
        var (rows, columns, categorical) = Source(request, kind.Name == DpMarginalsKind.Instance.Name, cancellationToken);
        if (kind.Name == DpMarginalsKind.Instance.Name)
            return DpMarginalsPlanning.Plan(DpMarginalsKind.Instance.Options(settings, 1), rows, columns!.Value, categorical!.Value, request.DataPath);
        var plan = kind.Name == DpTvaeKind.Instance.Name
            ? DpSgdPlanning.ForTvae(DpTvaeKind.Instance.Options(settings, 1), rows).Plan()
            : DpSgdPlanning.ForCtgan(DpCtganKind.Instance.Options(settings, 1), rows).Plan();
        return plan with { Columns = columns, CategoricalColumns = categorical };
    }

    /// <summary>
    /// The rows, modelled columns and categorical columns the plan is for: counted in the CSV, or as given (the columns
    /// then all counted as categorical, the conservative case; <c>null</c> when not given and not needed).
    /// </summary>
    private static (int Rows, int? Columns, int? Categorical) Source(DpPlanRequest request, bool needsColumns, CancellationToken cancellationToken)
    {
        if (request.DataPath is null == request.Rows is null)
            throw new SynthDataException(request.DataPath is null
                    ? "Give the training data or its number of rows to plan for."
                    : "Give either the training data or a number of rows, not both.",
                hint: "With the data the rows are counted; without it, state how many there are.");
        if (request.Rows is { } given)
        {
            if (given < 1) throw new SynthDataException($"The number of rows must be at least 1; got {given}.");
            if (request.Columns is not { } columns)
            {
                if (!needsColumns) return (given, null, null);
                throw new SynthDataException("dp-marginals shares its budget between columns, so planning it without data needs the number of modelled columns.",
                    hint: "Give the number of columns (numeric, categorical or boolean), or the training data.");
            }
            if (columns < 1) throw new SynthDataException($"The number of columns must be at least 1; got {columns}.");
            return (given, columns, columns);
        }
        if (request.Columns is not null)
            throw new SynthDataException("The number of columns is only for planning without data; with the data the columns are profiled.");
        cancellationToken.ThrowIfCancellationRequested();
        var read = CsvTableReader.Read(request.DataPath!, request.ReadOptions);
        var (table, metadata, _) = TableCheck.Prepare(request.MetadataPath is null ? null : MetadataJson.Load(request.MetadataPath), read,
            request.ReadOptions.BadCells);
        if (table.RowCount == 0)
            throw new SynthDataException("The table has no rows to learn from.", request.DataPath, hint: "Give a CSV with a header and at least one data row.");
        var modelled = metadata.Columns.Where(c => c.IsModelled).ToList();
        if (modelled.Count == 0)
            throw new SynthDataException("No column can be learned: every column is a key, text or personal data.", request.DataPath,
                hint: "Mark at least one column as numeric, categorical or boolean in the metadata.");
        return (table.RowCount, modelled.Count, modelled.Count(c => !c.IsNumeric));
    }
}
