using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>
/// The PAR step model (after Zhang et al., 2022, "Sequential Models in the Synthetic Data Vault"), sampled in pure C#: a
/// GRU reads, at each step, the previous step's encoded values, a first-step flag and the entity's encoded context, and
/// (with a calendar index) the step's known covariates, and gives the distribution of the step's columns (<see cref="ParOutputLayout"/>); each step is drawn from it and its
/// encoding fed back as the next input. Steps are encoded by the mode-specific transformer the tabular neural models use.
/// </summary>
public sealed class ParStepModel : ISequenceStepModel
{
    private readonly ModeSpecificTransformer? _context;
    private readonly int _contextWidth;

    /// <summary>A model from its parts, checking that they fit together.</summary>
    /// <exception cref="ArgumentException">The parts are inconsistent (network widths, column lists, ranges).</exception>
    public ParStepModel(ParModelParameters parameters, GruNetwork network)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(network);
        Parameters = parameters;
        Network = network;
        Steps = new ModeSpecificTransformer(parameters.Steps ?? throw new ArgumentException("The step columns' transformer is missing.", nameof(parameters)));
        _context = parameters.Context is { } context ? new ModeSpecificTransformer(context) : null;
        _contextWidth = _context?.Width ?? 0;
        Layout = new ParOutputLayout(Steps);
        StepColumns = parameters.Steps.Columns.Select(c => c.Metadata).ToArray();
        if (parameters.Covariates < 0) throw new ArgumentException("The covariate count is negative.", nameof(parameters));
        if (network.InputWidth != Layout.InputWidth(_contextWidth, parameters.Covariates))
            throw new ArgumentException($"The network reads {network.InputWidth} inputs but the steps, context and covariates need {Layout.InputWidth(_contextWidth, parameters.Covariates)}.", nameof(network));
        if (network.OutputWidth != Layout.OutputWidth)
            throw new ArgumentException($"The network gives {network.OutputWidth} outputs but the step columns need {Layout.OutputWidth}.", nameof(network));
        if (network.HiddenWidth != parameters.HiddenWidth || network.Layers != parameters.Layers)
            throw new ArgumentException("The network's shape differs from the parameters'.", nameof(network));
        if (parameters.Ranges is null || parameters.Ranges.Length != StepColumns.Count
            || parameters.Ranges.Where((r, i) => r is null || r.Column != StepColumns[i].Name).Any())
            throw new ArgumentException("The ranges do not list the step columns in order.", nameof(parameters));
        if (parameters.MissingTokens is null || parameters.MissingTokens.Length != StepColumns.Count)
            throw new ArgumentException("The missing tokens do not list the step columns.", nameof(parameters));
    }

    /// <inheritdoc />
    public string Kind => SequenceModelKinds.Par;

    /// <inheritdoc />
    public int CovariateCount => Parameters.Covariates;

    /// <summary>Everything but the weights.</summary>
    public ParModelParameters Parameters { get; }

    /// <summary>The GRU and its output layer.</summary>
    public GruNetwork Network { get; }

    /// <summary>The step columns' transformer.</summary>
    public ModeSpecificTransformer Steps { get; }

    /// <summary>Where each column's distribution sits in the outputs.</summary>
    public ParOutputLayout Layout { get; }

    /// <summary>The step columns, in output order.</summary>
    public IReadOnlyList<ColumnMetadata> StepColumns { get; }

    /// <summary>The context columns the steps are conditioned on (modelled ones only).</summary>
    public IReadOnlyList<ColumnMetadata> ContextColumns => _context?.Parameters.Columns.Select(c => c.Metadata).ToArray() ?? [];

    /// <inheritdoc />
    public SampledTable SampleSteps(SequenceStepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Contexts);
        ArgumentNullException.ThrowIfNull(request.Lengths);
        ArgumentNullException.ThrowIfNull(request.Random);
        // A table without columns has no rows, so a model without context columns takes any such table.
        if (request.Contexts.ColumnCount > 0 && request.Lengths.Count != request.Contexts.RowCount)
            throw new ArgumentException($"{request.Lengths.Count} lengths for {request.Contexts.RowCount} contexts.", nameof(request));
        var total = 0L;
        foreach (var length in request.Lengths)
        {
            if (length < 0) throw new ArgumentException("A sequence length is negative.", nameof(request));
            total += length;
        }
        if (total * Steps.Width > Array.MaxLength) throw new ArgumentException($"{total:N0} steps are too many for one request.", nameof(request));
        var rows = (int)total;
        var contextCells = ContextCells(request.Contexts);
        var encoded = new float[rows * Steps.Width];
        var at = 0;
        var sampler = new ParStepSampler(Network, Layout, _contextWidth, Parameters.Covariates);
        var gate = request.Filter is { } filter ? new StepGate(filter, StepCheck(filter.Bind(StepColumns))) : null;
        for (var i = 0; i < request.Lengths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = request.Random.Derive(request.FirstEntity + i);
            var context = EncodeContext(contextCells, i, random.Derive("context"));
            var length = request.Lengths[i];
            sampler.Sample(context, request.CovariatesOf(i, Parameters.Covariates), length, random.Derive("steps"),
                encoded.AsSpan(at * Steps.Width, length * Steps.Width), gate);
            at += length;
        }
        return Decode(encoded, rows);
    }

    /// <inheritdoc />
    public byte[] ToBytes() => ParModelCodec.Write(this);

    /// <summary>Reads a model written by <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The model's bytes.</param>
    /// <param name="source">The file they came from, for messages.</param>
    /// <exception cref="SynthDataException">The bytes are not a PAR model or are damaged.</exception>
    public static ParStepModel FromBytes(ReadOnlySpan<byte> bytes, string? source = null) => ParModelCodec.Read(bytes, source);

    /// <inheritdoc />
    public IReadOnlyList<string?>? LabelsOf(string column) =>
        Steps.Parameters.Columns.FirstOrDefault(c => string.Equals(c.Metadata.Name, column, StringComparison.Ordinal)) is { Modes: null } categorical ? categorical.Categories : null;

    /// <summary>The check of one encoded step against <paramref name="filter"/>: the step decoded as <see cref="Decode"/> writes it (numbers kept within range).</summary>
    private EncodedStepCheck StepCheck(Conditions.BoundStepFilter filter)
    {
        var columns = Steps.Parameters.Columns;
        var numbers = columns.Select(c => c.Modes is null ? null : new double[1]).ToArray();
        var codes = columns.Select(c => c.Modes is null ? new int[1] : null).ToArray();
        var values = new double[columns.Length];
        var labels = new string?[columns.Length];
        return (step, encoded) =>
        {
            Steps.DecodeInto(encoded, 1, numbers, codes, 0);
            for (var i = 0; i < columns.Length; i++)
            {
                if (numbers[i] is { } number)
                {
                    var value = number[0];
                    var range = Parameters.Ranges[i];
                    if (!double.IsNaN(value) && range.Minimum is { } low && range.Maximum is { } high) value = Math.Clamp(value, low, high);
                    (values[i], labels[i]) = (value, null);
                }
                else (values[i], labels[i]) = (double.NaN, columns[i].Categories![codes[i]![0]]);
            }
            return filter.Accepts(step, values, labels);
        };
    }

    /// <summary>Each context column's cells in <paramref name="contexts"/> (a missing column reads as missing cells).</summary>
    private string?[][] ContextCells(Table contexts)
    {
        if (_context is null) return [];
        return _context.Parameters.Columns.Select(c =>
        {
            if (!contexts.HasColumn(c.Metadata.Name))
                throw new ArgumentException($"The contexts lack the context column '{c.Metadata.Name}'.", nameof(contexts));
            return contexts.Column(c.Metadata.Name).ToArray();
        }).ToArray();
    }

    /// <summary>
    /// Entity <paramref name="entity"/>'s context, encoded as in training (a numeric value's mode drawn from
    /// <paramref name="random"/>); a label or missing cell training never saw encodes as an empty span.
    /// </summary>
    private float[] EncodeContext(string?[][] cells, int entity, SynthRandom random)
    {
        if (_context is null) return [];
        var names = _context.Parameters.Columns.Select(c => c.Metadata.Name).ToArray();
        var row = new Table(names, cells.Select(column => new[] { column[entity] }).ToArray());
        return _context.Transform(row, random, unknownAsEmpty: true);
    }

    /// <summary>The encoded steps as typed columns, numbers kept within the training range.</summary>
    private SampledTable Decode(float[] encoded, int rows)
    {
        var columns = Steps.Parameters.Columns;
        var numbers = new double[]?[columns.Length];
        var codes = new int[]?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Modes is null) codes[i] = new int[rows];
            else numbers[i] = new double[rows];
        }
        Steps.DecodeInto(encoded, rows, numbers, codes, 0);
        var sampled = new SampledColumn[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var token = Parameters.MissingTokens[i];
            if (numbers[i] is { } values)
            {
                var range = Parameters.Ranges[i];
                if (range.Minimum is { } low && range.Maximum is { } high)
                    for (var r = 0; r < values.Length; r++)
                        if (!double.IsNaN(values[r])) values[r] = Math.Clamp(values[r], low, high);
                sampled[i] = new SampledColumn(columns[i].Metadata, token, numbers: values);
            }
            else sampled[i] = new SampledColumn(columns[i].Metadata, token, codes: codes[i], categories: columns[i].Categories);
        }
        return new SampledTable(new TableMetadata { Columns = StepColumns }, sampled, rows);
    }
}
