using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.Sequences.LaggedCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Private;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Models.Sequences.Private;

/// <summary>
/// Fits a <see cref="LaggedCopulaStepModel"/> with entity-level differential privacy from three Gaussian measurements:
/// the step columns' count vectors (each entity contributing at most <c>maxSteps</c> rows, so a vector moves by at most
/// that many in L2), the context columns' count vectors (one row per entity), and the sum over entities of each
/// entity's mean outer product of its windows' latent scores, clipped to a norm bound (so one entity moves the sum by at
/// most the bound squared). Marginals, correlations and the model are post-processing of those noisy vectors.
/// </summary>
internal static class DpLaggedCopulaFitter
{
    /// <summary>Stand-in values per column that the copula's marginal is fitted to (post-processing of the noisy counts).</summary>
    internal const int StandInValues = 2_000;

    /// <summary>
    /// A window's latent score vector is scaled down to this norm² per dimension at most: a standard normal vector of d
    /// dimensions has norm² d on average, so twice that clips few windows while bounding one entity's weight.
    /// </summary>
    internal const double ClipPerDimension = 2;

    /// <summary>
    /// The noise of each measurement: σ per count of the step and context marginals, and the correlation's noise per
    /// unit of sensitivity (its σ is this times the clipping bound C², which depends on how many latent dimensions the
    /// noisy marginals give: post-processing, so the cost ρ = 1/(2·multiplier²) does not change).
    /// </summary>
    internal sealed record Noise(double StepMarginals, double ContextMarginals, double CorrelationMultiplier, double LabelDelta);

    /// <summary>The model, the correlation measurement's clipping bound C² and noise σ, and that noise over the noisy entity count.</summary>
    internal sealed record Result(LaggedCopulaStepModel Model, double ClipSquared, double CorrelationSigma, double CorrelationNoiseToSignal);

    /// <summary>The clipping bound C² of a window's score vector of <paramref name="dimensions"/>: one entity moves the measured sum by at most C² (Frobenius norm).</summary>
    internal static double ClipSquared(int dimensions) => ClipPerDimension * dimensions;

    /// <summary>
    /// The first <paramref name="maxSteps"/>-step window of each entity's rows, placed by <paramref name="seed"/> and the
    /// entity's own key (never its position among the others, so adding an entity moves no other entity's window).
    /// </summary>
    internal static IReadOnlyList<int>[] BoundedRows(SequenceSet data, int maxSteps, long seed)
    {
        var root = new SynthRandom(seed).Derive("dp-window");
        return data.Entities.Select(e =>
        {
            if (e.Length <= maxSteps) return e.Rows;
            var start = root.Derive("entity:" + string.Join('\u001f', e.Key)).NextInt(e.Length - maxSteps + 1);
            return (IReadOnlyList<int>)e.Rows.Skip(start).Take(maxSteps).ToArray();
        }).ToArray();
    }

