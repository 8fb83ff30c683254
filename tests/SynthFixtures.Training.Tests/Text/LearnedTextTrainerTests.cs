using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;
using SynthFixtures.Training.Text;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Text;

public class LearnedTextTrainerTests(ITestOutputHelper output)
{
    private static readonly string[] WordsA = ["apple", "amber", "arrow", "anchor", "autumn", "alpine", "atlas", "azure"];
    private static readonly string[] WordsB = ["berry", "bronze", "bridge", "butter", "blossom", "breeze", "button", "bishop"];

    private static readonly LearnedTextOptions Small = new()
    {
        Epochs = 10, BatchSize = 32, VocabularySize = 300, EmbeddingWidth = 16, HiddenWidth = 48, MaxTokens = 64,
        LearningRate = 1e-2, ContextColumns = ["label"], Threads = 1,
    };

    /// <summary>Rows labelled A write 3–7 words of set A, rows labelled B of set B.</summary>
    private static (Table Table, TableMetadata Metadata) LabelledTexts(int rows, long seed)
    {
        var random = new SynthRandom(seed);
        var labels = new string?[rows];
        var texts = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var a = random.NextDouble() < 0.5;
            var words = a ? WordsA : WordsB;
            labels[i] = a ? "A" : "B";
            texts[i] = string.Join(' ', Enumerable.Range(0, 3 + random.NextInt(5)).Select(_ => words[random.NextInt(words.Length)]));
        }
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "label", Kind = ColumnKind.Categorical }, new ColumnMetadata { Name = "text", Kind = ColumnKind.Text }],
        };
        return (new Table(["label", "text"], [labels, texts]), metadata);
    }

    private static (int A, int B) CountWords(IEnumerable<string?> texts)
    {
        var words = texts.Where(t => t is not null).SelectMany(t => t!.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return (words.Count(WordsA.Contains), words.Count(WordsB.Contains));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]   // the context as prefix tokens only (models trained before context at every step)
    public void The_text_follows_its_context(bool contextAtEveryStep)
    {
        var (table, metadata) = LabelledTexts(600, seed: 1);
        var updates = new List<TrainingUpdate>();

        var model = (LearnedTextModel)new LearnedTextTrainer().Train(new TextTrainingInput("text", table, metadata, 7, Small with { ContextAtEveryStep = contextAtEveryStep }),
            new SynchronousUpdates(updates.Add), CancellationToken.None);

        Assert.Equal(["label"], model.ContextColumns);
        Assert.Equal(contextAtEveryStep, model.Network.ContextAtEveryStep);
        Assert.Equal(Small.Epochs, updates.Count(u => u.Stage == TrainingStage.Epoch));
        foreach (var u in updates.Where(u => u.Message is not null)) output.WriteLine(u.Message);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var a = model.Generate([Enumerable.Repeat<string?>("A", 200).ToArray()], 0, new SynthRandom(8), parallel);
        var b = model.Generate([Enumerable.Repeat<string?>("B", 200).ToArray()], 0, new SynthRandom(8), parallel);
        output.WriteLine("A: " + string.Join(" | ", a.Take(5)));
        output.WriteLine("B: " + string.Join(" | ", b.Take(5)));

        var (aInA, bInA) = CountWords(a);
        var (aInB, bInB) = CountWords(b);
        output.WriteLine($"context A: {aInA} A-words, {bInA} B-words; context B: {aInB} A-words, {bInB} B-words");
        Assert.True(aInA > 500 && aInA > 20 * bInA, $"context A: {aInA} A-words, {bInA} B-words");
        Assert.True(bInB > 500 && bInB > 20 * aInB, $"context B: {aInB} A-words, {bInB} B-words");
        Assert.DoesNotContain(a.Concat(b), t => table.Column(table.IndexOf("text")).Contains(t));
    }

    [Fact]
    public void Missing_texts_follow_their_context()
    {
        // Label A rows always have text, a third of label B rows have none: the missing rate is learned per context,
        // not as one rate for every row.
        var (table, metadata) = LabelledTexts(600, seed: 4);
        var labels = table.Column(0);
        var random = new SynthRandom(6);
        var texts = table.Column(1).Select((t, i) => labels[i] == "B" && random.NextDouble() < 1.0 / 3 ? null : t).ToArray();
        var withGaps = new Table(["label", "text"], [labels.ToArray(), texts]);

        var model = (LearnedTextModel)new LearnedTextTrainer().Train(new TextTrainingInput("text", withGaps, metadata, 7, Small with { Epochs = 2 }), null, CancellationToken.None);

        Assert.NotNull(model.Missing);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var a = model.Generate([Enumerable.Repeat<string?>("A", 300).ToArray()], 0, new SynthRandom(8), parallel);
        var b = model.Generate([Enumerable.Repeat<string?>("B", 300).ToArray()], 0, new SynthRandom(8), parallel);
        var (missingA, missingB) = (a.Count(t => t is null) / 300.0, b.Count(t => t is null) / 300.0);
        output.WriteLine($"missing: A {missingA:P1}, B {missingB:P1}; real B {texts.Where((_, i) => labels[i] == "B").Count(t => t is null) / (double)labels.Count(l => l == "B"):P1}");
        Assert.True(missingA < 0.03, $"A rows missing {missingA:P1}");
        Assert.InRange(missingB, 0.22, 0.45);
    }

    private static readonly string[] Filler = ["the", "fabric", "is", "soft", "and", "fits", "well", "with", "a", "nice", "color", "for", "summer", "days", "so", "i"];

    /// <summary>Rows of 30–40 filler words (the same for both labels), then "alpha" (label A) or "omega" (label B), then one filler word.</summary>
    private static Table LabelAtTheEnd(int rows, long seed)
    {
        var random = new SynthRandom(seed);
        var labels = new string?[rows];
        var texts = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var a = random.NextDouble() < 0.5;
            labels[i] = a ? "A" : "B";
            var words = Enumerable.Range(0, 30 + random.NextInt(11)).Select(_ => Filler[random.NextInt(Filler.Length)]).ToList();
            words.Add(a ? "alpha" : "omega");
            words.Add(Filler[random.NextInt(Filler.Length)]);
            texts[i] = string.Join(' ', words);
        }
        return new Table(["label", "text"], [labels, texts]);
    }

    /// <summary>Share of the texts with a label word whose label word is <paramref name="expected"/>, and how many have one.</summary>
    private static (double Share, int WithLabel) LabelWordAccuracy(IEnumerable<string?> texts, string expected)
    {
        var found = texts.Select(t => t?.Split(' ').LastOrDefault(w => w is "alpha" or "omega")).Where(w => w is not null).ToList();
        return (found.Count == 0 ? 0 : found.Count(w => w == expected) / (double)found.Count, found.Count);
    }

    [Fact]
    public void The_context_reaches_a_word_at_the_end_of_a_long_text()
    {
        // The label changes only the second-to-last of 32–42 words: a context read once, as prefix tokens, is mostly
        // forgotten by then; added at every step it is not.
        var table = LabelAtTheEnd(600, seed: 3);
        var (_, metadata) = LabelledTexts(1, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var accuracy = new Dictionary<bool, double>();
        foreach (var everyStep in new[] { false, true })
        {
            var model = new LearnedTextTrainer().Train(new TextTrainingInput("text", table, metadata, 7, Small with { ContextAtEveryStep = everyStep, MaxTokens = 96 }),
                null, CancellationToken.None);
            var (a, withA) = LabelWordAccuracy(model.Generate([Enumerable.Repeat<string?>("A", 200).ToArray()], 0, new SynthRandom(8), parallel), "alpha");
            var (b, withB) = LabelWordAccuracy(model.Generate([Enumerable.Repeat<string?>("B", 200).ToArray()], 0, new SynthRandom(8), parallel), "omega");
            accuracy[everyStep] = (a * withA + b * withB) / (withA + withB);
            output.WriteLine($"context at every step {everyStep}: label word right in {accuracy[everyStep]:P1} ({a:P1} of {withA} for A, {b:P1} of {withB} for B)");
            Assert.True(withA + withB > 300, $"only {withA + withB} of 400 texts have a label word");
        }
        Assert.True(accuracy[true] > 0.9, $"label word right in {accuracy[true]:P1} with the context at every step");
    }

    [Fact]
    public void Sampled_texts_are_as_long_as_the_training_texts()
    {
        // Lengths from 1 to 24 words: batches grouped by length must not make the model favour short texts.
        var random = new SynthRandom(5);
        var texts = Enumerable.Range(0, 800).Select(_ => (string?)string.Join(' ', Enumerable.Range(0, 1 + random.NextInt(24)).Select(_ => WordsA[random.NextInt(WordsA.Length)]))).ToArray();
        var labels = Enumerable.Repeat<string?>("A", texts.Length).ToArray();
        var (_, metadata) = LabelledTexts(1, 1);
        var table = new Table(["label", "text"], [labels, texts]);

        var model = new LearnedTextTrainer().Train(new TextTrainingInput("text", table, metadata, 5, Small with { Epochs = 6 }), null, CancellationToken.None);

        var sampled = model.Generate([Enumerable.Repeat<string?>("A", 400).ToArray()], 0, new SynthRandom(9), new ParallelOptions());
        static double MeanWords(IEnumerable<string?> t) => t.Average(x => x?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0);
        var (real, synthetic) = (MeanWords(texts), MeanWords(sampled));
        output.WriteLine($"mean words: training {real:F2}, sampled {synthetic:F2}");
        Assert.InRange(synthetic, 0.85 * real, 1.15 * real);
    }

    [Fact]
    public void The_same_input_gives_the_same_model_and_cancellation_stops_it()
    {
        var (table, metadata) = LabelledTexts(200, seed: 2);
        var input = new TextTrainingInput("text", table, metadata, 3, Small with { Epochs = 2 });

        var first = new LearnedTextTrainer().Train(input, null, CancellationToken.None).Encode();
        var second = new LearnedTextTrainer().Train(input, null, CancellationToken.None).Encode();
        Assert.Equal(first.Payload, second.Payload);
        Assert.Equal(first.Parameters.GetRawText(), second.Parameters.GetRawText());

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new LearnedTextTrainer().Train(input, null, cancelled.Token));
    }

    [Fact]
    public void A_column_without_text_or_a_vocabulary_below_the_byte_values_is_a_data_error()
    {
        var table = new Table(["label", "text"], [["A", "B"], [null, null]]);
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "label", Kind = ColumnKind.Categorical }, new ColumnMetadata { Name = "text", Kind = ColumnKind.Text }],
        };
        var error = Assert.Throws<SynthDataException>(() => new LearnedTextTrainer().Train(new TextTrainingInput("text", table, metadata, 1, Small), null, CancellationToken.None));
        Assert.Contains("no text", error.Message);
        Assert.Throws<SynthDataException>(() => new LearnedTextTrainer().Train(new TextTrainingInput("nope", table, metadata, 1, Small), null, CancellationToken.None));
        var small = Assert.Throws<SynthDataException>(() => new LearnedTextTrainer().Train(
            new TextTrainingInput("text", LabelledTexts(50, 1).Table, metadata, 1, Small with { VocabularySize = 100 }), null, CancellationToken.None));
        Assert.Contains("at least 256", small.Message);
    }

    private sealed class SynchronousUpdates(Action<TrainingUpdate> report) : IProgress<TrainingUpdate>
    {
        public void Report(TrainingUpdate value) => report(value);
    }
}
