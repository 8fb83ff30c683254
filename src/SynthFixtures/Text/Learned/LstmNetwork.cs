using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// The learned text model's language model, in pure C#: token embedding, stacked LSTM layers, a linear layer to
/// next-token logits; the forward pass of PyTorch's <c>nn.Embedding</c>, <c>nn.LSTM</c> (gates i, f, g, o) and
/// <c>nn.Linear</c>. Rows are computed in batches, but each row's arithmetic is the same whichever rows share its batch.
/// With <see cref="ContextAtEveryStep"/>, the first layer's input at every step is the token's embedding plus c, the sum
/// of the embeddings of the row's context tokens (given to <see cref="NewState(IReadOnlyList{int[]})"/>). With
/// <see cref="ContextToOutput"/> as well, every step's logits also add <c>W_co·c</c>: the context moves word choice
/// directly, as a per-row bias over the vocabulary, rather than only through the recurrent state.
/// </summary>
public sealed class LstmNetwork
{
    private readonly float[] _weights;
    private readonly int _gateStride;
    private readonly int _logitStride;

    /// <summary>Per token: the first layer's gate pre-activations from its embedding, biases included (<c>V × gateStride</c>).</summary>
    private readonly float[] _tokenGates;

    /// <summary>Per layer: the input weights, packed; index 0 only with <see cref="ContextAtEveryStep"/> (else folded into the token gates).</summary>
    private readonly PackedWeights?[] _inputWeights;

    /// <summary>Per layer ≥ 1: both biases summed, padded; index 0 unused.</summary>
    private readonly float[][] _gateBias;

    /// <summary>Per layer: the recurrent weights, packed.</summary>
    private readonly PackedWeights[] _hiddenWeights;

    private readonly PackedWeights _outputWeights;
    private readonly float[] _outputBias;

    /// <summary>With <see cref="ContextToOutput"/>: the context's output weights <c>W_co</c> (<c>V × E</c>), packed.</summary>
    private readonly PackedWeights? _contextOutputWeights;

