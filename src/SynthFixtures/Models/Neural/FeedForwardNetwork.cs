namespace SynthFixtures.Models.Neural;

/// <summary>
/// Layers applied in order, batched: the pure-C# forward pass that samples a trained generator or decoder without
/// TorchSharp. Thread-safe (layers hold no per-call state), so blocks of rows can run in parallel.
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

    /// <summary>Runs <paramref name="rows"/> row-major input rows through every layer; returns <c>rows × OutputWidth</c> floats.</summary>
    public float[] Forward(ReadOnlySpan<float> input, int rows)
    {
        var current = input.Slice(0, rows * InputWidth).ToArray();
        foreach (var layer in Layers)
        {
            var next = new float[rows * layer.OutputWidth];
            layer.Forward(current, next, rows);
            current = next;
        }
        return current;
    }
}
