using System.Globalization;
using SynthFixtures.Modeling;
using SynthFixtures.Randomness;
using SynthFixtures.Text;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Training.Text;

/// <summary>
/// Trains the learned text model of one free-text column: a subword tokenizer and a context encoder fitted to the
/// training rows, an LSTM language model trained with TorchSharp (<see cref="LstmLanguageModelTrainer"/>), and the copy
/// guard's fingerprints of the training texts; the result is sampled in pure C# (<see cref="LearnedTextModel"/>).
/// </summary>
/// <remarks>
/// Seeding: the training seed (<see cref="TextTrainingInput.Seed"/>), mixed with the column's name so two text columns
/// of a table start from different weights, replaces <see cref="LearnedTextOptions.Seed"/>.
/// </remarks>
public sealed class LearnedTextTrainer : ITextModelTrainer
{
    /// <inheritdoc />
    /// <exception cref="SynthDataException">The column is missing, has no text, or a named context column cannot be used.</exception>
    public TextColumnModel Train(TextTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (column, table) = (input.Column, input.Table);
        if (!table.HasColumn(column))
            throw new SynthDataException($"There is no text column '{column}' to learn.", table.SourcePath,
                hint: $"The table's columns are: {string.Join(", ", table.ColumnNames)}.", columnName: column);
        var texts = table.Column(table.IndexOf(column)).Where(t => t is not null).Select(t => t!).ToList();
        if (texts.Count == 0)
            throw new SynthDataException($"The text column '{column}' has no text to learn from: every cell is missing.", table.SourcePath,
                hint: "Model the column some other way, or train on rows that have text.", columnName: column);
        if (input.Options.VocabularySize < SubwordTokenizer.ByteCount)
            throw new SynthDataException($"The text vocabulary of {input.Options.VocabularySize} is too small for the text column '{column}'.",
                hint: $"The tokenizer starts from the {SubwordTokenizer.ByteCount} byte values; give at least {SubwordTokenizer.ByteCount} (default 2000).", columnName: column);
        var options = input.Options with { Seed = new SynthRandom(input.Seed).Derive("text:" + column).Seed };

        cancellationToken.ThrowIfCancellationRequested();
        var tokenizer = SubwordTokenizer.Train(texts, options.VocabularySize);
        var context = TextContextEncoder.Fit(table, input.Metadata, column, options.ContextColumns);
        var vocabulary = new LearnedTextVocabulary(context.TokenCount, tokenizer.Count);
        var all = LearnedTextSequences.Build(table, column, context, tokenizer, vocabulary, options.MaxTokens);
        // Whether a row has text is learned from its context apart from the words (see MissingTextModel); the language
        // model then learns only the texts there are.
        var cells = table.Column(table.IndexOf(column));
        var missing = MissingTextModel.Fit(all.Select(s => s.Tokens[..(s.FirstPredicted - 1)]).ToArray(), cells.Select(c => c is null).ToArray(), context.TokenCount);
        var sequences = missing is null ? all : all.Where((_, row) => cells[row] is not null).ToArray();
        var contextNote = context.Columns.Count == 0 ? "no context columns" : "context " + string.Join(", ", context.Columns);
        var tokens = sequences.Sum(s => (long)(s.Tokens.Length - s.FirstPredicted));
        progress?.Report(new TrainingUpdate(TrainingStage.Fitting, string.Create(CultureInfo.InvariantCulture,
            $"Text '{column}': {tokenizer.Count:N0} subwords, {tokens:N0} tokens in {texts.Count:N0} texts; {contextNote}")));

        var trained = LstmLanguageModelTrainer.Train(sequences, vocabulary.Size, options, progress is null ? null : new EpochUpdates(progress), cancellationToken);
        if (progress is not null && trained.ValidationTexts > 0)
            progress.Report(new TrainingUpdate(TrainingStage.Note, string.Create(CultureInfo.InvariantCulture,
                $"Text '{column}': kept the weights of epoch {trained.KeptEpoch} (validation perplexity {trained.ValidationPerplexities[trained.KeptEpoch - 1]:F2} on {trained.ValidationTexts:N0} held-out texts).")));

        var network = new LstmNetwork(vocabulary.Size, options.EmbeddingWidth, options.HiddenWidth, options.Layers, trained.Weights,
            options.ContextAtEveryStep, options.ContextAtEveryStep && options.ContextToOutput);
        return new LearnedTextModel(column, context, tokenizer, network, TrainingTextFingerprints.Of(texts), options, missing);
    }
}