    /// <summary>A network with the given shape and weights.</summary>
    /// <param name="vocabulary">Token ids (V).</param>
    /// <param name="embeddingWidth">Embedding width (E).</param>
    /// <param name="hiddenWidth">LSTM state width (H).</param>
    /// <param name="layers">LSTM layers.</param>
    /// <param name="weights">
    /// float32 tensors, row-major, in this order: embedding <c>[V × E]</c>; per layer l: weight_ih <c>[4H × in]</c>
    /// (in = E for layer 0, else H), weight_hh <c>[4H × H]</c>, bias_ih <c>[4H]</c>, bias_hh <c>[4H]</c>; output weight
    /// <c>[V × H]</c>, output bias <c>[V]</c>; with <paramref name="contextToOutput"/>, the context's output weight
    /// <c>[V × E]</c> (<see cref="ParameterCount"/> floats).
    /// </param>
    /// <param name="contextAtEveryStep">
    /// Whether the first layer's input at every step is the token's embedding plus the sum of the embeddings of the
    /// row's context tokens (<c>W_ih·(emb(token) + c)</c>), rather than the embedding alone.
    /// </param>
    /// <param name="contextToOutput">Whether every step's logits also add <c>W_co·c</c> (needs <paramref name="contextAtEveryStep"/>).</param>
    /// <exception cref="ArgumentException">A width is not positive, the weights have the wrong length or a non-finite value, or the context goes to the output without being added at every step.</exception>
    public LstmNetwork(int vocabulary, int embeddingWidth, int hiddenWidth, int layers, float[] weights, bool contextAtEveryStep = false, bool contextToOutput = false)
    {
        if (contextToOutput && !contextAtEveryStep)
            throw new ArgumentException("The context can go to the output only when it is added at every step.", nameof(contextToOutput));
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabulary, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentNullException.ThrowIfNull(weights);
        var expected = ParameterCount(vocabulary, embeddingWidth, hiddenWidth, layers, contextToOutput);
        if (weights.Length != expected)
            throw new ArgumentException($"An LSTM of V={vocabulary}, E={embeddingWidth}, H={hiddenWidth}, {layers} layer(s){(contextToOutput ? " with context to output" : "")} has {expected} weights, not {weights.Length}.", nameof(weights));
        for (var i = 0; i < weights.Length; i++)
            if (!float.IsFinite(weights[i])) throw new ArgumentException($"Weight {i} is {weights[i]}.", nameof(weights));

        (Vocabulary, EmbeddingWidth, HiddenWidth, Layers, _weights) = (vocabulary, embeddingWidth, hiddenWidth, layers, weights);
        (ContextAtEveryStep, ContextToOutput) = (contextAtEveryStep, contextToOutput);
        var gates = 4 * hiddenWidth;
        _gateStride = BatchedLinear.StrideOf(gates);
        _logitStride = BatchedLinear.StrideOf(vocabulary);
        _inputWeights = new PackedWeights?[layers];
        _gateBias = new float[layers][];
        _hiddenWeights = new PackedWeights[layers];

        var span = weights.AsSpan();
        var embedding = span[..(vocabulary * embeddingWidth)];
        var at = embedding.Length;
        for (var l = 0; l < layers; l++)
        {
            var inputs = l == 0 ? embeddingWidth : hiddenWidth;
            var weightIh = span.Slice(at, gates * inputs);
            at += weightIh.Length;
            var weightHh = span.Slice(at, gates * hiddenWidth);
            at += weightHh.Length;
            var biasIh = span.Slice(at, gates);
            at += gates;
            var biasHh = span.Slice(at, gates);
            at += gates;
            _inputWeights[l] = new PackedWeights(weightIh, gates, inputs);
            _hiddenWeights[l] = new PackedWeights(weightHh, gates, hiddenWidth);
            _gateBias[l] = new float[_gateStride];
            for (var g = 0; g < gates; g++) _gateBias[l][g] = biasIh[g] + biasHh[g];
        }
        _outputWeights = new PackedWeights(span.Slice(at, vocabulary * hiddenWidth), vocabulary, hiddenWidth);
        at += vocabulary * hiddenWidth;
        _outputBias = new float[_logitStride];
        span.Slice(at, vocabulary).CopyTo(_outputBias);
        at += vocabulary;
        if (contextToOutput) _contextOutputWeights = new PackedWeights(span.Slice(at, vocabulary * embeddingWidth), vocabulary, embeddingWidth);

        // The first layer's input is one of V embeddings, so its input-to-gates product is computed once per token.
        _tokenGates = new float[vocabulary * _gateStride];
        for (var v = 0; v < vocabulary; v++) _gateBias[0].CopyTo(_tokenGates, v * _gateStride);
        BatchedLinear.Accumulate(_inputWeights[0]!, embedding, _tokenGates, vocabulary);
        // The context's term W_ih·c is computed once per row (NewState), so the first layer's weights are kept for it.
        if (!contextAtEveryStep) _inputWeights[0] = null;
    }

    /// <summary>Whether every step's input adds the sum of the row's context embeddings to the token's embedding.</summary>
    public bool ContextAtEveryStep { get; }

    /// <summary>Whether every step's logits add a linear map of the sum of the row's context embeddings.</summary>
    public bool ContextToOutput { get; }

    /// <summary>Token ids (V).</summary>
    public int Vocabulary { get; }

    /// <summary>Embedding width (E).</summary>
    public int EmbeddingWidth { get; }

    /// <summary>LSTM state width (H).</summary>
    public int HiddenWidth { get; }

    /// <summary>LSTM layers.</summary>
    public int Layers { get; }

    /// <summary>The weights in the constructor's layout.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Floats in the weights of an LSTM of this shape.</summary>
    public static int ParameterCount(int vocabulary, int embeddingWidth, int hiddenWidth, int layers, bool contextToOutput = false)
    {
        long gates = 4L * hiddenWidth;
        var count = (long)vocabulary * embeddingWidth * (contextToOutput ? 2 : 1) + (long)vocabulary * hiddenWidth + vocabulary;
        for (var l = 0; l < layers; l++) count += gates * ((l == 0 ? embeddingWidth : hiddenWidth) + hiddenWidth + 2);
        if (count > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(vocabulary), $"An LSTM of {count} weights is too large.");
        return (int)count;
    }