    /// <summary>Measures and fits. <paramref name="rows"/> are each entity's bounded rows (<see cref="BoundedRows"/>), <paramref name="covariates"/> their covariates.</summary>
    public static Result Fit(SequenceSet data, IReadOnlyList<int>[] rows, IReadOnlyList<ColumnMetadata> stepColumns, IReadOnlyList<ColumnMetadata> contextColumns,
        int lags, int maxSteps, long seed, Noise noise, SynthRandom secret, IReadOnlyList<float[]>? covariates, int covariateCount, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var table = data.Table;
        var marginalOptions = new GaussianCopulaOptions { Seed = seed };
        var boundedRows = rows.SelectMany(r => r).ToArray();
        var stepTable = Subset(table, stepColumns, boundedRows);
        var stepStatistics = PrivateTableStatistics.Measure(stepTable, new TableMetadata { Columns = stepColumns }, noise.StepMarginals, noise.LabelDelta,
            secret.Derive("step-marginals"), cancellationToken, unitRows: maxSteps);
        var steps = FitStandIns(stepStatistics, stepColumns, stepTable.MissingTokens, marginalOptions, cancellationToken);
        CopulaColumn[] contexts = [];
        if (contextColumns.Count > 0)
        {
            var contextTable = Subset(table, contextColumns, data.Entities.Select(e => e.Rows[0]).ToArray());
            var contextStatistics = PrivateTableStatistics.Measure(contextTable, new TableMetadata { Columns = contextColumns }, noise.ContextMarginals,
                noise.LabelDelta, secret.Derive("context-marginals"), cancellationToken);
            contexts = FitStandIns(contextStatistics, contextColumns, contextTable.MissingTokens, marginalOptions, cancellationToken);
        }
        foreach (var column in contexts.Concat(steps)) progress?.Report($"{column.Name}: {column.Describe()} (from noisy counts)");
        var dc = LaggedCopulaStepModel.Place(contexts);
        var ds = LaggedCopulaStepModel.Place(steps);
        var block = ds + covariateCount;
        var d = dc + (lags + 1) * block;
        var clip = ClipSquared(d);
        var sigma = noise.CorrelationMultiplier * clip;

        // Each entity's mean outer product over its windows, summed: one entity adds at most a matrix of Frobenius norm C².
        var sum = new double[d, d];
        var z = new double[d];
        var mean = new double[d, d];
        var stepPositions = steps.Select(c => table.IndexOf(c.Name)).ToArray();
        var contextPositions = contexts.Select(c => table.IndexOf(c.Name)).ToArray();
        Span<double> lo = stackalloc double[2], hi = stackalloc double[2];
        for (var e = 0; e < rows.Length; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entityRows = rows[e];
            var windows = entityRows.Count - lags;
            if (windows <= 0) continue;
            Array.Clear(mean);
            var offset = data.Entities[e].Rows.ToList().IndexOf(entityRows[0]);
            for (var w = 0; w < windows; w++)
            {
                Array.Clear(z);
                for (var k = 0; k < contexts.Length; k++)
                    Write(contexts[k], table[data.Entities[e].Rows[0], contextPositions[k]], contexts[k].FirstDimension, z, lo, hi);
                for (var s = 0; s <= lags; s++)
                {
                    var row = entityRows[w + s];
                    var at = dc + s * block;
                    for (var k = 0; k < steps.Length; k++) Write(steps[k], table[row, stepPositions[k]], at + steps[k].FirstDimension, z, lo, hi);
                    for (var c = 0; c < covariateCount; c++)
                    {
                        var value = covariates![e][(offset + w + s) * covariateCount + c];
                        z[at + ds + c] = float.IsFinite(value) ? LaggedCopulaStepModel.CovariateScale * value : 0;
                    }
                }
                var norm2 = z.Sum(v => v * v);
                var scale = norm2 > clip ? clip / norm2 : 1;
                for (var i = 0; i < d; i++)
                    for (var j = 0; j <= i; j++) mean[i, j] += scale * z[i] * z[j] / windows;
            }
            for (var i = 0; i < d; i++)
                for (var j = 0; j <= i; j++) sum[i, j] += mean[i, j];
        }
        var stream = secret.Derive("correlation");
        for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++) sum[i, j] += sigma * stream.NextNormal();

