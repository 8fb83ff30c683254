using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences.LaggedCopula;

/// <summary>
/// The lagged-copula step model, the baseline for sequences: every step column and context column goes through the
/// Gaussian copula's marginals to normal scores, and one Gaussian over [context, the previous <see cref="Lags"/> steps,
/// the current step] says how a step follows its context and its past. Sampling draws an entity's first step from the
/// conditional given its context (the context's latent values drawn inside its cells' intervals), then each next step from
/// the conditional given the context's latent values and the previous steps' (a fixed regression and Cholesky factor per
/// number of steps available), and decodes each step through the marginals. Pure managed code.
/// </summary>
public sealed class LaggedCopulaStepModel : ISequenceStepModel
{
    private readonly CopulaColumn[] _stepColumns;
    private readonly CopulaColumn[] _contextColumns;
    private readonly string?[] _stepMissingTokens;
    private readonly ConditionalGaussian _firstStep;
    private readonly ConditionalGaussian[] _laggedSteps;   // [k − 1]: given the context and the last k steps
    private readonly TableMetadata _stepMetadata;

    internal LaggedCopulaStepModel(LaggedCopulaOptions options, CopulaColumn[] stepColumns, CopulaColumn[] contextColumns,
        string?[] stepMissingTokens, double[,] firstStepCorrelation, double[,] laggedCorrelation, int covariateCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(covariateCount);
        Options = options;
        _stepColumns = stepColumns;
        _contextColumns = contextColumns;
        _stepMissingTokens = stepMissingTokens;
        ContextDimensions = Place(contextColumns);
        StepDimensions = Place(stepColumns);
        CovariateCount = covariateCount;
        FirstStepCorrelation = firstStepCorrelation;
        LaggedCorrelation = laggedCorrelation;
        int dc = ContextDimensions, ds = StepDimensions, b = BlockDimensions, p = options.Lags;
        if (firstStepCorrelation.GetLength(0) != dc + b || firstStepCorrelation.GetLength(1) != dc + b)
            throw new ArgumentException($"The first step's correlation must be {dc + b}×{dc + b}.", nameof(firstStepCorrelation));
        if (laggedCorrelation.GetLength(0) != dc + (p + 1) * b || laggedCorrelation.GetLength(1) != dc + (p + 1) * b)
            throw new ArgumentException($"The lagged correlation must be {dc + (p + 1) * b}×{dc + (p + 1) * b}.", nameof(laggedCorrelation));
        // Given: the context, and the current step's covariates (known, not drawn).
        _firstStep = new ConditionalGaussian(firstStepCorrelation, Enumerable.Range(0, dc).Concat(Enumerable.Range(dc + ds, covariateCount)).ToArray());
        _laggedSteps = new ConditionalGaussian[p];
        for (var k = 1; k <= p; k++)
        {
            // The context, the k most recent lag blocks and the current step, in the lagged layout's order.
            var kept = Enumerable.Range(0, dc).Concat(Enumerable.Range(dc + (p - k) * b, (k + 1) * b)).ToArray();
            var given = Enumerable.Range(0, dc + k * b).Concat(Enumerable.Range(dc + k * b + ds, covariateCount)).ToArray();
            _laggedSteps[k - 1] = new ConditionalGaussian(Sub(laggedCorrelation, kept), given);
        }
        _stepMetadata = new TableMetadata { Columns = stepColumns.Select(c => c.Metadata).ToList() };
    }

    /// <summary>
    /// The factor a covariate is multiplied by on the latent scale: √2 gives a sine or cosine over whole cycles unit
    /// variance, as every other latent dimension has.
    /// </summary>
    internal const double CovariateScale = 1.4142135623730951;

    /// <inheritdoc />
    public string Kind => SequenceModelKinds.LaggedCopula;

    /// <summary>The settings the model was fitted with.</summary>
    public LaggedCopulaOptions Options { get; }

    /// <summary>How many previous steps each step is conditioned on.</summary>
    public int Lags => Options.Lags;

    /// <summary>The step columns, in output order.</summary>
    public IReadOnlyList<ColumnMetadata> StepColumns => _stepMetadata.Columns;