    /// <summary>Zero states (PyTorch's default h₀ = c₀ = 0) for <paramref name="rows"/> rows without context.</summary>
    public LstmState NewState(int rows) => new(Layers, HiddenWidth, rows);

    /// <summary>
    /// Zero states for one row per entry of <paramref name="contexts"/> (each row's context token ids, all of one
    /// length). With <see cref="ContextAtEveryStep"/>, each row keeps <c>W_ih·c</c>, c the sum of its context tokens'
    /// embeddings (in order), which every <see cref="Step"/> adds to the first layer's gates; without, the contexts are
    /// not used here (the caller feeds them as prefix tokens either way). With <see cref="ContextToOutput"/>, each row
    /// also keeps <c>W_co·c</c>, which every <see cref="Step"/> adds to its logits.
    /// </summary>
    public LstmState NewState(IReadOnlyList<int[]> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var state = new LstmState(Layers, HiddenWidth, contexts.Count);
        if (!ContextAtEveryStep || contexts.Count == 0 || contexts[0].Length == 0) return state;
        var e = EmbeddingWidth;
        var sum = new float[e];
        var gates = state.SetContextGates(_gateStride);
        var contextLogits = _contextOutputWeights is null ? null : state.SetContextLogits(_logitStride);
        for (var r = 0; r < contexts.Count; r++)
        {
            var context = contexts[r];
            if (context.Length != contexts[0].Length) throw new ArgumentException("Every row needs the same number of context tokens.", nameof(contexts));
            Array.Clear(sum);
            foreach (var token in context)
            {
                if ((uint)token >= (uint)Vocabulary) throw new ArgumentOutOfRangeException(nameof(contexts), token, $"Token ids run from 0 to {Vocabulary - 1}.");
                var embedding = _weights.AsSpan(token * e, e);
                for (var k = 0; k < e; k++) sum[k] += embedding[k];
            }
            // One row at a time: the same fused chain for a row whichever rows share its batch.
            BatchedLinear.Accumulate(_inputWeights[0]!, sum, gates.AsSpan(r * _gateStride, _gateStride), 1);
            if (contextLogits is not null) BatchedLinear.Accumulate(_contextOutputWeights!, sum, contextLogits.AsSpan(r * _logitStride, _logitStride), 1);
        }
        return state;
    }

    /// <summary>The padded width of one row of <see cref="Step"/>'s logits.</summary>
    public int LogitStride => _logitStride;

