using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Numerics;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Models.Sequences.LaggedCopula;

/// <summary>
/// Fits a <see cref="LaggedCopulaStepModel"/>: the copula's marginals for the step columns (over every step) and the
/// context columns (over one row per entity), then the latent correlation of [context, lagged steps, current step] from
/// every entity's windows of <see cref="LaggedCopulaOptions.Lags"/> + 1 consecutive steps.
/// </summary>
public static class LaggedCopulaFitter
{
    /// <summary>Windows used for the correlation at most; longer data is thinned evenly (every k-th window).</summary>
    internal const int MaximumWindows = 40_000;

    /// <summary>Entities needed to fit the first step's own correlation; with fewer, the first step follows the stationary one.</summary>
    internal const int MinimumFirstStepEntities = 20;

    /// <summary>
    /// Shrinkage towards independence, R ← (1 − λ)R + λI: keeps every conditional covariance invertible when columns are
    /// (nearly) functions of each other or of their past, at a cost of 0.1 % of each correlation.
    /// </summary>
    internal const double Ridge = 1e-3;

    /// <summary>Learns how steps follow their context and their past. Same input ⇒ the same model, bit for bit.</summary>
    /// <param name="data">The training sequences.</param>
    /// <param name="stepColumns">The per-step columns, in output order.</param>
    /// <param name="contextColumns">The context columns (constant within an entity; the first row's cells are used).</param>
    /// <param name="options">Lags and seed.</param>
    /// <param name="progress">Receives a few lines about the fit.</param>
    /// <param name="cancellationToken">Stops the fit between pairs of dimensions.</param>
    /// <param name="covariates">
    /// Per entity, its steps' known covariates (<c>length × covariateCount</c>, values in [−1, 1] such as a season's sine
    /// and cosine), or <c>null</c>: they join each step's block as dimensions that sampling is given rather than draws.
    /// </param>
    /// <param name="covariateCount">Covariates per step.</param>
    /// <exception cref="SynthDataException">No entities, no step columns, or a column that is not learned (an identifier, free text, personal data).</exception>
    public static LaggedCopulaStepModel Fit(SequenceSet data, IReadOnlyList<ColumnMetadata> stepColumns, IReadOnlyList<ColumnMetadata> contextColumns,
        LaggedCopulaOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default,
        IReadOnlyList<float[]>? covariates = null, int covariateCount = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stepColumns);
        ArgumentNullException.ThrowIfNull(contextColumns);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var table = data.Table;
        if (data.Entities.Count == 0)
            throw new SynthDataException("The table has no sequences to learn from.", table.SourcePath, hint: "Give a table with at least one entity's rows.");
        if (stepColumns.Count == 0)
            throw new SynthDataException("The sequences have no per-step columns to learn.", table.SourcePath,
                hint: "Leave at least one column that changes from step to step out of the entity, index and context columns.");
        foreach (var column in stepColumns.Concat(contextColumns).Where(c => !c.IsModelled))
            throw new SynthDataException($"The column '{column.Name}' is not learned (an identifier, free text or personal data), so the lagged copula cannot model it.",
                table.SourcePath, hint: "Mark it as a learned kind in the metadata, or leave it out of the sequence's columns.", columnName: column.Name);

        var marginalOptions = new GaussianCopulaOptions { Seed = options.Seed };
        var steps = FitMarginals(table, stepColumns, marginalOptions, cancellationToken);
        TransitionOrdering.Apply(steps, data);
        var contexts = contextColumns.Count == 0 ? [] : FitMarginals(ContextTable(data, contextColumns), contextColumns, marginalOptions, cancellationToken);
        foreach (var column in contexts.Concat(steps)) progress?.Report($"{column.Name}: {column.Describe()}");
        var stepTokens = stepColumns.Select(c => table.MissingTokens[table.IndexOf(c.Name)]).ToArray();
        var dc = LaggedCopulaStepModel.Place(contexts);
        var ds = LaggedCopulaStepModel.Place(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(covariateCount);
        if (covariateCount > 0 && (covariates is null || covariates.Count != data.Entities.Count))
            throw new ArgumentException("One covariate array per entity is needed.", nameof(covariates));
        // A step's block: its drawn dimensions, then its known covariates.
        var block = ds + covariateCount;

        var stepIntervals = StepIntervals(table, steps, ds);
        if (covariateCount > 0) stepIntervals = WithCovariates(stepIntervals, data, covariates!, covariateCount);
        var contextIntervals = ContextIntervals(data, contexts, dc);
        var p = options.Lags;
        var windows = Windows(data, p);
        var lagged = Stationary(Correlation(Assemble(data, windows, p, stepIntervals, contextIntervals, dc, block), cancellationToken), dc, block);
        var firstStarts = data.Entities.Select((_, e) => (e, 0)).ToList();
        var firstStep = data.Entities.Count >= MinimumFirstStepEntities
            ? FirstStepCovariates.FromLagged(Regularize(Correlation(Assemble(data, firstStarts, 0, stepIntervals, contextIntervals, dc, block), cancellationToken)),
                lagged, dc, ds, covariateCount, Regularize)
            : StationaryFirstStep(lagged, dc, block);
        progress?.Report($"lagged copula: {Plural(p, "lag")}, {dc + (p + 1) * block} latent dimensions"
            + (covariateCount > 0 ? $" ({Plural(covariateCount, "known covariate")} a step)" : "") + ", "
            + $"{Plural(windows.Count, "window")} of {p + 1} steps from {Plural(data.Entities.Count, "entity", "entities")}"
            + (data.Entities.Count >= MinimumFirstStepEntities ? "" : "; first steps follow the stationary correlation (too few entities for their own)"));
        return new LaggedCopulaStepModel(options, steps, contexts, stepTokens, firstStep, lagged, covariateCount);
    }