    /// <summary>The context columns the steps are conditioned on.</summary>
    public IReadOnlyList<ColumnMetadata> ContextColumns => _contextColumns.Select(c => c.Metadata).ToList();

    /// <summary>Gaussian dimensions of the context (one per column, two for a numeric column with missing values).</summary>
    public int ContextDimensions { get; }

    /// <summary>Gaussian dimensions of one step.</summary>
    public int StepDimensions { get; }

    /// <inheritdoc />
    /// <remarks>Calendar cycles from the index, given rather than drawn.</remarks>
    public int CovariateCount { get; }

    /// <summary>Dimensions of one step's block in the correlations: its drawn dimensions, then its covariates.</summary>
    public int BlockDimensions => StepDimensions + CovariateCount;

    /// <summary>Latent correlation of [context, first step] (a step: its dimensions, then its covariates).</summary>
    public double[,] FirstStepCorrelation { get; }

    /// <summary>Latent correlation of [context, step t − <see cref="Lags"/>, …, step t − 1, step t].</summary>
    public double[,] LaggedCorrelation { get; }

    internal IReadOnlyList<CopulaColumn> StepCopulaColumns => _stepColumns;

    internal IReadOnlyList<CopulaColumn> ContextCopulaColumns => _contextColumns;

    internal IReadOnlyList<string?> StepMissingTokens => _stepMissingTokens;

    /// <summary>The latent correlation of the first step's values with the previous step's values, column by column (numeric value dimensions and categories).</summary>
    public IReadOnlyList<(string Column, double Correlation)> LagOneCorrelations()
    {
        int dc = ContextDimensions, b = BlockDimensions, p = Lags;
        return _stepColumns.Select(c => (c.Name, LaggedCorrelation[dc + (p - 1) * b + c.FirstDimension, dc + p * b + c.FirstDimension])).ToList();
    }