    /// <summary>
    /// Feeds token <c>tokens[r]</c> to row r of <paramref name="state"/> (rows 0 … <c>state.Rows</c> − 1) and, unless
    /// <paramref name="logits"/> is empty, writes each row's next-token logits to <c>logits[r · LogitStride …]</c>.
    /// </summary>
    public void Step(LstmState state, ReadOnlySpan<int> tokens, Span<float> logits)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rows = state.Rows;
        if (tokens.Length < rows) throw new ArgumentException($"{rows} tokens are needed.", nameof(tokens));
        if (!logits.IsEmpty && logits.Length < rows * _logitStride) throw new ArgumentException($"{rows * _logitStride} logits are needed.", nameof(logits));
        var h = HiddenWidth;
        var gates = state.Gates(_gateStride);
        for (var l = 0; l < Layers; l++)
        {
            var hidden = state.Hidden[l];
            if (l == 0)
                for (var r = 0; r < rows; r++)
                {
                    var token = tokens[r];
                    if ((uint)token >= (uint)Vocabulary) throw new ArgumentOutOfRangeException(nameof(tokens), token, $"Token ids run from 0 to {Vocabulary - 1}.");
                    _tokenGates.AsSpan(token * _gateStride, _gateStride).CopyTo(gates.AsSpan(r * _gateStride));
                    if (state.ContextGates is { } context)
                        TensorPrimitives.Add(gates.AsSpan(r * _gateStride, _gateStride), context.AsSpan(r * _gateStride, _gateStride), gates.AsSpan(r * _gateStride, _gateStride));
                }
            else
            {
                for (var r = 0; r < rows; r++) _gateBias[l].CopyTo(gates, r * _gateStride);
                BatchedLinear.Accumulate(_inputWeights[l]!, state.Hidden[l - 1], gates, rows);
            }
            BatchedLinear.Accumulate(_hiddenWeights[l], hidden, gates, rows);
            for (var r = 0; r < rows; r++)
                LstmCell.Update(gates.AsSpan(r * _gateStride, 4 * h), hidden.AsSpan(r * h, h), state.Cell[l].AsSpan(r * h, h));
        }
        if (logits.IsEmpty) return;
        for (var r = 0; r < rows; r++) _outputBias.CopyTo(logits[(r * _logitStride)..]);
        BatchedLinear.Accumulate(_outputWeights, state.Hidden[Layers - 1], logits, rows);
        if (state.ContextLogits is { } bias)
            TensorPrimitives.Add(logits[..(rows * _logitStride)], bias.AsSpan(0, rows * _logitStride), logits[..(rows * _logitStride)]);
    }

    /// <summary>
    /// The next-token logits after each prefix, fed from the zero state (<c>[prefixes × V]</c>, row-major): what
    /// PyTorch's forward pass gives at each prefix's last position. The first <paramref name="contextLength"/> tokens
    /// of each prefix are its context tokens (with <see cref="ContextAtEveryStep"/>, also added at every step).
    /// </summary>
    public float[] NextTokenLogits(IReadOnlyList<int[]> prefixes, int contextLength = 0)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        ArgumentOutOfRangeException.ThrowIfNegative(contextLength);
        var result = new float[prefixes.Count * Vocabulary];
        var logits = new float[_logitStride];
        for (var p = 0; p < prefixes.Count; p++)
        {
            if (prefixes[p].Length == 0) throw new ArgumentException("A prefix needs at least one token.", nameof(prefixes));
            if (prefixes[p].Length < contextLength) throw new ArgumentException($"Prefix {p} is shorter than its {contextLength} context tokens.", nameof(prefixes));
            var state = NewState([prefixes[p][..contextLength]]);
            for (var t = 0; t < prefixes[p].Length; t++)
                Step(state, prefixes[p].AsSpan(t, 1), t == prefixes[p].Length - 1 ? logits : []);
            logits.AsSpan(0, Vocabulary).CopyTo(result.AsSpan(p * Vocabulary));
        }
        return result;
    }
}

/// <summary>The LSTM's hidden and cell states of a batch of rows (zero at the start).</summary>
public sealed class LstmState
{
    private float[] _gates = [];

    internal LstmState(int layers, int hiddenWidth, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        (Rows, HiddenWidth) = (rows, hiddenWidth);
        Hidden = new float[layers][];
        Cell = new float[layers][];
        for (var l = 0; l < layers; l++)
        {
            Hidden[l] = new float[rows * hiddenWidth];
            Cell[l] = new float[rows * hiddenWidth];
        }
    }

    /// <summary>Rows in the batch.</summary>
    public int Rows { get; private set; }

    internal int HiddenWidth { get; }

    /// <summary>Per layer, the hidden state h of each row (<c>rows × H</c>).</summary>
    internal float[][] Hidden { get; }

    /// <summary>Per layer, the cell state c of each row (<c>rows × H</c>).</summary>
    internal float[][] Cell { get; }

    /// <summary>Per row, <c>W_ih·c</c> of its context (padded to the gate stride); <c>null</c>: no context added at each step.</summary>
    internal float[]? ContextGates { get; private set; }

    private int _contextStride;

    /// <summary>Per row, <c>W_co·c</c> of its context (padded to the logit stride); <c>null</c>: the context does not go to the output.</summary>
    internal float[]? ContextLogits { get; private set; }

