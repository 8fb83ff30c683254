using SynthFixtures.Modeling;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;
using SynthFixtures.Training.Text;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Text;

public class LstmLanguageModelTrainerTests(ITestOutputHelper output)
{
    private static readonly LearnedTextOptions Small = new()
    {
        Epochs = 6, BatchSize = 32, EmbeddingWidth = 16, HiddenWidth = 32, Layers = 1, LearningRate = 1e-2, Seed = 3, Threads = 1,
    };

    [Fact]
    public void Loss_falls_and_held_out_perplexity_beats_a_unigram_model()
    {
        var sequences = SyntheticCorpus.Sequences(800, seed: 1);
        var reports = new List<TrainingProgress>();

        var trained = LstmLanguageModelTrainer.Train(sequences, SyntheticCorpus.Vocabulary, Small, new SynchronousProgress(reports.Add));

        var unigram = SyntheticCorpus.UnigramPerplexity(sequences, sequences, SyntheticCorpus.Vocabulary);
        output.WriteLine($"loss {string.Join(" → ", trained.EpochLosses.Select(l => l.ToString("F3")))}");
        output.WriteLine($"validation perplexity {string.Join(" → ", trained.ValidationPerplexities.Select(l => l.ToString("F2")))} (kept epoch {trained.KeptEpoch}); unigram {unigram:F2}");
        Assert.Equal(Enumerable.Range(1, Small.Epochs), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.Null(r.ValidationScore));
        Assert.Equal(trained.ValidationPerplexities, reports.Select(r => r.ValidationPerplexity!.Value));
        Assert.Equal(40, trained.ValidationTexts);
        Assert.True(trained.EpochLosses[^1] < trained.EpochLosses[0] - 0.3, "the training loss should fall");
        var best = trained.ValidationPerplexities.Min();
        Assert.Equal(best, trained.ValidationPerplexities[trained.KeptEpoch - 1]);
        // The corpus's words follow their predecessor 80 % of the time: a model that learned that is far below the unigram's.
        Assert.True(best < 0.6 * unigram, $"held-out perplexity {best:F2}, unigram {unigram:F2}");
    }

    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, 8)]   // the context, here noise, is added to every input: the model takes longer to learn to ignore it
    public void Only_predicted_positions_are_scored(bool contextAtEveryStep, int epochs)
    {
        // The context token is drawn from 20 and cannot be predicted; the text after it is always the same. Scored, the
        // context would hold the loss near ln 20 / 5 ≈ 0.6 per token; unscored, the loss goes to zero.
        var random = new SynthRandom(4);
        var sequences = Enumerable.Range(0, 300)
            .Select(_ => new TokenSequence([random.NextInt(20), 20, 21, 22, 23, 24], FirstPredicted: 2)).ToList();

        var trained = LstmLanguageModelTrainer.Train(sequences, 25, Small with { Epochs = epochs, ContextAtEveryStep = contextAtEveryStep });

        output.WriteLine($"loss {string.Join(" → ", trained.EpochLosses.Select(l => l.ToString("F4")))}");
        Assert.True(trained.EpochLosses[^1] < 0.05, $"final loss {trained.EpochLosses[^1]:F4}");
    }

    [Fact]
    public void The_same_seed_and_threads_give_byte_identical_weights_and_another_seed_others()
    {
        var sequences = SyntheticCorpus.Sequences(200, seed: 5);
        var options = Small with { Epochs = 2 };

        var a = LstmLanguageModelTrainer.Train(sequences, SyntheticCorpus.Vocabulary, options);
        var b = LstmLanguageModelTrainer.Train(sequences, SyntheticCorpus.Vocabulary, options);
        var other = LstmLanguageModelTrainer.Train(sequences, SyntheticCorpus.Vocabulary, options with { Seed = 4 });

        Assert.Equal(LstmNetwork.ParameterCount(SyntheticCorpus.Vocabulary, 16, 32, 1, contextToOutput: true), a.Weights.Length);
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.EpochLosses, b.EpochLosses);
        Assert.NotEqual(a.Weights, other.Weights);
    }

    [Fact]
    public void Zero_epochs_give_the_initial_weights_and_cancellation_stops_training()
    {
        var sequences = SyntheticCorpus.Sequences(50, seed: 6);

        var untrained = LstmLanguageModelTrainer.Train(sequences, SyntheticCorpus.Vocabulary, Small with { Epochs = 0 });
        Assert.Equal(0, untrained.KeptEpoch);
        Assert.Empty(untrained.EpochLosses);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => LstmLanguageModelTrainer.Train(sequences, SyntheticCorpus.Vocabulary, Small, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Bad_sequences_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LstmLanguageModelTrainer.Train([new TokenSequence([0, 1, 9], 1)], 5, Small));
        Assert.Throws<ArgumentException>(() => LstmLanguageModelTrainer.Train([new TokenSequence([0, 1], 0)], 5, Small));
        Assert.Throws<ArgumentException>(() => LstmLanguageModelTrainer.Train([new TokenSequence([0, 1], 2)], 5, Small));
    }
}
