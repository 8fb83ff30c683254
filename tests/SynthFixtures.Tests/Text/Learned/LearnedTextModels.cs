using SynthFixtures.Metadata;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>
/// Hand-built learned text models: a byte tokenizer (no merges), one context column (labels a, b) and an LSTM whose
/// next-token logits are chosen per current token (a bigram model). The LSTM forgets (forget gate shut, input and output gates open), its
/// cell takes tanh(3) at the current token's unit, and the output layer maps that unit to the chosen logits, with −100
/// for every token not listed.
/// </summary>
internal static class LearnedTextModels
{
    public static readonly TextContextEncoder Context = new([new ContextColumn("Rating", ColumnKind.Categorical, null, ["a", "b"], null)]);
    public static readonly SubwordTokenizer Bytes = new([]);
    public static readonly LearnedTextVocabulary Vocabulary = new(Context.TokenCount, Bytes.Count);

    /// <summary>The model id of a character's byte.</summary>
    public static int Token(char c) => Vocabulary.OfSubword(c);

    public static LearnedTextModel Model(LstmNetwork network, IEnumerable<string>? trainingTexts = null, double temperature = 1, double topP = 1, int maxTokens = 40) =>
        new("Review", Context, Bytes, network, TrainingTextFingerprints.Of(trainingTexts ?? []),
            new LearnedTextOptions { Temperature = temperature, TopP = topP, MaxTokens = maxTokens });

    /// <summary>
    /// A network whose logits after token t are <paramref name="next"/>(u) for t's unit u = <paramref name="unitOf"/>(t)
    /// (listed tokens; the rest −100): tokens that lead to the same logits share a unit, which keeps the network small.
    /// </summary>
    public static LstmNetwork Bigram(int units, Func<int, int> unitOf, Func<int, IEnumerable<(int Token, double Logit)>> next)
    {
        const double off = -100;
        var v = Vocabulary.Size;
        int e = units, h = units, g = 4 * h;
        var weights = new float[LstmNetwork.ParameterCount(v, e, h, 1)];
        var at = 0;
        for (var t = 0; t < v; t++) weights[at + t * e + unitOf(t)] = 1;            // one-hot embedding of the unit
        at += v * e;
        for (var u = 0; u < units; u++) weights[at + (2 * h + u) * e + u] = 3;      // g gate: 3 at the unit
        at += g * e + g * h;                                                        // weight_hh stays zero
        for (var j = 0; j < h; j++)
        {
            weights[at + j] = 20;           // input gate open
            weights[at + h + j] = -20;      // forget gate shut
            weights[at + 3 * h + j] = 20;   // output gate open
        }
        at += 2 * g;                                                                // bias_hh stays zero
        var unit = Math.Tanh(Math.Tanh(3));
        for (var u = 0; u < units; u++)
            foreach (var (token, logit) in next(u)) weights[at + token * h + u] = (float)((logit - off) / unit);
        at += v * h;
        for (var t = 0; t < v; t++) weights[at + t] = (float)off;
        return new LstmNetwork(v, e, h, 1, weights);
    }

    /// <summary>Context cells for <paramref name="rows"/> rows: a, b and missing in turn.</summary>
    public static string?[][] Ratings(int rows) => [Enumerable.Range(0, rows).Select(r => (r % 3) switch { 0 => "a", 1 => "b", _ => null }).ToArray()];
}
