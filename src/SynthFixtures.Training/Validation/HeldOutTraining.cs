using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Training.Validation;

/// <summary>
/// What a synthesizer prepares before training, shaped by early stopping: the validation rows split off (none
/// without it), the training rows fitted and encoded, and the column-shapes validator on the held-out rows.
/// </summary>
/// <param name="Training">The rows trained on.</param>
/// <param name="Data">Their transformer and encoded matrix.</param>
/// <param name="Validator">Scores snapshots against the held-out rows; <c>null</c> without early stopping.</param>
/// <param name="ValidationRows">How many rows were held out.</param>
internal sealed record HeldOutTraining(Table Training, NeuralTrainingData Data, ColumnShapeValidator? Validator, int ValidationRows)
{
    /// <summary>Splits (with <paramref name="stopping"/>), fits and encodes <paramref name="table"/>.</summary>
    /// <exception cref="SynthDataException">The table cannot be learned, or has too few rows to hold some out.</exception>
    public static HeldOutTraining Prepare(string kind, Table table, TableMetadata metadata, long seed, EarlyStoppingOptions? stopping, int? threads,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        // An empty table is left to NeuralTrainingData.Prepare, whose message says so.
        var (training, validation) = stopping is not null && table.RowCount > 0 ? ValidationSplit.Split(table, stopping.ValidationFraction, seed) : (table, null);
        var data = NeuralTrainingData.Prepare(training, metadata, seed, cancellationToken: cancellationToken);
        var validator = validation is null ? null : new ColumnShapeValidator(kind, training, validation, metadata, data.Transformer, seed, stopping!.SampleRows, threads);
        return new HeldOutTraining(training, data, validator, validation?.RowCount ?? 0);
    }

    /// <summary>The trainer's early-stopping outcome, with the number of held-out rows filled in.</summary>
    public EarlyStoppingOutcome? Outcome(EarlyStoppingOutcome? trained) => trained is { } o ? o with { ValidationRows = ValidationRows } : null;
}
