namespace SynthFixtures.Models.Neural;

/// <summary>
/// CTGAN's generator block: ReLU(BatchNorm(Linear(x))) concatenated with x, so the output is
/// <c>linear.OutputWidth + x's width</c> wide and later blocks still see the noise and condition vector.
/// </summary>
public sealed class ResidualLayer : NeuralLayer
{
    private readonly LinearLayer _linear;
    private readonly BatchNormLayer _batchNorm;
    private readonly ActivationLayer _relu;

    /// <summary>Creates the block from its linear and batch-norm parts.</summary>
    public ResidualLayer(LinearLayer linear, BatchNormLayer batchNorm)
    {
        ArgumentNullException.ThrowIfNull(linear);
        ArgumentNullException.ThrowIfNull(batchNorm);
        if (batchNorm.InputWidth != linear.OutputWidth) throw new ArgumentException("BatchNorm width must equal the linear layer's output width.", nameof(batchNorm));
        _linear = linear;
        _batchNorm = batchNorm;
        _relu = new ActivationLayer(linear.OutputWidth, Activation.ReLU);
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
        var hidden = _linear.OutputWidth;
        var buffer = new float[rows * hidden];
        var normalised = new float[rows * hidden];
        _linear.Forward(input, buffer, rows);
        _batchNorm.Forward(buffer, normalised, rows);
        _relu.Forward(normalised, buffer, rows);
        for (var row = 0; row < rows; row++)
        {
            var y = output.Slice(row * OutputWidth, OutputWidth);
            buffer.AsSpan(row * hidden, hidden).CopyTo(y);
            input.Slice(row * InputWidth, InputWidth).CopyTo(y[hidden..]);
        }
    }
}
