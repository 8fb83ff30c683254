namespace SynthFixtures.Models.Neural;

/// <summary>
/// BatchNorm1d in inference mode: y = (x − running mean) / √(running var + ε) · γ + β, per feature. Computed in the
/// same order as PyTorch's CPU kernel would round it closely enough for 1e-5 parity; the per-feature scale is precomputed.
/// </summary>
public sealed class BatchNormLayer : NeuralLayer
{
    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _shift;
    private readonly float[] _weight, _bias, _variance;   // as given, for export

    /// <summary>Creates the layer from PyTorch's parameters and buffers.</summary>
    /// <param name="width">Features.</param>
    /// <param name="weight">γ.</param>
    /// <param name="bias">β.</param>
    /// <param name="runningMean">The running mean buffer.</param>
    /// <param name="runningVariance">The running variance buffer (non-negative).</param>
    /// <param name="epsilon">PyTorch's default is 1e-5.</param>
    public BatchNormLayer(int width, float[] weight, float[] bias, float[] runningMean, float[] runningVariance, double epsilon = 1e-5)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width));
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon));
        InputWidth = width;
        _weight = (float[])Checked(weight, width, nameof(weight)).Clone();
        _shift = (float[])Checked(bias, width, nameof(bias)).Clone();
        _bias = (float[])_shift.Clone();
        _mean = (float[])Checked(runningMean, width, nameof(runningMean)).Clone();
        _variance = (float[])Checked(runningVariance, width, nameof(runningVariance)).Clone();
        _scale = new float[width];
        for (var i = 0; i < width; i++)
        {
            if (runningVariance[i] < 0) throw new ArgumentException("A running variance is negative.", nameof(runningVariance));
            _scale[i] = (float)(weight[i] / Math.Sqrt(runningVariance[i] + epsilon));
        }
        Epsilon = epsilon;
    }

    /// <inheritdoc />
    public override int InputWidth { get; }

    /// <inheritdoc />
    public override int OutputWidth => InputWidth;

    /// <summary>ε added to the variance.</summary>
    public double Epsilon { get; }

    /// <summary>γ.</summary>
    public ReadOnlySpan<float> Weight => _weight;

    /// <summary>β.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <summary>The running mean.</summary>
    public ReadOnlySpan<float> RunningMean => _mean;

    /// <summary>The running variance.</summary>
    public ReadOnlySpan<float> RunningVariance => _variance;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        var width = InputWidth;
        for (var row = 0; row < rows; row++)
        {
            var x = input.Slice(row * width, width);
            var y = output.Slice(row * width, width);
            System.Numerics.Tensors.TensorPrimitives.Subtract(x, _mean, y);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(y, _scale, _shift, y);
        }
    }
}
