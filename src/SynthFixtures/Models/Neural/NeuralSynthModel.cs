using System.Text.Json;
using SynthFixtures.Metadata;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// A trained TVAE or CTGAN, sampled in pure C#: the mode-specific transformer, the exported decoder or generator and
/// its kind's extras (TVAE's σ, CTGAN's condition vector). Rows come in blocks of <see cref="BlockSize"/>, block b from
/// stream <c>Derive(b)</c> of the seed, so a sample is identical for any thread count. Keys, text and personal data are
/// generated exactly as the copula generates them, and numbers are kept within the range the training data showed.
/// </summary>
public sealed class NeuralSynthModel : SynthModel
{
    /// <summary>Rows per independently seeded block; part of the reproducibility contract.</summary>
    public const int BlockSize = SampleCursor.BlockSize;

    private readonly int[] _transformedIndex;   // metadata column → transformed column, or −1

    /// <summary>Creates the model from its parts, checking that they fit together.</summary>
    /// <param name="kind"><see cref="ModelKinds.Tvae"/> or <see cref="ModelKinds.Ctgan"/>.</param>
    /// <param name="metadata">The schema of the rows.</param>
    /// <param name="provenance">The training data's hash, rows and seed.</param>
    /// <param name="parameters">Transformer, ranges, σ or condition vector, generated columns, missing tokens.</param>
    /// <param name="network">The decoder (TVAE: z → outputs) or generator (CTGAN: noise ‖ condition → outputs).</param>
    /// <param name="trainingSettings">The trainer's options, kept in the artifact for audits.</param>
    /// <exception cref="ArgumentException">The parts are inconsistent (widths, σ, names, coverage of the metadata).</exception>
    public NeuralSynthModel(string kind, TableMetadata metadata, ModelProvenance provenance, NeuralModelParameters parameters,
        FeedForwardNetwork network, JsonElement trainingSettings) : base(metadata, provenance)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(network);
        Kind = kind is ModelKinds.Tvae or ModelKinds.Ctgan ? kind : throw new ArgumentException($"'{kind}' is not a neural model kind.", nameof(kind));
        Parameters = parameters;
        Network = network;
        TrainingSettings = trainingSettings.ValueKind == JsonValueKind.Undefined
            ? throw new ArgumentException("The training settings are missing.", nameof(trainingSettings))
            : trainingSettings;
        Transformer = new ModeSpecificTransformer(parameters.Transformer);
        Privacy = DpSgdPrivacy.WholeModelPlan(kind, TrainingSettings);
        if (network.OutputWidth != Transformer.Width)
            throw new ArgumentException($"The network gives {network.OutputWidth} outputs but the transformer needs {Transformer.Width}.", nameof(network));
        if (kind == ModelKinds.Tvae)
        {
            var sigmas = parameters.Sigmas ?? throw new ArgumentException("A TVAE model needs its σ values.", nameof(parameters));
            if (sigmas.Length != Transformer.Width) throw new ArgumentException($"σ has {sigmas.Length} values but the data has {Transformer.Width} dimensions.", nameof(parameters));
            if (Array.FindIndex(sigmas, s => !(s > 0) || !float.IsFinite(s)) is var bad and >= 0)
                throw new ArgumentException($"σ[{bad}] = {sigmas[bad]} is not a positive finite number.", nameof(parameters));
        }
        else
        {
            Conditions = new ConditionVector(parameters.Conditions ?? throw new ArgumentException("A CTGAN model needs its condition vector.", nameof(parameters)));
            if (network.InputWidth <= Conditions.Width)
                throw new ArgumentException($"The generator takes {network.InputWidth} inputs, no room for noise beside a {Conditions.Width}-wide condition vector.", nameof(network));
            foreach (var span in Conditions.Parameters.Spans)
                if (!Transformer.Spans.Contains(span)) throw new ArgumentException($"The condition vector's span of '{span.Column}' is not in the data's layout.", nameof(parameters));
        }
        ValidateColumns(metadata, parameters);
        _transformedIndex = metadata.Columns.Select(c => Array.FindIndex(parameters.Transformer.Columns, t => t.Metadata.Name == c.Name)).ToArray();
    }

    /// <inheritdoc />
    public override string Kind { get; }

    /// <summary>
    /// A DP-TVAE or DP-CTGAN model's privacy plan, when the model is private as a whole (its preprocessing measured
    /// within the budget too); <c>null</c> for a plain model.
    /// </summary>
    public override PrivacyPlan? Privacy { get; }

    /// <summary>Everything but the weights, as stored in the artifact header.</summary>
    public NeuralModelParameters Parameters { get; }

    /// <summary>The decoder or generator.</summary>
    public FeedForwardNetwork Network { get; }

    /// <summary>The trainer's options.</summary>
    public JsonElement TrainingSettings { get; }

    /// <summary>The transformer built from <see cref="NeuralModelParameters.Transformer"/>.</summary>
    public ModeSpecificTransformer Transformer { get; }

    /// <summary>CTGAN's condition vector; <c>null</c> for TVAE.</summary>
    public ConditionVector? Conditions { get; }

    /// <summary>Width of CTGAN's noise or TVAE's latent code.</summary>
    public int NoiseWidth => Network.InputWidth - (Conditions?.Width ?? 0);

    /// <inheritdoc />
    private protected override SampleCursor OpenCursor(long startRow, long rows, long seed, IReadOnlyList<Condition> conditions, SamplingOptions options,
        RowFilter? filter, CancellationToken cancellationToken) =>
        new NeuralSampleCursor(this, NeuralConditionPlan.Create(this, conditions), new SynthRandom(seed), startRow, rows, options, filter, cancellationToken);

    /// <inheritdoc />
    private protected override IEnumerable<ColumnSlot> CandidateSlots => Parameters.Transformer.Columns.Select((column, t) => column.Modes is null
        ? new ColumnSlot(Metadata.Columns[Array.IndexOf(_transformedIndex, t)], t, SlotForm.Code, column.Categories)
        : new ColumnSlot(Metadata.Columns[Array.IndexOf(_transformedIndex, t)], t, SlotForm.Number));

    /// <inheritdoc />
    private protected override IReadOnlyList<GeneratedColumnSpec> GeneratedColumnSpecs => Parameters.Generated;

    /// <summary>The sampled columns in metadata order: modelled ones from their numbers or codes (by transformed column), generated ones from their cells.</summary>
    internal SampledTable Assemble(double[]?[] numbers, int[]?[] codes, string?[][] generated, int rows)
    {
        var columns = new SampledColumn[Metadata.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var meta = Metadata.Columns[i];
            var token = Parameters.MissingTokens[i];
            var t = _transformedIndex[i];
            columns[i] = t < 0
                ? new SampledColumn(meta, token, texts: generated[Array.FindIndex(Parameters.Generated, g => g.Name == meta.Name)])
                : numbers[t] is { } values
                    ? new SampledColumn(meta, token, numbers: values)
                    : new SampledColumn(meta, token, codes: codes[t], categories: Parameters.Transformer.Columns[t].Categories);
        }
        return new SampledTable(Metadata, columns, rows);
    }

    /// <summary>Whether sampling draws each one-hot span's category (CTGAN; DP-TVAE) rather than leaving decoding an argmax.</summary>
    internal bool DrawsCategories => Conditions is not null || Parameters.DrawsCategories == true;

    /// <summary>
    /// Draws <paramref name="rows"/> rows in the transformer's layout into <paramref name="output"/> (<c>rows × Width</c>),
    /// optionally with one condition-vector entry fixed. One-hot spans hold a sampled one-hot (CTGAN) or the logits
    /// whose argmax decoding takes (TVAE).
    /// </summary>
    /// <remarks>
    /// CTGAN with <paramref name="categories"/> (<c>rows × Transformer.OneHotSpans</c>): the drawn categories go there and the one-hot
    /// entries keep their logits, for <see cref="ModeSpecificTransformer.DecodeCategoriesInto"/>.
    /// </remarks>
    internal void DrawInto(int rows, SynthRandom random, (int Column, int Category)? fixedCondition, Span<float> output, Span<int> categories = default)
    {
        if (Conditions is { } vector) ConditionalGeneratorSampler.SampleInto(Network, Transformer.Spans, vector, rows, random, fixedCondition, output, categories);
        else if (DrawsCategories) VaeDecoderSampler.SampleDrawnInto(Network, Parameters.Sigmas, Transformer.Spans, rows, random, output, categories);
        else if (!categories.IsEmpty) throw new InvalidOperationException("TVAE's sampler leaves categories to decoding's argmax.");
        else VaeDecoderSampler.SampleLogitsInto(Network, Parameters.Sigmas, Transformer.Spans, rows, random, output);
    }

    /// <inheritdoc />
    private protected override IReadOnlyList<ColumnModelSummary> DescribeTabularColumns() => Metadata.Columns.Select((meta, i) =>
    {
        var t = _transformedIndex[i];
        var summary = t < 0
            ? Array.Find(Parameters.Generated, g => g.Name == meta.Name)!.Describe()
            : Parameters.Transformer.Columns[t] is { Modes: { } modes } ? $"{Kind}: {modes.Weights.Length} mode(s)" : $"{Kind}: {Parameters.Transformer.Columns[t].Categories!.Length} categories";
        return new ColumnModelSummary(meta.Name, meta.Kind, summary);
    }).ToList();

    /// <inheritdoc />
    private protected override ModelSchema DescribeTabularSchema() => new(Kind, Metadata.Columns.Select((meta, i) =>
    {
        var t = _transformedIndex[i];
        if (t < 0) return Array.Find(Parameters.Generated, g => g.Name == meta.Name)!.Schema(meta);
        var range = Parameters.Ranges[t];
        var column = Parameters.Transformer.Columns[t];
        return column.Modes is not null
            ? ModelSchemaColumn.Numeric(meta, range.MissingProbability, range.Minimum!.Value, range.Maximum!.Value)
            : new ModelSchemaColumn(meta.Name, meta.Kind, range.MissingProbability,
                Labels: column.Categories!.Where(l => l is not null).Select(l => Data.CellText.Normalize(l!)).ToList());
    }).ToList()) { Privacy = SynthFixtures.Privacy.PrivacyGuarantee.Of(Kind, Privacy) };

    private static void ValidateColumns(TableMetadata metadata, NeuralModelParameters parameters)
    {
        var transformed = parameters.Transformer.Columns;
        if (parameters.Ranges is null || parameters.Ranges.Length != transformed.Length)
            throw new ArgumentException("One range per transformed column is needed.", nameof(parameters));
        for (var i = 0; i < transformed.Length; i++)
        {
            var range = parameters.Ranges[i];
            if (range is null || range.Column != transformed[i].Metadata.Name || !(range.MissingProbability is >= 0 and <= 1))
                throw new ArgumentException($"The range of transformed column {i} is invalid.", nameof(parameters));
            if (transformed[i].Modes is not null && (range.Minimum is not { } min || range.Maximum is not { } max || !double.IsFinite(min) || !double.IsFinite(max) || min > max))
                throw new ArgumentException($"Column '{range.Column}' has an invalid observed range.", nameof(parameters));
            if (metadata.Find(transformed[i].Metadata.Name) is not { } meta || meta.IsNumeric != (transformed[i].Modes is not null))
                throw new ArgumentException($"Transformed column '{transformed[i].Metadata.Name}' does not match the metadata.", nameof(parameters));
        }
        if (parameters.MissingTokens is null || parameters.MissingTokens.Length != metadata.Columns.Count)
            throw new ArgumentException("One missing-value token per metadata column is needed.", nameof(parameters));
        var generated = parameters.Generated ?? throw new ArgumentException("No generated-column list.", nameof(parameters));
        if (generated.Any(g => g is null || !(g.MissingProbability is >= 0 and <= 1)))
            throw new ArgumentException("A generated column has an invalid missing rate.", nameof(parameters));
        var covered = transformed.Select(c => c.Metadata.Name).Concat(generated.Select(g => g.Name)).ToList();
        if (covered.Count != metadata.Columns.Count || covered.Distinct(StringComparer.Ordinal).Count() != covered.Count
            || metadata.Columns.Any(c => !covered.Contains(c.Name, StringComparer.Ordinal)))
            throw new ArgumentException("The transformed and generated columns do not cover each metadata column exactly once.", nameof(parameters));
    }
}