    /// <inheritdoc />
    public SampledTable SampleSteps(SequenceStepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lengths = request.Lengths;
        // A table without columns has no rows, so a model without context columns takes any such table.
        if (request.Contexts.ColumnCount > 0 && lengths.Count != request.Contexts.RowCount)
            throw new ArgumentException($"{lengths.Count} lengths for {request.Contexts.RowCount} context rows.", nameof(request));
        var offsets = new int[lengths.Count + 1];
        for (var i = 0; i < lengths.Count; i++)
        {
            if (lengths[i] < 0) throw new ArgumentException($"Entity {i} has the negative length {lengths[i]}.", nameof(request));
            offsets[i + 1] = checked(offsets[i] + lengths[i]);
        }
        var rows = offsets[^1];
        var contextPositions = _contextColumns.Select(c => ContextPosition(request.Contexts, c.Name)).ToArray();
        var numbers = new double[]?[_stepColumns.Length];
        var codes = new int[]?[_stepColumns.Length];
        for (var c = 0; c < _stepColumns.Length; c++)
        {
            if (_stepColumns[c] is NumericCopulaColumn) numbers[c] = new double[rows];
            else codes[c] = new int[rows];
        }
        var filter = request.Filter?.Bind(StepColumns);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, lengths.Count, parallel, () => new EntityBuffers(this),
            (entity, _, buffers) =>
            {
                var random = request.Random.Derive(request.FirstEntity + entity);
                DrawEntity(request.Contexts, entity, contextPositions, lengths[entity], offsets[entity], random, buffers, numbers, codes,
                    request.CovariatesOf(entity, CovariateCount), filter);
                return buffers;
            }, _ => { });
        var columns = new SampledColumn[_stepColumns.Length];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = _stepColumns[c] is CategoricalCopulaColumn categorical
                ? new SampledColumn(categorical.Metadata, _stepMissingTokens[c], codes: codes[c], categories: categorical.Categories)
                : new SampledColumn(_stepColumns[c].Metadata, _stepMissingTokens[c], numbers: numbers[c]);
        return new SampledTable(_stepMetadata, columns, rows);
    }

    /// <inheritdoc />
    public byte[] ToBytes() => LaggedCopulaCodec.Encode(this);

    /// <summary>Reads a model written by <see cref="ToBytes"/>, checking every parameter.</summary>
    /// <param name="bytes">The model's bytes.</param>
    /// <param name="source">The file they came from, for error messages.</param>
    /// <exception cref="SynthDataException">The bytes are not a valid lagged-copula model.</exception>
    public static LaggedCopulaStepModel FromBytes(ReadOnlySpan<byte> bytes, string? source = null) => LaggedCopulaCodec.Decode(bytes, source ?? "the sequence model");

    private void DrawEntity(Table contexts, int entity, int[] contextPositions, int length, int offset, SynthRandom random,
        EntityBuffers buffers, double[]?[] numbers, int[]?[] codes, ReadOnlySpan<float> covariates, Conditions.BoundStepFilter? filter)
    {
        if (length == 0) return;
        int dc = ContextDimensions, ds = StepDimensions, nk = CovariateCount, b = BlockDimensions, p = Lags;
        var contextLower = buffers.ContextLower;
        var contextUpper = buffers.ContextUpper;
        for (var c = 0; c < _contextColumns.Length; c++)
        {
            var column = _contextColumns[c];
            var cell = contexts[entity, contextPositions[c]];
            var lower = contextLower.AsSpan(column.FirstDimension, column.Dimensions);
            var upper = contextUpper.AsSpan(column.FirstDimension, column.Dimensions);
            if (!LatentIntervals.Write(column, cell, lower, upper))
                throw new SynthDataException($"The context column '{column.Name}' holds '{cell}', which the step model never saw in training.",
                    hint: "Give contexts whose labels occur in the training data.", columnName: column.Name);
            for (var d = 0; d < column.Dimensions; d++)
                if (double.IsNaN(lower[d])) (lower[d], upper[d]) = (double.NegativeInfinity, double.PositiveInfinity);
        }
        // The first step's given intervals: the context's, then its covariates as points.
        for (var k = 0; k < nk; k++) contextLower[dc + k] = contextUpper[dc + k] = CovariateScale * covariates[k];

        var z = buffers.Z;
        _firstStep.Sample(random, z.AsSpan(0, dc + b), buffers.Scratch, contextLower, contextUpper);
        var given = buffers.Given;   // [context latent, block t − p, …, block t − 1, covariates of step t]
        z.AsSpan(0, dc).CopyTo(given);
        Decode(z.AsSpan(dc, ds), offset, numbers, codes);
        if (filter is not null && filter.Filter.Constrains(0) && !Passes(filter, 0, offset, numbers, codes, buffers))
        {
            // A failed first step ends the attempt: the sampler draws a new context, so contexts are reweighted.
            filter.Filter.Abandon();
            return;
        }
        Push(given, z.AsSpan(dc, b), dc, b, p);
        for (var t = 1; t < length; t++)
        {
            var k = Math.Min(t, p);
            var conditioned = given.AsSpan(0, dc + k * b + nk);
            if (k < p)
            {
                // Fewer steps than lags so far: the k steps sit at the end of the history; move them next to the context.
                given.AsSpan(0, dc).CopyTo(buffers.Partial);
                given.AsSpan(dc + (p - k) * b, k * b).CopyTo(buffers.Partial.AsSpan(dc));
                conditioned = buffers.Partial.AsSpan(0, dc + k * b + nk);
            }
            for (var c = 0; c < nk; c++) conditioned[dc + k * b + c] = CovariateScale * covariates[t * nk + c];
            var drawn = z.AsSpan(0, dc + (k + 1) * b);
            _laggedSteps[k - 1].Sample(random, drawn, buffers.Scratch, conditioned, conditioned);
            var current = drawn.Slice(dc + k * b, b);
            Decode(current[..ds], offset + t, numbers, codes);
            if (filter is not null && filter.Filter.Constrains(t))
            {
                // Redrawn from the same conditional until it passes: the step conditional restricted to the allowed values.
                var redraws = 0;
                while (!Passes(filter, t, offset + t, numbers, codes, buffers))
                {
                    if (redraws == filter.Filter.MaxRedraws)
                    {
                        filter.Filter.CountRedraws(redraws);
                        filter.Filter.Abandon();
                        return;
                    }
                    redraws++;
                    _laggedSteps[k - 1].Sample(random, drawn, buffers.Scratch, conditioned, conditioned);
                    Decode(current[..ds], offset + t, numbers, codes);
                }
                if (redraws > 0) filter.Filter.CountRedraws(redraws);
            }
            Push(given, current, dc, b, p);
        }
    }

    /// <summary>Whether the decoded step at <paramref name="row"/> meets the filter's conditions for step <paramref name="step"/>.</summary>
    private bool Passes(Conditions.BoundStepFilter filter, int step, int row, double[]?[] numbers, int[]?[] codes, EntityBuffers buffers)
    {
        for (var c = 0; c < _stepColumns.Length; c++)
        {
            buffers.Numbers[c] = numbers[c]?[row] ?? double.NaN;
            buffers.Labels[c] = codes[c] is { } labels ? ((CategoricalCopulaColumn)_stepColumns[c]).Categories[labels[row]] : null;
        }
        return filter.Accepts(step, buffers.Numbers, buffers.Labels);
    }

    /// <inheritdoc />
    public IReadOnlyList<string?>? LabelsOf(string column) =>
        _stepColumns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal)) is CategoricalCopulaColumn categorical ? categorical.Categories : null;

    /// <summary>Shifts the history one step back and appends <paramref name="step"/> as the most recent.</summary>
    private static void Push(double[] given, ReadOnlySpan<double> step, int dc, int ds, int p)
    {
        if (ds == 0) return;
        given.AsSpan(dc + ds, (p - 1) * ds).CopyTo(given.AsSpan(dc));
        step.CopyTo(given.AsSpan(dc + (p - 1) * ds, ds));
    }

    private void Decode(ReadOnlySpan<double> step, int row, double[]?[] numbers, int[]?[] codes)
    {
        for (var c = 0; c < _stepColumns.Length; c++)
        {
            switch (_stepColumns[c])
            {
                case NumericCopulaColumn numeric:
                    var missingZ = numeric.HasMissingDimension ? step[numeric.FirstDimension + 1] : double.NegativeInfinity;
                    numbers[c]![row] = numeric.Decode(step[numeric.FirstDimension], missingZ);
                    break;
                case CategoricalCopulaColumn categorical:
                    codes[c]![row] = categorical.Decode(step[categorical.FirstDimension]);
                    break;
            }
        }
    }

    private static int ContextPosition(Table contexts, string name)
    {
        if (!contexts.HasColumn(name))
            throw new SynthDataException($"The contexts lack the column '{name}' the step model is conditioned on.",
                hint: $"The contexts have {(contexts.ColumnCount == 0 ? "no columns" : string.Join(", ", contexts.ColumnNames))}.", columnName: name);
        return contexts.IndexOf(name);
    }

    /// <summary>Numbers the columns and places their dimensions one after the other; returns the dimensions in all.</summary>
    internal static int Place(CopulaColumn[] columns)
    {
        var dimension = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Index = i;
            columns[i].FirstDimension = dimension;
            dimension += columns[i].Dimensions;
        }
        return dimension;
    }

    private static double[,] Sub(double[,] matrix, int[] kept)
    {
        var result = new double[kept.Length, kept.Length];
        for (var i = 0; i < kept.Length; i++)
            for (var j = 0; j < kept.Length; j++) result[i, j] = matrix[kept[i], kept[j]];
        return result;
    }

    /// <summary>One thread's working space.</summary>
    private sealed class EntityBuffers(LaggedCopulaStepModel model)
    {
        public double[] ContextLower { get; } = new double[model.ContextDimensions + model.CovariateCount];
        public double[] ContextUpper { get; } = new double[model.ContextDimensions + model.CovariateCount];
        public double[] Z { get; } = new double[model.ContextDimensions + (model.Lags + 1) * model.BlockDimensions];
        public double[] Scratch { get; } = new double[model.ContextDimensions + (model.Lags + 1) * model.BlockDimensions];
        public double[] Given { get; } = new double[model.ContextDimensions + (model.Lags + 1) * model.BlockDimensions];
        public double[] Partial { get; } = new double[model.ContextDimensions + (model.Lags + 1) * model.BlockDimensions];
        public double[] Numbers { get; } = new double[model._stepColumns.Length];
        public string?[] Labels { get; } = new string?[model._stepColumns.Length];
    }
}
