namespace SynthFixtures.Models.Neural;

/// <summary>
/// Writes a <see cref="FeedForwardNetwork"/> as a <see cref="NetworkLayout"/> and one float32 array (each layer's
/// weights in order, PyTorch layout), and reads it back, checking that the payload has exactly the floats the layout
/// needs and that every value is finite. Reading instantiates only the fixed layer types, whatever the file says.
/// </summary>
public static class NetworkCodec
{
    /// <summary>The layout and weights of <paramref name="network"/>.</summary>
    public static (NetworkLayout Layout, float[] Weights) Write(FeedForwardNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layouts = new List<LayerLayout>();
        var weights = new List<float>();
        foreach (var layer in network.Layers)
        {
            switch (layer)
            {
                case LinearLayer linear:
                    layouts.Add(new LayerLayout { Kind = LayerKind.Linear, InputWidth = linear.InputWidth, HiddenWidth = linear.OutputWidth });
                    AddLinear(weights, linear);
                    break;
                case BatchNormLayer norm:
                    layouts.Add(new LayerLayout { Kind = LayerKind.BatchNorm, InputWidth = norm.InputWidth, Epsilon = norm.Epsilon });
                    AddBatchNorm(weights, norm);
                    break;
                case ResidualLayer residual:
                    layouts.Add(new LayerLayout
                    {
                        Kind = LayerKind.Residual, InputWidth = residual.InputWidth, HiddenWidth = residual.Linear.OutputWidth,
                        Epsilon = residual.BatchNorm.Epsilon,
                    });
                    AddLinear(weights, residual.Linear);
                    AddBatchNorm(weights, residual.BatchNorm);
                    break;
                case ActivationLayer activation:
                    layouts.Add(new LayerLayout
                    {
                        Kind = LayerKind.Activation, InputWidth = activation.InputWidth, Activation = activation.Function,
                        NegativeSlope = activation.NegativeSlope,
                    });
                    break;
                default:
                    throw new NotSupportedException($"{layer.GetType().Name} cannot be written.");
            }
        }
        return (new NetworkLayout { Layers = layouts.ToArray() }, weights.ToArray());
    }

    /// <summary>Rebuilds a network from its layout and weights.</summary>
    /// <exception cref="ArgumentException">The layout is invalid or the weights do not match it.</exception>
    public static FeedForwardNetwork Read(NetworkLayout layout, ReadOnlySpan<float> weights)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Layers is not { Length: > 0 }) throw new ArgumentException("The network has no layers.", nameof(layout));
        var layers = new List<NeuralLayer>();
        var at = 0;
        foreach (var spec in layout.Layers)
        {
            if (spec is null || spec.InputWidth < 1) throw new ArgumentException("A layer has no valid input width.", nameof(layout));
            layers.Add(spec.Kind switch
            {
                LayerKind.Linear => ReadLinear(spec.InputWidth, spec.HiddenWidth, weights, ref at),
                LayerKind.BatchNorm => ReadBatchNorm(spec.InputWidth, spec.Epsilon, weights, ref at),
                LayerKind.Residual => new ResidualLayer(ReadLinear(spec.InputWidth, spec.HiddenWidth, weights, ref at),
                    ReadBatchNorm(spec.HiddenWidth, spec.Epsilon, weights, ref at)),
                LayerKind.Activation => new ActivationLayer(spec.InputWidth, spec.Activation, spec.NegativeSlope),
                _ => throw new ArgumentException($"Unknown layer kind {spec.Kind}.", nameof(layout)),
            });
        }
        if (at != weights.Length) throw new ArgumentException($"The layout uses {at} weights but {weights.Length} were given.", nameof(weights));
        return new FeedForwardNetwork(layers);
    }

    private static void AddLinear(List<float> weights, LinearLayer linear)
    {
        weights.AddRange(linear.Weight);
        weights.AddRange(linear.Bias);
    }

    private static void AddBatchNorm(List<float> weights, BatchNormLayer norm)
    {
        weights.AddRange(norm.Weight);
        weights.AddRange(norm.Bias);
        weights.AddRange(norm.RunningMean);
        weights.AddRange(norm.RunningVariance);
    }

    private static LinearLayer ReadLinear(int inputWidth, int outputWidth, ReadOnlySpan<float> weights, ref int at)
    {
        if (outputWidth < 1) throw new ArgumentException("A linear layer has no valid output width.");
        var weight = Take(weights, ref at, checked(inputWidth * outputWidth));
        return new LinearLayer(inputWidth, outputWidth, weight, Take(weights, ref at, outputWidth));
    }

    private static BatchNormLayer ReadBatchNorm(int width, double epsilon, ReadOnlySpan<float> weights, ref int at) =>
        new(width, Take(weights, ref at, width), Take(weights, ref at, width), Take(weights, ref at, width), Take(weights, ref at, width), epsilon);

    private static float[] Take(ReadOnlySpan<float> weights, ref int at, int count)
    {
        if (count < 1 || at + count > weights.Length)
            throw new ArgumentException($"The weights end at {weights.Length}, before the layout's next {count} values.", nameof(weights));
        var result = weights.Slice(at, count).ToArray();
        at += count;
        return result;
    }
}
