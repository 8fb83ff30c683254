namespace SynthFixtures.Models.Neural;

/// <summary>
/// One layer of a pure-C# inference network: a batched map from <see cref="InputWidth"/> to <see cref="OutputWidth"/>
/// floats per row, rows stored one after another (row-major). Layers hold float32 weights in PyTorch's layout, so
/// weights trained with TorchSharp are copied in as they are. Inference only: no gradients, BatchNorm uses running stats.
/// </summary>
public abstract class NeuralLayer
{
    /// <summary>Floats per input row.</summary>
    public abstract int InputWidth { get; }

    /// <summary>Floats per output row.</summary>
    public abstract int OutputWidth { get; }

    /// <summary>Computes <paramref name="rows"/> output rows from as many input rows. Input and output must not overlap.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        if (input.Length < rows * InputWidth) throw new ArgumentException($"Expected {rows} × {InputWidth} inputs.", nameof(input));
        if (output.Length < rows * OutputWidth) throw new ArgumentException($"Expected room for {rows} × {OutputWidth} outputs.", nameof(output));
        ForwardCore(input[..(rows * InputWidth)], output[..(rows * OutputWidth)], rows);
    }

    /// <summary>The layer's computation, with lengths already checked.</summary>
    protected abstract void ForwardCore(ReadOnlySpan<float> input, Span<float> output, int rows);

    /// <summary>Throws unless <paramref name="values"/> has <paramref name="length"/> finite entries.</summary>
    protected static float[] Checked(float[] values, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != length) throw new ArgumentException($"{name} needs {length} values, got {values.Length}.", name);
        foreach (var v in values)
            if (!float.IsFinite(v)) throw new ArgumentException($"{name} holds a non-finite value.", name);
        return values;
    }
}
