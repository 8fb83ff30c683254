using System.Buffers;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Layers applied in order, batched: the pure-C# forward pass that samples a trained generator or decoder without
/// TorchSharp. Thread-safe: layers hold no per-call state.
/// </summary>
public sealed class FeedForwardNetwork
{
    /// <summary>Creates the network; each layer's input width must equal the previous layer's output width.</summary>
    public FeedForwardNetwork(IReadOnlyList<NeuralLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        for (var i = 1; i < layers.Count; i++)
            if (layers[i].InputWidth != layers[i - 1].OutputWidth)
                throw new ArgumentException($"Layer {i} takes {layers[i].InputWidth} inputs but layer {i - 1} gives {layers[i - 1].OutputWidth}.", nameof(layers));
        Layers = layers.ToArray();
        _scratchLength = BlockRows * layers.Max(l => Math.Max(l.InputWidth, l.OutputWidth));
        _steps = Plan(Layers);
    }

    /// <summary>Floats in each of a block's two activation buffers.</summary>
    private readonly int _scratchLength;

    /// <summary>What <see cref="ForwardInto"/> runs: the layers, with each linear layer that a ReLU follows doing the ReLU as it stores.</summary>
    private readonly (NeuralLayer Layer, bool ThenRelu)[] _steps;

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<NeuralLayer> Layers { get; }

    /// <summary>Floats per input row.</summary>
    public int InputWidth => Layers[0].InputWidth;

    /// <summary>Floats per output row.</summary>
    public int OutputWidth => Layers[^1].OutputWidth;

    /// <summary>Rows per block: small enough that a block's activations stay in cache between layers.</summary>
    private const int BlockRows = 64;

    /// <summary>
    /// Runs <paramref name="rows"/> row-major input rows through every layer; returns <c>rows × OutputWidth</c> floats.
    /// Blocks of rows run in parallel (up to <paramref name="maxDegreeOfParallelism"/>, -1 for all cores); rows are
    /// independent, so the result is the same for any degree of parallelism.
    /// </summary>
    public float[] Forward(ReadOnlySpan<float> input, int rows, int maxDegreeOfParallelism = 1)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        if (input.Length < rows * InputWidth) throw new ArgumentException($"Expected {rows} × {InputWidth} inputs.", nameof(input));
        var result = new float[rows * OutputWidth];
        if (maxDegreeOfParallelism == 1 || rows <= BlockRows)
        {
            ForwardInto(input, rows, result);
            return result;
        }
        var source = input[..(rows * InputWidth)].ToArray();   // a lambda cannot capture the span
        var blocks = (rows + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, block =>
        {
            var start = block * BlockRows;
            var count = Math.Min(BlockRows, rows - start);
            ForwardInto(source.AsSpan(start * InputWidth, count * InputWidth), count, result.AsSpan(start * OutputWidth, count * OutputWidth));
        });
        return result;
    }

    /// <summary>
    /// The forward pass on the calling thread, into <paramref name="output"/> (<c>rows × OutputWidth</c>), block by
    /// block through two pooled buffers: a sampler calls this once per block of rows, and allocating fresh activations
    /// each time (large-object-heap sizes) made every collection a full one.
    /// </summary>
    internal void ForwardInto(ReadOnlySpan<float> input, int rows, Span<float> output)
    {
        if (rows < 0 || input.Length < rows * InputWidth || output.Length < rows * OutputWidth)
            throw new ArgumentException($"Expected {rows} × {InputWidth} inputs and room for {rows} × {OutputWidth} outputs.");
        var length = _scratchLength;
        var first = ArrayPool<float>.Shared.Rent(length);
        var second = ArrayPool<float>.Shared.Rent(length);
        try
        {
            for (var start = 0; start < rows; start += BlockRows)
            {
                var count = Math.Min(BlockRows, rows - start);
                ReadOnlySpan<float> current = input.Slice(start * InputWidth, count * InputWidth);
                var (into, spare) = (first, second);
                for (var l = 0; l < _steps.Length; l++)
                {
                    var (layer, thenRelu) = _steps[l];
                    // The last step writes straight into the output; the others ping-pong between the buffers.
                    var destination = l == _steps.Length - 1 ? output.Slice(start * OutputWidth, count * OutputWidth) : into.AsSpan(0, count * layer.OutputWidth);
                    if (thenRelu) ((LinearLayer)layer).ForwardStrided(current, destination, layer.OutputWidth, count, relu: true);
                    else layer.Forward(current, destination, count);
                    current = destination;
                    (into, spare) = (spare, into);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(first);
            ArrayPool<float>.Shared.Return(second);
        }
    }

    /// <summary>Fuses each Linear → ReLU pair (TVAE's decoder) into one step: one pass over the activations fewer.</summary>
    private static (NeuralLayer Layer, bool ThenRelu)[] Plan(IReadOnlyList<NeuralLayer> layers)
    {
        var steps = new List<(NeuralLayer, bool)>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var fuse = layers[i] is LinearLayer && i + 1 < layers.Count && layers[i + 1] is ActivationLayer { Function: Activation.ReLU };
            steps.Add((layers[i], fuse));
            if (fuse) i++;
        }
        return steps.ToArray();
    }
}
