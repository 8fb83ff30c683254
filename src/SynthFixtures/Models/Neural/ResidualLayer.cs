namespace SynthFixtures.Models.Neural;

/// <summary>
/// CTGAN's generator block: ReLU(BatchNorm(Linear(x))) concatenated with x, so the output is
/// <c>linear.OutputWidth + x's width</c> wide and later blocks still see the noise and condition vector.
/// </summary>
public sealed class ResidualLayer : NeuralLayer
{
    private readonly LinearLayer _linear;
    private readonly BatchNormLayer _batchNorm;
    private readonly LinearLayer _folded;   // BatchNorm's inference-time affine map folded into the linear layer

    /// <summary>Creates the block from its linear and batch-norm parts.</summary>
    public ResidualLayer(LinearLayer linear, BatchNormLayer batchNorm)
    {
        ArgumentNullException.ThrowIfNull(linear);
        ArgumentNullException.ThrowIfNull(batchNorm);
        if (batchNorm.InputWidth != linear.OutputWidth) throw new ArgumentException("BatchNorm width must equal the linear layer's output width.", nameof(batchNorm));
        _linear = linear;
        _batchNorm = batchNorm;
        _folded = Fold(linear, batchNorm);
    }

    /// <summary>The block's linear part.</summary>
    public LinearLayer Linear => _linear;

    /// <summary>The block's batch normalisation.</summary>
    public BatchNormLayer BatchNorm => _batchNorm;

    /// <inheritdoc />
    public override int InputWidth => _linear.InputWidth;

    /// <inheritdoc />
    public override int OutputWidth => _linear.OutputWidth + _linear.InputWidth;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        // ReLU(BN(Wx + b)) lands straight in the first columns of each output row, x is copied behind it: no buffers.
        var hidden = _linear.OutputWidth;
        _folded.ForwardStrided(input, output, OutputWidth, rows, relu: true);
        for (var row = 0; row < rows; row++)
            input.Slice(row * InputWidth, InputWidth).CopyTo(output.Slice(row * OutputWidth + hidden, InputWidth));
    }

    /// <summary>
    /// In inference BN(y) = s ⊙ (y − μ) + β with s = γ / √(σ² + ε), so BN(Wx + b) = (s ⊙ W) x + s ⊙ (b − μ) + β: one
    /// linear layer. Computed in double, it agrees with the two-step form to float rounding.
    /// </summary>
    private static LinearLayer Fold(LinearLayer linear, BatchNormLayer norm)
    {
        var (inputs, outputs) = (linear.InputWidth, linear.OutputWidth);
        var weight = new float[inputs * outputs];
        var bias = new float[outputs];
        for (var o = 0; o < outputs; o++)
        {
            var scale = norm.Weight[o] / Math.Sqrt(norm.RunningVariance[o] + norm.Epsilon);
            for (var i = 0; i < inputs; i++) weight[o * inputs + i] = (float)(scale * linear.Weight[o * inputs + i]);
            bias[o] = (float)(scale * (linear.Bias[o] - norm.RunningMean[o]) + norm.Bias[o]);
        }
        return new LinearLayer(inputs, outputs, weight, bias);
    }
}
