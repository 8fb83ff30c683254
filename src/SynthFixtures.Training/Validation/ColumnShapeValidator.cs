using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Training.Validation;

/// <summary>
/// Early stopping's quality signal: builds the <see cref="NeuralSynthModel"/> a candidate network would become (as
/// <see cref="NeuralModelBuilder"/> builds the final one), samples from it in pure C#, and scores the sample's column
/// shapes against the validation rows, as <c>evaluate</c> does: mean over modelled columns of KSComplement (numbers,
/// dates) or TVComplement (labels). The validation side is parsed once; every check samples with the same seed.
/// </summary>
internal sealed class ColumnShapeValidator
{
    private readonly string _kind;
    private readonly Table _training;
    private readonly TableMetadata _metadata;
    private readonly ModeSpecificTransformer _transformer;
    private readonly long _seed;
    private readonly int _rows;
    private readonly int? _threads;
    private readonly (ColumnMetadata Column, double[]? Numbers, IReadOnlyList<string?>? Labels)[] _validation;
    private NeuralSynthModel? _template;

    // A candidate's settings are never written anywhere; the model only requires some.
    private static readonly JsonElement EmptySettings = JsonDocument.Parse("{}").RootElement.Clone();

    /// <param name="kind">The model kind being trained.</param>
    /// <param name="training">The rows the network trains on (ranges and generated columns come from them, as in the final model).</param>
    /// <param name="validation">The held-out rows scored against.</param>
    /// <param name="metadata">Column kinds.</param>
    /// <param name="transformer">The transformer fitted on <paramref name="training"/>.</param>
    /// <param name="seed">The training seed; sampling uses its stream <c>validation:sample</c>.</param>
    /// <param name="rows">Rows sampled per check.</param>
    /// <param name="threads">Sampling threads (the sample is the same for any number).</param>
    public ColumnShapeValidator(string kind, Table training, Table validation, TableMetadata metadata, ModeSpecificTransformer transformer,
        long seed, int rows, int? threads)
    {
        _kind = kind;
        _training = training;
        _metadata = metadata;
        _transformer = transformer;
        _seed = new SynthRandom(seed).Derive("validation:sample").Seed;
        _rows = rows;
        _threads = threads;
        _validation = metadata.Columns.Where(c => c.IsModelled).Select(c =>
        {
            var index = validation.IndexOf(c.Name);
            return c.IsNumeric ? (c, ColumnValues.ToDoubles(validation, index, c), (IReadOnlyList<string?>?)null) : (c, null, validation.Column(index));
        }).ToArray();
    }

    /// <summary>The score of the model a network (with TVAE's σ or CTGAN's condition vector) would become.</summary>
    public double Score(FeedForwardNetwork network, float[]? sigmas, ConditionVector? conditions, CancellationToken cancellationToken)
    {
        // Ranges, generated-column recipes and provenance do not change during training: built once, then reused.
        _template ??= NeuralModelBuilder.Build(_kind, _training, _metadata, _transformer, network, sigmas, conditions,
            EmptySettings, 0);
        var model = new NeuralSynthModel(_kind, _metadata, _template.Provenance, _template.Parameters with { Sigmas = sigmas }, network, _template.TrainingSettings);
        return Score(model, cancellationToken);
    }

    /// <summary>The score of <paramref name="model"/>'s sample against the validation rows.</summary>
    public double Score(NeuralSynthModel model, CancellationToken cancellationToken)
    {
        var sample = model.Sample(_rows, _seed, options: new SamplingOptions { MaxDegreeOfParallelism = _threads }, cancellationToken: cancellationToken).ToTable();
        return _validation.Average(v =>
        {
            var index = sample.IndexOf(v.Column.Name);
            return v.Numbers is { } real
                ? KSComplement.Compute(real, ColumnValues.ToDoubles(sample, index, v.Column))
                : TVComplement.Compute(v.Labels!, sample.Column(index));
        });
    }
}
