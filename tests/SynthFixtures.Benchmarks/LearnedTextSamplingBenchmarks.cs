using System.Globalization;
using BenchmarkDotNet.Attributes;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Sampling reviews from a learned text model of the default size (1×256 LSTM, 64-wide embeddings, some 2,000 subwords,
/// rating and department as context) on two cores; issue 12's target is at least 200 reviews a second. The weights
/// are random with the Eos bias set for reviews of about 80 tokens, so no TorchSharp is needed: the work per token
/// (LSTM step, output layer, softmax, nucleus) is a trained model's, and random weights give flatter distributions,
/// hence larger nuclei, than trained ones.
/// </summary>
[MemoryDiagnoser]
public class LearnedTextSamplingBenchmarks
{
    private LearnedTextModel _model = null!;
    private string?[][] _context = null!;
    private readonly ParallelOptions _twoCores = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>Reviews per sample.</summary>
    [Params(512)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // 1,744 merges over the bytes: 2,000 subwords, as the default vocabulary size gives.
        var tokenizer = new SubwordTokenizer(Enumerable.Range(0, 1744).Select(k => (k % 256, k / 256)).ToArray());
        var context = new TextContextEncoder(
        [
            new ContextColumn("Rating", ColumnKind.Integer, null, null, [1.5, 2.5, 3.5, 4.5]),
            new ContextColumn("Department Name", ColumnKind.Categorical, null, ["Bottoms", "Dresses", "Intimate", "Jackets", "Tops", "Trend"], null),
        ]);
        var vocabulary = new LearnedTextVocabulary(context.TokenCount, tokenizer.Count);
        const int embedding = 64, hidden = 256;
        var random = new SynthRandom(1);
        var weights = new float[LstmNetwork.ParameterCount(vocabulary.Size, embedding, hidden, 1)];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextNormal() * 0.15);
        weights[weights.Length - vocabulary.Size + vocabulary.Eos] = 2.2f;
        var network = new LstmNetwork(vocabulary.Size, embedding, hidden, 1, weights);
        _model = new LearnedTextModel("Review Text", context, tokenizer, network, TrainingTextFingerprints.Of(["Love this dress!"]),
            new LearnedTextOptions());
        _context =
        [
            Enumerable.Range(0, Rows).Select(r => (1 + r % 5).ToString(CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Range(0, Rows).Select(r => r % 3 == 0 ? "Tops" : "Dresses").ToArray(),
        ];
        var texts = _model.Generate(_context, 0, new SynthRandom(2), _twoCores);
        var tokens = texts.Where(t => t is not null).Average(t => tokenizer.Encode(t!).Length);
        Console.WriteLine($"// {_model.Describe()}; {tokens:F0} tokens per review");
    }

    /// <summary><see cref="Rows"/> reviews on two cores.</summary>
    [Benchmark]
    public string?[] Sample() => _model.Generate(_context, 0, new SynthRandom(3), _twoCores);
}
