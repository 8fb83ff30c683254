using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Modes;
using SynthFixtures.Transforms.Private;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Assembles a <see cref="NeuralSynthModel"/> after training: measures each modelled column's observed range and
/// missing rate, fits the recipes of the generated columns exactly as the copula does, records the source's missing
/// tokens and the provenance. Trainers (in SynthFixtures.Training) call this with their exported network.
/// </summary>
public static class NeuralModelBuilder
{
    /// <summary>Builds the model.</summary>
    /// <param name="kind"><see cref="ModelKinds.Tvae"/> or <see cref="ModelKinds.Ctgan"/>.</param>
    /// <param name="table">The training rows.</param>
    /// <param name="metadata">Their column kinds.</param>
    /// <param name="transformer">The transformer fitted on <paramref name="table"/>.</param>
    /// <param name="network">The exported decoder or generator.</param>
    /// <param name="sigmas">TVAE's σ per output dimension; <c>null</c> for CTGAN.</param>
    /// <param name="conditions">CTGAN's condition vector; <c>null</c> for TVAE.</param>
    /// <param name="trainingSettings">The trainer's options, for the artifact.</param>
    /// <param name="seed">The training seed.</param>
    public static NeuralSynthModel Build(string kind, Table table, TableMetadata metadata, ModeSpecificTransformer transformer,
        FeedForwardNetwork network, float[]? sigmas, ConditionVector? conditions, JsonElement trainingSettings, long seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(transformer);
        var ranges = transformer.Parameters.Columns.Select(column => Range(table, column)).ToArray();
        var generated = metadata.Columns.Where(c => !c.IsModelled).Select(c => GeneratedColumnFitter.Fit(table, table.IndexOf(c.Name), c)).ToArray();
        var tokens = metadata.Columns.Select(c => table.MissingTokens[table.IndexOf(c.Name)]).ToArray();
        var parameters = new NeuralModelParameters
        {
            Transformer = transformer.Parameters, Ranges = ranges, Sigmas = sigmas, Conditions = conditions?.Parameters,
            Generated = generated, MissingTokens = tokens,
        };
        return new NeuralSynthModel(kind, metadata, ModelProvenance.Of(table, seed), parameters, network, trainingSettings);
    }

    /// <summary>
    /// Builds a differentially private model: the ranges and missing rates come from <paramref name="statistics"/> (noisy
    /// counts), the generated columns from recipes that read nothing (<see cref="PublicRecipes"/>), and the provenance
    /// withholds the data's hash (a hash confirms a guessed table exactly, which no DP guarantee survives).
    /// </summary>
    /// <param name="kind"><see cref="ModelKinds.Tvae"/> or <see cref="ModelKinds.Ctgan"/>.</param>
    /// <param name="table">The training rows: only their file name, row count and missing tokens are read (public).</param>
    /// <param name="metadata">Their column kinds.</param>
    /// <param name="statistics">The noisy preprocessing measurements the transformer was fitted from.</param>
    /// <param name="transformer">The transformer fitted from <paramref name="statistics"/>.</param>
    /// <param name="network">The exported decoder or generator.</param>
    /// <param name="sigmas">TVAE's σ per output dimension; <c>null</c> for CTGAN.</param>
    /// <param name="conditions">CTGAN's condition vector (from noisy counts); <c>null</c> for TVAE.</param>
    /// <param name="trainingSettings">The trainer's options and privacy plan, for the artifact.</param>
    /// <param name="seed">The training seed.</param>
    public static NeuralSynthModel BuildPrivate(string kind, Table table, TableMetadata metadata, PrivateTableStatistics statistics,
        ModeSpecificTransformer transformer, FeedForwardNetwork network, float[]? sigmas, ConditionVector? conditions, JsonElement trainingSettings, long seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(transformer);
        var ranges = transformer.Parameters.Columns.Select(column =>
        {
            var measured = statistics[column.Metadata.Name];
            return measured.IsNumeric
                ? new NeuralColumnRange(column.Metadata.Name, measured.Minimum, measured.Maximum, measured.MissingRate)
                : new NeuralColumnRange(column.Metadata.Name, null, null, column.Categories!.Length == 1 && column.Categories[0] is null ? 1 : measured.MissingRate);
        }).ToArray();
        var parameters = new NeuralModelParameters
        {
            Transformer = transformer.Parameters, Ranges = ranges, Sigmas = sigmas, Conditions = conditions?.Parameters,
            // A DP-TVAE decoder depends too little on its latent code for the argmax to keep each column's spread.
            DrawsCategories = sigmas is not null ? true : null,
            Generated = metadata.Columns.Where(c => !c.IsModelled).Select(PublicRecipes.For).ToArray(),
            MissingTokens = metadata.Columns.Select(c => table.MissingTokens[table.IndexOf(c.Name)]).ToArray(),
        };
        var provenance = ModelProvenance.Of(table, seed) with { SourceDataSha256 = ModelProvenance.WithheldHash };
        return new NeuralSynthModel(kind, metadata, provenance, parameters, network, trainingSettings);
    }

    private static NeuralColumnRange Range(Table table, TransformedColumn column)
    {
        var index = table.IndexOf(column.Metadata.Name);
        if (column.Modes is null)
        {
            var cells = table.Column(index);
            return new NeuralColumnRange(column.Metadata.Name, null, null, cells.Count == 0 ? 0 : cells.Count(c => c is null) / (double)cells.Count);
        }
        var values = ColumnValues.ToDoubles(table, index, column.Metadata);
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        return new NeuralColumnRange(column.Metadata.Name, present.Length == 0 ? 0 : present.Min(), present.Length == 0 ? 0 : present.Max(),
            values.Length == 0 ? 0 : 1 - present.Length / (double)values.Length);
    }
}
