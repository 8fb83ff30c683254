using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>The pure-C# LSTM against the textbook equations, computed here by plain loops in double precision.</summary>
public class LstmNetworkTests
{
    [Theory]
    [InlineData(5, 3, 2, 1)]
    [InlineData(7, 4, 3, 2)]    // gates 12 wide: a padded vector tail
    [InlineData(11, 5, 37, 2)]  // gates 148 wide: whole 24-float tiles and a tail
    public void Next_token_logits_match_the_LSTM_equations(int vocabulary, int embedding, int hidden, int layers)
    {
        var weights = RandomWeights(vocabulary, embedding, hidden, layers, seed: vocabulary * 100 + hidden);
        var network = new LstmNetwork(vocabulary, embedding, hidden, layers, weights);
        int[][] prefixes = [[0], [1, 2, 3], [vocabulary - 1, 0, vocabulary - 1, 2, 1, 1]];

        var logits = network.NextTokenLogits(prefixes);

        for (var p = 0; p < prefixes.Length; p++)
        {
            var expected = Reference(weights, vocabulary, embedding, hidden, layers, prefixes[p]);
            for (var v = 0; v < vocabulary; v++) Assert.Equal(expected[v], logits[p * vocabulary + v], 1e-4);
        }
    }

    [Theory]
    [InlineData(5, 3, 2, 1, 1)]
    [InlineData(7, 4, 3, 2, 2)]
    [InlineData(11, 5, 37, 2, 3)]
    public void With_context_at_every_step_the_context_embeddings_are_added_to_every_input(int vocabulary, int embedding, int hidden, int layers, int contextLength)
    {
        var weights = RandomWeights(vocabulary, embedding, hidden, layers, seed: vocabulary * 100 + hidden + 7);
        var network = new LstmNetwork(vocabulary, embedding, hidden, layers, weights, contextAtEveryStep: true);
        var plain = new LstmNetwork(vocabulary, embedding, hidden, layers, weights);
        var random = new SynthRandom(vocabulary);
        var prefixes = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, contextLength + 1 + random.NextInt(6)).Select(_ => random.NextInt(vocabulary)).ToArray()).ToArray();

        var logits = network.NextTokenLogits(prefixes, contextLength);
        var withoutContext = plain.NextTokenLogits(prefixes, contextLength);

        for (var p = 0; p < prefixes.Length; p++)
        {
            var expected = Reference(weights, vocabulary, embedding, hidden, layers, prefixes[p], prefixes[p][..contextLength]);
            for (var v = 0; v < vocabulary; v++) Assert.Equal(expected[v], logits[p * vocabulary + v], 1e-4);
            var unconditioned = Reference(weights, vocabulary, embedding, hidden, layers, prefixes[p]);
            for (var v = 0; v < vocabulary; v++) Assert.Equal(unconditioned[v], withoutContext[p * vocabulary + v], 1e-4);
        }
        Assert.NotEqual(logits, withoutContext);
        // No context tokens: nothing is added.
        Assert.Equal(plain.NextTokenLogits(prefixes), network.NextTokenLogits(prefixes));
    }

    [Fact]
    public void With_context_at_every_step_a_rows_logits_do_not_depend_on_the_rows_batched_with_it()
    {
        const int vocabulary = 30, embedding = 6, hidden = 37, layers = 2, contextLength = 2;
        var network = new LstmNetwork(vocabulary, embedding, hidden, layers, RandomWeights(vocabulary, embedding, hidden, layers, 4), contextAtEveryStep: true);
        var random = new SynthRandom(6);
        var contexts = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, contextLength).Select(_ => random.NextInt(vocabulary)).ToArray()).ToArray();
        var sequences = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextInt(vocabulary)).ToArray()).ToArray();

        var batch = network.NewState(contexts);
        var batchLogits = new float[sequences.Length * network.LogitStride];
        for (var t = 0; t < 4; t++) network.Step(batch, sequences.Select(s => s[t]).ToArray(), batchLogits);

        var alone = network.NewState([contexts[6]]);
        var aloneLogits = new float[network.LogitStride];
        for (var t = 0; t < 4; t++) network.Step(alone, [sequences[6][t]], aloneLogits);
        Assert.Equal(batchLogits.AsSpan(6 * network.LogitStride, vocabulary).ToArray(), aloneLogits.AsSpan(0, vocabulary).ToArray());

        // Dropping rows moves each kept row's context with it.
        var shrinking = network.NewState(contexts);
        var shrinkingLogits = new float[sequences.Length * network.LogitStride];
        network.Step(shrinking, sequences.Select(s => s[0]).ToArray(), []);
        shrinking.Keep([2, 6]);
        for (var t = 1; t < 4; t++) network.Step(shrinking, [sequences[2][t], sequences[6][t]], shrinkingLogits);
        Assert.Equal(aloneLogits.AsSpan(0, vocabulary).ToArray(), shrinkingLogits.AsSpan(network.LogitStride, vocabulary).ToArray());
    }

    [Fact]
    public void A_rows_logits_do_not_depend_on_the_rows_batched_with_it()
    {
        const int vocabulary = 30, embedding = 6, hidden = 37, layers = 2;
        var network = new LstmNetwork(vocabulary, embedding, hidden, layers, RandomWeights(vocabulary, embedding, hidden, layers, 3));
        var random = new SynthRandom(5);
        var sequences = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextInt(vocabulary)).ToArray()).ToArray();

        var batch = network.NewState(sequences.Length);
        var batchLogits = new float[sequences.Length * network.LogitStride];
        for (var t = 0; t < 4; t++) network.Step(batch, sequences.Select(s => s[t]).ToArray(), batchLogits);

        // Row 6 alone, then rows 2 and 6 after dropping the others from a batch: the same bits.
        var alone = network.NewState(1);
        var aloneLogits = new float[network.LogitStride];
        for (var t = 0; t < 4; t++) network.Step(alone, [sequences[6][t]], aloneLogits);
        Assert.Equal(batchLogits.AsSpan(6 * network.LogitStride, vocabulary).ToArray(), aloneLogits.AsSpan(0, vocabulary).ToArray());

        var shrinking = network.NewState(sequences.Length);
        var shrinkingLogits = new float[sequences.Length * network.LogitStride];
        network.Step(shrinking, sequences.Select(s => s[0]).ToArray(), []);
        shrinking.Keep([2, 6]);
        for (var t = 1; t < 4; t++) network.Step(shrinking, [sequences[2][t], sequences[6][t]], shrinkingLogits);
        Assert.Equal(aloneLogits.AsSpan(0, vocabulary).ToArray(), shrinkingLogits.AsSpan(network.LogitStride, vocabulary).ToArray());
    }

    [Fact]
    public void Weights_of_the_wrong_length_or_not_finite_are_refused()
    {
        var count = LstmNetwork.ParameterCount(5, 3, 2, 1);
        Assert.Equal(5 * 3 + (8 * 3 + 8 * 2 + 16) + 5 * 2 + 5, count);
        Assert.Throws<ArgumentException>(() => new LstmNetwork(5, 3, 2, 1, new float[count - 1]));
        var bad = new float[count];
        bad[7] = float.NaN;
        Assert.Throws<ArgumentException>(() => new LstmNetwork(5, 3, 2, 1, bad));
    }

    internal static float[] RandomWeights(int vocabulary, int embedding, int hidden, int layers, long seed, bool contextToOutput = false)
    {
        var random = new SynthRandom(seed);
        var weights = new float[LstmNetwork.ParameterCount(vocabulary, embedding, hidden, layers, contextToOutput)];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextNormal() * 0.6);
        return weights;
    }

    /// <summary>
    /// PyTorch's LSTM, spelled out: gates i, f, g, o from W_ih x + b_ih + W_hh h + b_hh; with <paramref name="context"/>,
    /// the first layer's x at every step is the token's embedding plus the sum of the context tokens' embeddings.
    /// </summary>
    private static double[] Reference(float[] w, int vocabulary, int embedding, int hidden, int layers, int[] tokens, int[]? context = null)
    {
        var at = 0;
        double[,] Matrix(int rows, int cols)
        {
            var m = new double[rows, cols];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < cols; c++) m[r, c] = w[at++];
            return m;
        }
        double[] Vector(int n)
        {
            var v = new double[n];
            for (var i = 0; i < n; i++) v[i] = w[at++];
            return v;
        }
        var emb = Matrix(vocabulary, embedding);
        var wih = new double[layers][,];
        var whh = new double[layers][,];
        var bih = new double[layers][];
        var bhh = new double[layers][];
        for (var l = 0; l < layers; l++)
        {
            wih[l] = Matrix(4 * hidden, l == 0 ? embedding : hidden);
            whh[l] = Matrix(4 * hidden, hidden);
            bih[l] = Vector(4 * hidden);
            bhh[l] = Vector(4 * hidden);
        }
        var wout = Matrix(vocabulary, hidden);
        var bout = Vector(vocabulary);

        var h = new double[layers][];
        var c = new double[layers][];
        for (var l = 0; l < layers; l++) (h[l], c[l]) = (new double[hidden], new double[hidden]);
        static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        foreach (var token in tokens)
        {
            var x = Enumerable.Range(0, embedding).Select(e => emb[token, e] + (context ?? []).Sum(k => emb[k, e])).ToArray();
            for (var l = 0; l < layers; l++)
            {
                var gates = new double[4 * hidden];
                for (var g = 0; g < 4 * hidden; g++)
                {
                    var sum = bih[l][g] + bhh[l][g];
                    for (var i = 0; i < x.Length; i++) sum += wih[l][g, i] * x[i];
                    for (var i = 0; i < hidden; i++) sum += whh[l][g, i] * h[l][i];
                    gates[g] = sum;
                }
                var next = new double[hidden];
                for (var j = 0; j < hidden; j++)
                {
                    c[l][j] = Sigmoid(gates[hidden + j]) * c[l][j] + Sigmoid(gates[j]) * Math.Tanh(gates[2 * hidden + j]);
                    next[j] = Sigmoid(gates[3 * hidden + j]) * Math.Tanh(c[l][j]);
                }
                h[l] = next;
                x = next;
            }
        }
        var logits = new double[vocabulary];
        for (var v = 0; v < vocabulary; v++)
        {
            logits[v] = bout[v];
            for (var j = 0; j < hidden; j++) logits[v] += wout[v, j] * h[layers - 1][j];
        }
        return logits;
    }
}
