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
    }

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
        var source = input[..(rows * InputWidth)].ToArray();
        var result = new float[rows * OutputWidth];
        var blocks = (rows + BlockRows - 1) / BlockRows;
        var widest = Layers.Max(l => l.OutputWidth);
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => (new float[BlockRows * Math.Max(widest, InputWidth)], new float[BlockRows * Math.Max(widest, InputWidth)]),
            (block, _, buffers) =>
            {
                var start = block * BlockRows;
                var count = Math.Min(BlockRows, rows - start);
                var (current, next) = buffers;
                source.AsSpan(start * InputWidth, count * InputWidth).CopyTo(current);
                foreach (var layer in Layers)
                {
                    layer.Forward(current, next, count);
                    (current, next) = (next, current);
                }
                current.AsSpan(0, count * OutputWidth).CopyTo(result.AsSpan(start * OutputWidth));
                return buffers;
            },
            _ => { });
        return result;
    }
}