    /// <summary>
    /// The step intervals with each row's covariates appended as exact dimensions, scaled by √2 so a sine or cosine over
    /// whole cycles has the unit variance the latent scale assumes (<see cref="LaggedCopulaStepModel.CovariateScale"/>).
    /// </summary>
    private static (double[][] Lower, double[][] Upper) WithCovariates((double[][] Lower, double[][] Upper) steps, SequenceSet data,
        IReadOnlyList<float[]> covariates, int count)
    {
        var rows = data.Table.RowCount;
        var lower = steps.Lower.Concat(Enumerable.Range(0, count).Select(_ => new double[rows])).ToArray();
        var upper = steps.Upper.Concat(Enumerable.Range(0, count).Select(_ => new double[rows])).ToArray();
        var ds = steps.Lower.Length;
        for (var e = 0; e < data.Entities.Count; e++)
        {
            var entity = data.Entities[e];
            if (covariates[e].Length != entity.Length * count)
                throw new ArgumentException($"Entity {e} has {covariates[e].Length} covariate values for {entity.Length} steps of {count}.", nameof(covariates));
            for (var t = 0; t < entity.Length; t++)
                for (var k = 0; k < count; k++)
                    lower[ds + k][entity.Rows[t]] = upper[ds + k][entity.Rows[t]] = LaggedCopulaStepModel.CovariateScale * covariates[e][t * count + k];
        }
        return (lower, upper);
    }

    private static CopulaColumn[] FitMarginals(Table table, IReadOnlyList<ColumnMetadata> columns, GaussianCopulaOptions options, CancellationToken cancellationToken) =>
        GaussianCopulaFitter.Fit(table, new TableMetadata { Columns = columns }, options, cancellationToken: cancellationToken).CopulaColumns.ToArray();

    /// <summary>One row per entity: the context cells of its first step.</summary>
    private static Table ContextTable(SequenceSet data, IReadOnlyList<ColumnMetadata> contextColumns)
    {
        var table = data.Table;
        var positions = contextColumns.Select(c => table.IndexOf(c.Name)).ToArray();
        var cells = positions.Select(position => data.Entities.Select(e => table[e.Rows[0], position]).ToArray()).ToArray();
        return new Table(contextColumns.Select(c => c.Name).ToList(), cells, positions.Select(p => table.MissingTokens[p]).ToList(), table.SourcePath);
    }

    /// <summary>Per table row, the step columns' intervals: [dimension][row].</summary>
    private static (double[][] Lower, double[][] Upper) StepIntervals(Table table, CopulaColumn[] columns, int dimensions)
    {
        var lower = new double[dimensions][];
        var upper = new double[dimensions][];
        for (var d = 0; d < dimensions; d++) (lower[d], upper[d]) = (new double[table.RowCount], new double[table.RowCount]);
        Span<double> lo = stackalloc double[2], hi = stackalloc double[2];
        foreach (var column in columns)
        {
            var position = table.IndexOf(column.Name);
            for (var row = 0; row < table.RowCount; row++)
            {
                LatentIntervals.Write(column, table[row, position], lo, hi);
                for (var d = 0; d < column.Dimensions; d++) (lower[column.FirstDimension + d][row], upper[column.FirstDimension + d][row]) = (lo[d], hi[d]);
            }
        }
        return (lower, upper);
    }

    /// <summary>Per entity, the context columns' intervals: [dimension][entity].</summary>
    private static (double[][] Lower, double[][] Upper) ContextIntervals(SequenceSet data, CopulaColumn[] columns, int dimensions)
    {
        var table = data.Table;
        var lower = new double[dimensions][];
        var upper = new double[dimensions][];
        for (var d = 0; d < dimensions; d++) (lower[d], upper[d]) = (new double[data.Entities.Count], new double[data.Entities.Count]);
        Span<double> lo = stackalloc double[2], hi = stackalloc double[2];
        foreach (var column in columns)
        {
            var position = table.IndexOf(column.Name);
            for (var e = 0; e < data.Entities.Count; e++)
            {
                LatentIntervals.Write(column, table[data.Entities[e].Rows[0], position], lo, hi);
                for (var d = 0; d < column.Dimensions; d++) (lower[column.FirstDimension + d][e], upper[column.FirstDimension + d][e]) = (lo[d], hi[d]);
            }
        }
        return (lower, upper);
    }

