using System.Numerics.Tensors;

namespace SynthFixtures.Models.Neural;

/// <summary>y = W x + b, with W stored as PyTorch stores it: <c>[out, in]</c>, row-major.</summary>
public sealed class LinearLayer : NeuralLayer
{
    private readonly float[] _weight;
    private readonly float[] _bias;

    /// <summary>Creates the layer from PyTorch-layout weights.</summary>
    /// <param name="inputWidth">Input features.</param>
    /// <param name="outputWidth">Output features.</param>
    /// <param name="weight"><c>outputWidth × inputWidth</c> values, row-major.</param>
    /// <param name="bias"><c>outputWidth</c> values.</param>
    public LinearLayer(int inputWidth, int outputWidth, float[] weight, float[] bias)
    {
        if (inputWidth < 1 || outputWidth < 1) throw new ArgumentOutOfRangeException(nameof(inputWidth), "Widths must be positive.");
        InputWidth = inputWidth;
        OutputWidth = outputWidth;
        _weight = Checked(weight, inputWidth * outputWidth, nameof(weight));
        _bias = Checked(bias, outputWidth, nameof(bias));
    }

    /// <inheritdoc />
    public override int InputWidth { get; }

    /// <inheritdoc />
    public override int OutputWidth { get; }

    /// <summary>The weights, <c>[out, in]</c> row-major.</summary>
    public ReadOnlySpan<float> Weight => _weight;

    /// <summary>The bias.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        // Each output is a SIMD dot product of a contiguous weight row with a contiguous input row.
        for (var row = 0; row < rows; row++)
        {
            var x = input.Slice(row * InputWidth, InputWidth);
            var y = output.Slice(row * OutputWidth, OutputWidth);
            for (var o = 0; o < y.Length; o++)
                y[o] = TensorPrimitives.Dot(_weight.AsSpan(o * InputWidth, InputWidth), x) + _bias[o];
        }
    }
}
