using System.Numerics.Tensors;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>
/// The PAR step model's network in pure C#: stacked GRU layers and a linear output layer, the forward pass of PyTorch's
/// <c>nn.GRU</c> (gates r, z, n as libtorch stacks them) and <c>nn.Linear</c>, one step of one sequence at a time:
/// <c>r = σ(W_ir x + b_ir + W_hr h + b_hr)</c>, <c>z = σ(W_iz x + b_iz + W_hz h + b_hz)</c>,
/// <c>n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</c>, <c>h′ = (1 − z) ⊙ n + z ⊙ h</c>. Each layer's input is the layer
/// below's new state. The output reads the top layer's state and, through a linear skip <c>W_s x</c> (no bias), the
/// step's input itself: the previous step's values then reach the next step's distribution linearly, as an
/// autoregression's do, rather than only through the saturating gates.
/// </summary>
public sealed class GruNetwork
{
    private readonly float[] _weights;
    private readonly int[] _weightIh;
    private readonly int[] _weightHh;
    private readonly int[] _biasIh;
    private readonly int[] _biasHh;
    private readonly int _outputWeight;
    private readonly int _outputBias;
    private readonly int _skipWeight;

    /// <summary>A network of the given shape and weights.</summary>
    /// <param name="inputWidth">Inputs per step.</param>
    /// <param name="hiddenWidth">State width (H).</param>
    /// <param name="layers">GRU layers.</param>
    /// <param name="outputWidth">Outputs per step.</param>
    /// <param name="weights">
    /// float32 tensors, row-major, in this order: per layer l, weight_ih <c>[3H × in]</c> (in = inputs for layer 0, else H),
    /// weight_hh <c>[3H × H]</c>, bias_ih <c>[3H]</c>, bias_hh <c>[3H]</c>; then the output weight <c>[out × H]</c> and bias
    /// <c>[out]</c>, and the skip weight <c>[out × inputs]</c> (<see cref="ParameterCount"/> floats).
    /// </param>
    /// <exception cref="ArgumentException">A width is not positive, or the weights have the wrong length or a non-finite value.</exception>
    public GruNetwork(int inputWidth, int hiddenWidth, int layers, int outputWidth, float[] weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputWidth, 1);
        ArgumentNullException.ThrowIfNull(weights);
        var expected = ParameterCount(inputWidth, hiddenWidth, layers, outputWidth);
        if (weights.Length != expected)
            throw new ArgumentException($"A GRU of {inputWidth} inputs, H={hiddenWidth}, {layers} layer(s) and {outputWidth} outputs has {expected} weights, not {weights.Length}.", nameof(weights));
        for (var i = 0; i < weights.Length; i++)
            if (!float.IsFinite(weights[i])) throw new ArgumentException($"Weight {i} is {weights[i]}.", nameof(weights));
        (InputWidth, HiddenWidth, Layers, OutputWidth, _weights) = (inputWidth, hiddenWidth, layers, outputWidth, weights);
        (_weightIh, _weightHh, _biasIh, _biasHh) = (new int[layers], new int[layers], new int[layers], new int[layers]);
        var gates = 3 * hiddenWidth;
        var at = 0;
        for (var l = 0; l < layers; l++)
        {
            _weightIh[l] = at;
            at += gates * (l == 0 ? inputWidth : hiddenWidth);
            _weightHh[l] = at;
            at += gates * hiddenWidth;
            _biasIh[l] = at;
            at += gates;
            _biasHh[l] = at;
            at += gates;
        }
        _outputWeight = at;
        _outputBias = at + outputWidth * hiddenWidth;
        _skipWeight = _outputBias + outputWidth;
    }

    /// <summary>Inputs per step.</summary>
    public int InputWidth { get; }

    /// <summary>State width (H).</summary>
    public int HiddenWidth { get; }

    /// <summary>GRU layers.</summary>
    public int Layers { get; }

    /// <summary>Outputs per step.</summary>
    public int OutputWidth { get; }

    /// <summary>The weights in the constructor's layout.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Floats in the weights of a network of this shape.</summary>
    public static int ParameterCount(int inputWidth, int hiddenWidth, int layers, int outputWidth)
    {
        long gates = 3L * hiddenWidth;
        var count = (long)outputWidth * hiddenWidth + outputWidth + (long)outputWidth * inputWidth;
        for (var l = 0; l < layers; l++) count += gates * ((l == 0 ? inputWidth : hiddenWidth) + hiddenWidth + 2);
        if (count > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(hiddenWidth), $"A GRU of {count} weights is too large.");
        return (int)count;
    }

    /// <summary>A zero state (PyTorch's default h₀ = 0) for one sequence.</summary>
    public GruState NewState() => new(Layers, HiddenWidth);

    /// <summary>Feeds <paramref name="input"/> to <paramref name="state"/> and writes the step's outputs to <paramref name="output"/>.</summary>
    public void Step(GruState state, ReadOnlySpan<float> input, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (input.Length != InputWidth) throw new ArgumentException($"{InputWidth} inputs are needed, not {input.Length}.", nameof(input));
        if (output.Length != OutputWidth) throw new ArgumentException($"Room for {OutputWidth} outputs is needed.", nameof(output));
        var h = HiddenWidth;
        var weights = _weights.AsSpan();
        ReadOnlySpan<float> x = input;
        for (var l = 0; l < Layers; l++)
        {
            var inputs = l == 0 ? InputWidth : h;
            var hidden = state.Hidden[l];
            Affine(weights.Slice(_weightIh[l], 3 * h * inputs), weights.Slice(_biasIh[l], 3 * h), x, state.InputGates);
            Affine(weights.Slice(_weightHh[l], 3 * h * h), weights.Slice(_biasHh[l], 3 * h), hidden, state.HiddenGates);
            for (var k = 0; k < h; k++)
            {
                var r = Sigmoid(state.InputGates[k] + state.HiddenGates[k]);
                var z = Sigmoid(state.InputGates[h + k] + state.HiddenGates[h + k]);
                var n = MathF.Tanh(state.InputGates[2 * h + k] + r * state.HiddenGates[2 * h + k]);
                hidden[k] = (1 - z) * n + z * hidden[k];
            }
            x = hidden;
        }
        Affine(weights.Slice(_outputWeight, OutputWidth * h), weights.Slice(_outputBias, OutputWidth), x, output);
        var skip = weights.Slice(_skipWeight, OutputWidth * InputWidth);
        for (var o = 0; o < output.Length; o++) output[o] += TensorPrimitives.Dot(skip.Slice(o * InputWidth, InputWidth), input);
    }

    /// <summary>y = W x + b for W <c>[y.Length × x.Length]</c> row-major.</summary>
    private static void Affine(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> y)
    {
        var n = x.Length;
        for (var o = 0; o < y.Length; o++) y[o] = bias[o] + TensorPrimitives.Dot(weight.Slice(o * n, n), x);
    }

    private static float Sigmoid(float x) => 1 / (1 + MathF.Exp(-x));
}

/// <summary>One sequence's GRU state (zero at the start) and the scratch its steps use.</summary>
public sealed class GruState
{
    internal GruState(int layers, int hiddenWidth)
    {
        var hidden = new float[layers][];
        for (var l = 0; l < layers; l++) hidden[l] = new float[hiddenWidth];
        Hidden = hidden;
        InputGates = new float[3 * hiddenWidth];
        HiddenGates = new float[3 * hiddenWidth];
    }

    /// <summary>Each layer's state.</summary>
    public IReadOnlyList<float[]> Hidden { get; }

    internal float[] InputGates { get; }

    internal float[] HiddenGates { get; }
}
