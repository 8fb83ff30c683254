using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Text;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Modeling;

/// <summary>Trains the learned text model of one free-text column (TorchSharp: registered by SynthFixtures.Training).</summary>
public interface ITextModelTrainer
{
    /// <summary>Fits a text model to <paramref name="input"/>'s column, conditioned on the row's other cells.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    TextColumnModel Train(TextTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken);
}

/// <summary>What a text trainer fits.</summary>
/// <param name="Column">The free-text column to learn.</param>
/// <param name="Table">The training rows (holdout already taken out), the context columns included.</param>
/// <param name="Metadata">The columns' metadata.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Options">The text model's settings.</param>
public sealed record TextTrainingInput(string Column, Table Table, TableMetadata Metadata, long Seed, LearnedTextOptions Options);