    private int _logitStride;

    internal float[] SetContextGates(int stride)
    {
        _contextStride = stride;
        return ContextGates = new float[Rows * stride];
    }

    internal float[] SetContextLogits(int stride)
    {
        _logitStride = stride;
        return ContextLogits = new float[Rows * stride];
    }

    /// <summary>Row r's hidden state in layer <paramref name="layer"/>.</summary>
    public ReadOnlySpan<float> HiddenOf(int layer, int row) => Hidden[layer].AsSpan(row * HiddenWidth, HiddenWidth);

    /// <summary>Keeps only rows <paramref name="keep"/> (ascending), moved to the front in that order.</summary>
    public void Keep(ReadOnlySpan<int> keep)
    {
        var h = HiddenWidth;
        for (var j = 0; j < keep.Length; j++)
        {
            if (keep[j] < j || keep[j] >= Rows || (j > 0 && keep[j] <= keep[j - 1])) throw new ArgumentException("Rows to keep must ascend within the batch.", nameof(keep));
            if (keep[j] == j) continue;
            for (var l = 0; l < Hidden.Length; l++)
            {
                Hidden[l].AsSpan(keep[j] * h, h).CopyTo(Hidden[l].AsSpan(j * h, h));
                Cell[l].AsSpan(keep[j] * h, h).CopyTo(Cell[l].AsSpan(j * h, h));
            }
            if (ContextGates is { } gates)
            {
                var stride = _contextStride;
                gates.AsSpan(keep[j] * stride, stride).CopyTo(gates.AsSpan(j * stride, stride));
            }
            if (ContextLogits is { } bias)
                bias.AsSpan(keep[j] * _logitStride, _logitStride).CopyTo(bias.AsSpan(j * _logitStride, _logitStride));
        }
        Rows = keep.Length;
    }

    internal float[] Gates(int stride)
    {
        if (_gates.Length < Rows * stride) _gates = new float[Rows * stride];
        return _gates;
    }
}

/// <summary>The LSTM cell's update from its gate pre-activations, vectorised; every row runs the same instructions.</summary>
internal static class LstmCell
{
    /// <summary>c ← σ(f) c + σ(i) tanh(g), h ← σ(o) tanh(c), with <paramref name="gates"/> = [i | f | g | o].</summary>
    public static void Update(Span<float> gates, Span<float> hidden, Span<float> cell)
    {
        var h = hidden.Length;
        var i = gates[..h];
        var f = gates.Slice(h, h);
        var g = gates.Slice(2 * h, h);
        var o = gates.Slice(3 * h, h);
        var k = 0;
        for (; k + Vector256<float>.Count <= h; k += Vector256<float>.Count)
        {
            var c = Sigmoid(Vector256.Create(f[k..])) * Vector256.Create(cell[k..]) + Sigmoid(Vector256.Create(i[k..])) * Tanh(Vector256.Create(g[k..]));
            c.CopyTo(cell[k..]);
            (Sigmoid(Vector256.Create(o[k..])) * Tanh(c)).CopyTo(hidden[k..]);
        }
        for (; k < h; k++)
        {
            // The tail uses the same vector functions on a broadcast value, so it matches the vector lanes bit for bit.
            var c = Sigmoid(Vector256.Create(f[k])) * Vector256.Create(cell[k]) + Sigmoid(Vector256.Create(i[k])) * Tanh(Vector256.Create(g[k]));
            cell[k] = c.ToScalar();
            hidden[k] = (Sigmoid(Vector256.Create(o[k])) * Tanh(c)).ToScalar();
        }
    }

    private static Vector256<float> Sigmoid(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-x));

    /// <summary>tanh x = 1 − 2 / (e^{2x} + 1): exact at ±∞ (no ∞/∞), and as accurate as e^x near 0 for a model's purposes.</summary>
    private static Vector256<float> Tanh(Vector256<float> x) =>
        Vector256<float>.One - Vector256.Create(2f) / (Vector256.Exp(x + x) + Vector256<float>.One);
}