        var correlation = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            correlation[i, i] = 1;
            for (var j = 0; j < i; j++)
            {
                // A noisy second moment at or below zero says nothing about the dimension: it is taken as independent.
                var r = sum[i, i] > 0 && sum[j, j] > 0 ? sum[i, j] / Math.Sqrt(sum[i, i] * sum[j, j]) : 0;
                correlation[i, j] = correlation[j, i] = Math.Clamp(r, -1, 1);
            }
        }
        var lagged = LaggedCopulaFitter.Stationary(correlation, dc, block);
        var firstStep = LaggedCopulaFitter.StationaryFirstStep(lagged, dc, block);
        // The noisy mass of the diagonal estimates how many entities' windows were summed (each adds about 1 a dimension).
        var entities = Enumerable.Range(0, d).Average(i => sum[i, i]);
        var ratio = entities > 0 ? sigma / entities : double.PositiveInfinity;
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"dp lagged copula: {lags} lag(s), {d} latent dimensions, window scores clipped to norm² {clip:0.#}; correlation noise σ = {sigma:0.###} over about {Math.Max(entities, 0):0} entities"));
        var options = new LaggedCopulaOptions { Lags = lags, Seed = seed };
        var tokens = stepColumns.Select(c => table.MissingTokens[table.IndexOf(c.Name)]).ToArray();
        return new Result(new LaggedCopulaStepModel(options, steps, contexts, tokens, firstStep, lagged, covariateCount), clip, sigma, ratio);
    }

    /// <summary>A column's latent dimensions for a cell: an exact score, or the mean of the standard normal within its interval; 0 when unknown or an unreleased label.</summary>
    private static void Write(CopulaColumn column, string? cell, int first, double[] z, Span<double> lo, Span<double> hi)
    {
        if (!LatentIntervals.Write(column, cell, lo, hi)) return;
        for (var k = 0; k < column.Dimensions; k++) z[first + k] = IntervalMean(lo[k], hi[k]);
    }

    internal static double IntervalMean(double lower, double upper)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper)) return 0;
        if (lower == upper) return lower;
        var mass = StandardNormal.Cdf(upper) - StandardNormal.Cdf(lower);
        if (!(mass > 1e-300)) return double.IsInfinity(lower) ? upper : double.IsInfinity(upper) ? lower : (lower + upper) / 2;
        return (Density(lower) - Density(upper)) / mass;
    }

    private static double Density(double z) => double.IsInfinity(z) ? 0 : Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    private static Table Subset(Table table, IReadOnlyList<ColumnMetadata> columns, int[] rows)
    {
        var positions = columns.Select(c => table.IndexOf(c.Name)).ToArray();
        return new Table(columns.Select(c => c.Name).ToList(), positions.Select(p => rows.Select(r => table[r, p]).ToArray()).ToArray(),
            positions.Select(p => table.MissingTokens[p]).ToList(), table.SourcePath);
    }

    /// <summary>
    /// Copula marginals fitted to stand-in columns built from the noisy counts alone: a numeric column's values spread over
    /// its kept grid cells, a categorical column's released labels in proportion to their noisy counts, and missing cells
    /// at the noisy missing rate.
    /// </summary>
    private static CopulaColumn[] FitStandIns(PrivateTableStatistics statistics, IReadOnlyList<ColumnMetadata> columns, IReadOnlyList<string?> missingTokens,
        GaussianCopulaOptions options, CancellationToken cancellationToken)
    {
        var cells = new string?[columns.Count][];
        for (var k = 0; k < columns.Count; k++)
        {
            var column = statistics[columns[k].Name];
            var present = (int)Math.Round(StandInValues * (1 - column.MissingRate));
            var values = new string?[StandInValues];
            if (column.IsNumeric)
            {
                var numbers = column.RepresentativeValues(Math.Max(present, 1));
                for (var i = 0; i < present; i++) values[i] = ColumnValues.Format(numbers[i], columns[k]);
            }
            else if (column.Labels is { Length: > 0 } labels)
            {
                var counts = column.LabelCounts!;
                var total = counts.Sum();
                var taken = counts.Select(c => (int)Math.Floor(c / total * present)).ToArray();
                var shares = counts.Select(c => c / total * present).ToArray();
                foreach (var i in Enumerable.Range(0, labels.Length).OrderByDescending(i => shares[i] - taken[i]).ThenBy(i => i).Take(present - taken.Sum())) taken[i]++;
                var at = 0;
                for (var i = 0; i < labels.Length; i++)
                    for (var n = 0; n < taken[i]; n++) values[at++] = labels[i];
            }
            cells[k] = values;
        }
        var standIn = new Table(columns.Select(c => c.Name).ToList(), cells, missingTokens.ToList());
        return GaussianCopulaFitter.Fit(standIn, new TableMetadata { Columns = columns }, options, cancellationToken: cancellationToken).CopulaColumns.ToArray();
    }
}
