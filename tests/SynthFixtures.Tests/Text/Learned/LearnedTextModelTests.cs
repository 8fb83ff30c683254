using System.Text.Json;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Text;
using SynthFixtures.Text.Learned;
using static SynthFixtures.Tests.Text.Learned.LearnedTextModels;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>Sampling a learned text model: determinism, temperature and top-p, the copy guard, storing and reading.</summary>
public class LearnedTextModelTests
{
    private static readonly ParallelOptions OneThread = new() { MaxDegreeOfParallelism = 1 };
    private static readonly ParallelOptions FourThreads = new() { MaxDegreeOfParallelism = 4 };

    private static LearnedTextModel RandomModel(double topP = 0.9, bool contextAtEveryStep = false)
    {
        var weights = LstmNetworkTests.RandomWeights(Vocabulary.Size, 8, 24, 1, seed: 21);
        weights[^(Vocabulary.Size - Vocabulary.Eos)] = 2.5f;   // the Eos output bias: some texts end before max tokens
        return Model(new LstmNetwork(Vocabulary.Size, 8, 24, 1, weights, contextAtEveryStep), topP: topP, temperature: 0.9, maxTokens: 60);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rows_are_the_same_in_one_call_or_two_and_with_one_thread_or_four(bool contextAtEveryStep)
    {
        var model = RandomModel(contextAtEveryStep: contextAtEveryStep);
        var context = Ratings(300);
        var random = new SynthRandom(7);

        var whole = model.Generate(context, 0, random, FourThreads);
        var first = model.Generate([context[0][..100]], 0, random, OneThread);
        var rest = model.Generate([context[0][100..]], 100, random, OneThread);
        var oneThread = model.Generate(context, 0, random, OneThread);

        Assert.Equal(whole, first.Concat(rest).ToArray());
        Assert.Equal(whole, oneThread);
        Assert.True(whole.Distinct().Count() > 250, $"random weights should give varied texts, not {whole.Distinct().Count()} distinct ones");
        Assert.Contains(whole, t => t is not null && t.Length < 20);
        Assert.Contains(whole, t => t is not null && t.Length > 5);
        Assert.NotEqual(whole, model.Generate(context, 0, new SynthRandom(8), OneThread));
        // The texts start at row 1,000: different rows, different streams.
        Assert.NotEqual(whole, model.Generate(context, 1000, random, OneThread));
    }

    [Fact]
    public void Top_p_keeps_only_the_nucleus_and_temperature_sharpens_or_flattens()
    {
        var network = Bigram(1, _ => 0, _ => [(Token('A'), Math.Log(0.5)), (Token('B'), Math.Log(0.3)), (Token('C'), Math.Log(0.15)), (Vocabulary.Eos, Math.Log(0.05))]);
        var context = Ratings(300);
        var random = new SynthRandom(3);
        string Text(double temperature, double topP) =>
            string.Concat(Model(network, temperature: temperature, topP: topP).Generate(context, 0, random, FourThreads));
        static double Share(string text, char c) => text.Count(x => x == c) / (double)text.Length;

        var full = Model(network).Generate(context, 0, random, FourThreads);
        Assert.InRange(full.Count(t => t is null), 5, 30);                    // Eos first: 5 % of 300
        Assert.InRange(full.Where(t => t is not null).Average(t => t!.Length), 12, 24);   // Eos at 5 % a step, cut at 40
        var all = string.Concat(full);
        Assert.InRange(Share(all, 'A'), 0.50, 0.55 + 0.06);
        Assert.InRange(Share(all, 'C'), 0.12, 0.20);

        var nucleus = Text(1, 0.75);   // A and B reach 0.8: C and Eos are cut, so every text runs to 40 tokens
        Assert.Equal(300 * 40, nucleus.Length);
        Assert.DoesNotContain('C', nucleus);
        Assert.InRange(Share(nucleus, 'A'), 0.59, 0.66);                      // 0.5 / 0.8

        Assert.Equal(new string('A', 300 * 40), Text(1, 0.45));

        Assert.True(Share(Text(0.25, 1), 'A') > 0.85, "at temperature 1/4 the probabilities go as p⁴: A takes 88 %");
        Assert.InRange(Share(Text(3, 1), 'A'), 0.35, 0.45);                   // p^(1/3): A takes 40 %
    }

    [Fact]
    public void The_copy_guard_redraws_a_training_text_and_leaves_the_cell_missing_when_nothing_else_comes()
    {
        // Units: 0 after Bos, 1 after h, 2 after y, 3 after anything else.
        var network = Bigram(4, t => t == Vocabulary.Bos ? 0 : t == Token('h') ? 1 : t == Token('y') ? 2 : 3, u => u switch
        {
            0 => [(Token('h'), 0), (Token('y'), 0)],
            1 => [(Token('i'), 0)],
            2 => [(Token('o'), 0)],
            _ => [(Vocabulary.Eos, 0)],
        });
        var context = Ratings(300);
        var random = new SynthRandom(4);

        var unguarded = Model(network).Generate(context, 0, random, OneThread);
        Assert.InRange(unguarded.Count(t => t == "hi"), 110, 190);

        var guarded = Model(network, trainingTexts: ["  HI "]).Generate(context, 0, random, FourThreads);
        Assert.DoesNotContain("hi", guarded);
        Assert.True(guarded.Count(t => t == "yo") >= 295, "a row that drew \"hi\" draws again from its own stream");
        Assert.Equal(guarded, Model(network, trainingTexts: ["hi"]).Generate(context, 0, random, OneThread));

        var onlyCopies = Bigram(3, t => t == Vocabulary.Bos ? 0 : t == Token('h') ? 1 : 2,
            u => u == 0 ? [(Token('h'), 0)] : u == 1 ? [(Token('i'), 0)] : [(Vocabulary.Eos, 0)]);
        Assert.All(Model(onlyCopies, trainingTexts: ["hi"]).Generate(context, 0, random, OneThread), Assert.Null);
    }

    [Fact]
    public void A_model_without_context_columns_takes_its_row_count_explicitly()
    {
        var context = new TextContextEncoder([]);
        var vocabulary = new LearnedTextVocabulary(0, Bytes.Count);
        var weights = LstmNetworkTests.RandomWeights(vocabulary.Size, 4, 8, 1, seed: 2);
        var model = new LearnedTextModel("Review", context, Bytes, new LstmNetwork(vocabulary.Size, 4, 8, 1, weights),
            TrainingTextFingerprints.Of([]), new LearnedTextOptions { MaxTokens = 10 });
        var random = new SynthRandom(1);

        var texts = model.Generate([], rows: 70, 0, random, OneThread);

        Assert.Equal(70, texts.Length);
        Assert.Equal(texts[10..], model.Generate([], rows: 60, 10, random, FourThreads));
        Assert.Contains("no context", model.Describe());
        Assert.Throws<ArgumentException>(() => model.Generate([], 0, random, OneThread));
    }

    [Fact]
    public void The_fingerprints_hold_every_training_text_and_few_others()
    {
        var texts = Enumerable.Range(0, 5000).Select(i => $"review number {i} is fine").ToArray();
        var guard = TrainingTextFingerprints.Of(texts);
        Assert.All(texts, t => Assert.True(guard.MayContain(t)));
        Assert.True(guard.MayContain("Review  number 17 IS fine "));
        // Copies up to punctuation too, as the report counts them ("I love this dress," after "I love this dress!").
        Assert.True(guard.MayContain("review, number 17 is fine!"));
        var falsePositives = Enumerable.Range(5000, 5000).Count(i => guard.MayContain($"review number {i} is fine"));
        Assert.InRange(falsePositives, 0, 5000 * 0.02);
    }

    [Fact]
    public void Context_at_every_step_is_stored_and_older_parts_without_it_read_as_prefix_only()
    {
        var model = RandomModel(contextAtEveryStep: true);
        var parts = model.Encode();
        Assert.Contains("\"contextAtEveryStep\":true", parts.Parameters.GetRawText());
        var read = LearnedTextModel.Decode(Reserialize(parts), "reviews.synth");
        Assert.True(read.Network.ContextAtEveryStep);
        var random = new SynthRandom(2);
        var sampled = model.Generate(Ratings(60), 0, random, OneThread);
        Assert.Equal(sampled, read.Generate(Ratings(60), 0, random, OneThread));

        var prefixOnly = RandomModel().Encode();
        Assert.DoesNotContain("contextAtEveryStep", prefixOnly.Parameters.GetRawText());
        var old = LearnedTextModel.Decode(Reserialize(prefixOnly), "reviews.synth");
        Assert.False(old.Network.ContextAtEveryStep);
        Assert.NotEqual(sampled, old.Generate(Ratings(60), 0, random, OneThread));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_model_reads_back_as_it_was_written(bool contextAtEveryStep)
    {
        var model = RandomModel(contextAtEveryStep: contextAtEveryStep);
        var parts = model.Encode();
        var read = LearnedTextModel.Decode(Reserialize(parts), "reviews.synth");

        Assert.Equal("learned", parts.Kind);
        Assert.Equal(parts.Parameters.GetRawText(), read.Encode().Parameters.GetRawText());
        Assert.Equal(parts.Payload, read.Encode().Payload);
        Assert.Equal(model.Describe(), read.Describe());
        Assert.Contains("LSTM 1×24", model.Describe());
        Assert.Contains("context Rating", model.Describe());
        var random = new SynthRandom(1);
        Assert.Equal(model.Generate(Ratings(50), 0, random, OneThread), read.Generate(Ratings(50), 0, random, OneThread));
        Assert.DoesNotContain("\"review", parts.Parameters.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_missing_text_model_decides_missing_cells_from_the_context_and_is_stored_with_the_contexts_output_map()
    {
        // Rating a: never missing; b: always; missing rating: half the time. Rows with text never end before a subword,
        // though the Eos bias is large enough that many would without the missing-text model.
        var weights = LstmNetworkTests.RandomWeights(Vocabulary.Size, 8, 24, 1, seed: 21, contextToOutput: true);
        weights[^(Vocabulary.Size * 8 + Vocabulary.Size - Vocabulary.Eos)] = 6f;   // the Eos output bias: many texts would end at once
        var network = new LstmNetwork(Vocabulary.Size, 8, 24, 1, weights, contextAtEveryStep: true, contextToOutput: true);
        var model = new LearnedTextModel("Review", Context, Bytes, network, TrainingTextFingerprints.Of([]),
            new LearnedTextOptions { TopP = 0.9, Temperature = 0.9, MaxTokens = 30 }, new MissingTextModel(0, [-30, 30, 0, 0]));
        var context = Ratings(600);
        var random = new SynthRandom(3);

        var texts = model.Generate(context, 0, random, FourThreads);

        // (Random byte weights can write a text of no whole character, "", but never a missing one.)
        Assert.All(texts.Where((_, i) => context[0][i] == "a"), Assert.NotNull);
        Assert.All(texts.Where((_, i) => context[0][i] == "b"), Assert.Null);
        Assert.InRange(texts.Where((_, i) => context[0][i] is null).Count(t => t is null), 60, 140);
        Assert.Equal(texts, model.Generate(context, 0, random, OneThread));

        var parts = model.Encode();
        Assert.Contains("\"contextToOutput\":true", parts.Parameters.GetRawText());
        Assert.Contains("\"missing\":{\"intercept\":0,\"weights\":[-30,30,0,0]}", parts.Parameters.GetRawText());
        var read = LearnedTextModel.Decode(Reserialize(parts), "reviews.synth");
        Assert.True(read.Network.ContextToOutput);
        Assert.Equal(texts, read.Generate(context, 0, random, OneThread));
        var wrongCount = parts.Parameters.GetRawText().Replace("[-30,30,0,0]", "[-30,30,0]");
        var error = Assert.Throws<SynthDataException>(() => LearnedTextModel.Decode(parts with { Parameters = JsonDocument.Parse(wrongCount).RootElement.Clone() }, "reviews.synth"));
        Assert.Contains("3 token weights; the context has 4 tokens", error.Message);
    }

    [Fact]
    public void Describe_says_how_missing_texts_are_written_and_which_context_columns_decide_them()
    {
        var network = new LstmNetwork(Vocabulary.Size, 8, 24, 1, LstmNetworkTests.RandomWeights(Vocabulary.Size, 8, 24, 1, seed: 21));
        LearnedTextModel With(MissingTextModel? missing) => new("Review", Context, Bytes, network, TrainingTextFingerprints.Of([]), new LearnedTextOptions(), missing);

        var deciding = With(new MissingTextModel(0, [-3, 2, 0, 0], trainingShare: 0.032));
        Assert.Contains("missing texts: 3.2 % of training texts missing; which rows, from the context (mostly Rating)", deciding.Describe());
        var parts = deciding.Encode();
        Assert.Contains("\"share\":0.032", parts.Parameters.GetRawText());
        Assert.Equal(deciding.Describe(), LearnedTextModel.Decode(Reserialize(parts), "reviews.synth").Describe());

        // Stored before the share was kept: the share is unknown, the rest is said.
        var older = LearnedTextModel.Decode(Reserialize(With(new MissingTextModel(0, [-3, 2, 0, 0])).Encode()), "reviews.synth");
        Assert.Null(older.Missing!.TrainingShare);
        Assert.Contains("missing texts: which rows, from the context (mostly Rating)", older.Describe());

        Assert.Contains("no column moves the odds much", With(new MissingTextModel(-2, [0.1, -0.1, 0, 0], 0.1)).Describe());
        Assert.Contains("a missing text is one that ends at once", With(null).Describe());

        // Of two columns, the one that moves the odds far less than the widest is not named.
        var twoColumns = new TextContextEncoder([Context.ContextColumns[0], new ContextColumn("Size", ColumnKind.Categorical, null, ["s", "m"], null)]);
        var size = new LearnedTextVocabulary(twoColumns.TokenCount, Bytes.Count).Size;
        LearnedTextModel WithTwo(double[] weights) => new("Review", twoColumns, Bytes, new LstmNetwork(size, 8, 24, 1, LstmNetworkTests.RandomWeights(size, 8, 24, 1, seed: 22)),
            TrainingTextFingerprints.Of([]), new LearnedTextOptions(), new MissingTextModel(0, weights, 0.2));
        Assert.Contains("(mostly Rating);", WithTwo([-3, 2, 0, 0, 1.5, 0, 0, 0]).Describe());
        Assert.Contains("(mostly Rating, Size);", WithTwo([-3, 2, 0, 0, 3, -1, 0, 0]).Describe());
    }

    public static TheoryData<string, string> Corruptions => new()
    {
        { "kind", "its kind is" },
        { "payload", "its weights are" },
        { "nan", "weight 3 is NaN" },
        { "merges", "merges are not pairs" },
        { "mergeOrder", "tokenizer is inconsistent" },
        { "edges", "not finite and ascending" },
        { "temperature", "temperature 0" },
        { "bits", "not base64" },
        { "format", "its format is 9" },
        { "array", "not a JSON object" },
        { "labels", "repeats a label" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Inconsistent_parts_are_an_error_naming_the_artifact_and_column(string corruption, string expected)
    {
        var parts = RandomModel().Encode();
        var json = parts.Parameters.GetRawText();
        var payload = parts.Payload.ToArray();
        var kind = parts.Kind;
        switch (corruption)
        {
            case "kind": kind = "llm"; break;
            case "payload": payload = payload[..^4]; break;
            case "nan": BitConverter.TryWriteBytes(payload.AsSpan(12), float.NaN); break;
            case "merges": json = json.Replace("\"merges\":[]", "\"merges\":[1]"); break;
            case "mergeOrder": json = json.Replace("\"merges\":[]", "\"merges\":[1,300]"); break;
            case "edges": json = json.Replace("\"labels\":[\"a\",\"b\"]", "\"edges\":[2,1]").Replace("\"Categorical\"", "\"Integer\""); break;
            case "temperature": json = json.Replace("\"temperature\":0.9", "\"temperature\":0"); break;
            case "bits": json = json.Replace("\"bits\":\"", "\"bits\":\"!!"); break;
            case "format": json = json.Replace("\"format\":2", "\"format\":9"); break;
            case "array": json = "[1,2]"; break;
            case "labels": json = json.Replace("\"labels\":[\"a\",\"b\"]", "\"labels\":[\"a\",\"a\"]"); break;
        }
        Assert.NotEqual(parts.Parameters.GetRawText(), corruption is "kind" or "payload" or "nan" ? "" : json);
        var damaged = new TextModelParts(kind, parts.Column, JsonDocument.Parse(json).RootElement.Clone(), payload);

        var error = Assert.Throws<SynthDataException>(() => LearnedTextModel.Decode(damaged, "reviews.synth"));
        Assert.Contains("reviews.synth", error.Message);
        Assert.Contains("'Review'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static TextModelParts Reserialize(TextModelParts parts) =>
        parts with { Parameters = JsonDocument.Parse(parts.Parameters.GetRawText()).RootElement.Clone(), Payload = parts.Payload.ToArray() };
}
