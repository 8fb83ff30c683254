using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;
using SynthFixtures.Transforms.Private;

namespace SynthFixtures.Training;

/// <summary>
/// The first step of every neural trainer: fit the mode-specific transformer on a table (stream <c>transformer</c> of
/// the seed) and encode the table (stream <c>encode</c>), with the checks that make a clear error out of a table a
/// network cannot learn from.
/// </summary>
public sealed record NeuralTrainingData(ModeSpecificTransformer Transformer, float[] Matrix, int Rows)
{
    /// <summary>Fits and encodes <paramref name="table"/>.</summary>
    /// <exception cref="SynthDataException">The table has no rows or no modelled (numeric, categorical, boolean) column, or a cell does not parse.</exception>
    public static NeuralTrainingData Prepare(Table table, TableMetadata metadata, long seed, ModeNormalizerOptions? modes = null,
        CancellationToken cancellationToken = default)
    {
        Check(table, metadata);
        var random = new SynthRandom(seed);
        var transformer = ModeSpecificTransformer.Fit(table, metadata, random.Derive("transformer"), modes, cancellationToken);
        return new NeuralTrainingData(transformer, transformer.Transform(table, random.Derive("encode")), table.RowCount);
    }

    /// <summary>
    /// As <see cref="Prepare"/> for a DP-SGD model: the transformer is fitted from the noisy <paramref name="statistics"/>
    /// alone (<see cref="PrivateTransformerFit"/>), and a cell it has no place for (a label too rare to release, a
    /// missing cell in a column whose noisy missing count was too small) encodes as an empty span.
    /// </summary>
    public static NeuralTrainingData PreparePrivate(Table table, TableMetadata metadata, PrivateTableStatistics statistics, long seed,
        CancellationToken cancellationToken = default)
    {
        Check(table, metadata);
        ArgumentNullException.ThrowIfNull(statistics);
        var random = new SynthRandom(seed);
        var transformer = PrivateTransformerFit.Fit(statistics, random.Derive("transformer"), cancellationToken: cancellationToken);
        return new NeuralTrainingData(transformer, transformer.Transform(table, random.Derive("encode"), unknownAsEmpty: true), table.RowCount);
    }

    /// <exception cref="SynthDataException">The table has no rows or no modelled column.</exception>
    internal static void Check(Table table, TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        if (table.RowCount == 0)
            throw new SynthDataException("The table has no rows to learn from.", table.SourcePath, hint: "Give a CSV with a header and at least one data row.");
        if (!metadata.Columns.Any(c => c.IsModelled))
            throw new SynthDataException("The table has no column a neural model can learn: every column is an identifier, free text or personal data.",
                table.SourcePath, hint: "Use --model gaussiancopula, or mark a column as numeric or categorical in the metadata.");
    }
}