    /// <summary>Every (entity, first step) of a window of p + 1 consecutive steps, thinned evenly to <see cref="MaximumWindows"/>.</summary>
    private static List<(int Entity, int Start)> Windows(SequenceSet data, int p)
    {
        var all = new List<(int, int)>();
        for (var e = 0; e < data.Entities.Count; e++)
            for (var start = 0; start + p < data.Entities[e].Length; start++) all.Add((e, start));
        if (all.Count <= MaximumWindows) return all;
        var stride = (double)all.Count / MaximumWindows;
        return Enumerable.Range(0, MaximumWindows).Select(i => all[(int)(i * stride)]).ToList();
    }

    /// <summary>The windows as rows of [context, step start, …, step start + p]: [dimension][window].</summary>
    private static (double[][] Lower, double[][] Upper) Assemble(SequenceSet data, List<(int Entity, int Start)> windows, int p,
        (double[][] Lower, double[][] Upper) steps, (double[][] Lower, double[][] Upper) contexts, int dc, int ds)
    {
        var dimensions = dc + (p + 1) * ds;
        var lower = new double[dimensions][];
        var upper = new double[dimensions][];
        for (var d = 0; d < dimensions; d++) (lower[d], upper[d]) = (new double[windows.Count], new double[windows.Count]);
        for (var w = 0; w < windows.Count; w++)
        {
            var (entity, start) = windows[w];
            for (var d = 0; d < dc; d++) (lower[d][w], upper[d][w]) = (contexts.Lower[d][entity], contexts.Upper[d][entity]);
            var rows = data.Entities[entity].Rows;
            for (var s = 0; s <= p; s++)
                for (var d = 0; d < ds; d++)
                    (lower[dc + s * ds + d][w], upper[dc + s * ds + d][w]) = (steps.Lower[d][rows[start + s]], steps.Upper[d][rows[start + s]]);
        }
        return (lower, upper);
    }

    /// <summary>Every pair's latent correlation (pairs in parallel; each pair's estimate depends only on its own columns).</summary>
    private static double[,] Correlation((double[][] Lower, double[][] Upper) rows, CancellationToken cancellationToken)
    {
        var d = rows.Lower.Length;
        var pairs = new List<(int, int)>();
        for (var i = 0; i < d; i++)
            for (var j = 0; j < i; j++) pairs.Add((i, j));
        var result = new double[d, d];
        for (var i = 0; i < d; i++) result[i, i] = 1;
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, k =>
        {
            var (i, j) = pairs[k];
            result[i, j] = result[j, i] = LatentCorrelation.Pair(rows.Lower[i], rows.Upper[i], rows.Lower[j], rows.Upper[j]);
        });
        return result;
    }

    /// <summary>
    /// Averages the entries that a stationary process shares (the same pair of columns the same number of steps apart; a
    /// context column with a step column at any position), so every window position has the same marginal law and
    /// sampled sequences neither drift nor shrink; then makes the matrix a valid, regularized correlation.
    /// </summary>
    internal static double[,] Stationary(double[,] estimate, int dc, int ds)
    {
        var d = estimate.GetLength(0);
        var sums = new Dictionary<(int, int, int), (double Sum, int Count)>();
        (int, int, int) Key(int i, int j)
        {
            if (i < dc && j < dc) return (-1, i, j);
            if (i < dc) return (-2, i, (j - dc) % ds);
            if (j < dc) return (-2, j, (i - dc) % ds);
            int ti = (i - dc) / ds, ui = (i - dc) % ds, tj = (j - dc) / ds, uj = (j - dc) % ds;
            if (ti > tj || (ti == tj && ui > uj)) (ti, ui, tj, uj) = (tj, uj, ti, ui);
            return (tj - ti, ui, uj);
        }
        for (var i = 0; i < d; i++)
            for (var j = 0; j < i; j++)
            {
                var key = Key(i, j);
                var (sum, count) = sums.GetValueOrDefault(key);
                sums[key] = (sum + estimate[i, j], count + 1);
            }
        var result = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            result[i, i] = 1;
            for (var j = 0; j < i; j++)
            {
                var (sum, count) = sums[Key(i, j)];
                result[i, j] = result[j, i] = sum / count;
            }
        }
        return Regularize(result);
    }

    /// <summary>[context, current step] of the stationary correlation.</summary>
    internal static double[,] StationaryFirstStep(double[,] lagged, int dc, int ds)
    {
        var current = lagged.GetLength(0) - ds;
        var kept = Enumerable.Range(0, dc).Concat(Enumerable.Range(current, ds)).ToArray();
        var result = new double[kept.Length, kept.Length];
        for (var i = 0; i < kept.Length; i++)
            for (var j = 0; j < kept.Length; j++) result[i, j] = lagged[kept[i], kept[j]];
        return result;
    }

    private static double[,] Regularize(double[,] correlation)
    {
        var repaired = CorrelationEstimator.RepairToCorrelation(correlation);
        var d = repaired.GetLength(0);
        var result = new double[d, d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++) result[i, j] = i == j ? 1 : (1 - Ridge) * repaired[i, j];
        return result;
    }

    private static string Plural(int count, string noun, string? plural = null) => $"{count:N0} {(count == 1 ? noun : plural ?? noun + "s")}";
}
