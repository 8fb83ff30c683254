using SynthFixtures.Models.Neural;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Networks;

/// <summary>
/// Copies a trained TorchSharp network into the runtime's pure-C# <see cref="FeedForwardNetwork"/> (float32 weights in
/// PyTorch's layout), so sampling needs no TorchSharp. Supports the layers CTGAN and TVAE use; dropout is the identity
/// at inference and is skipped. Anything else is an error rather than a silently different network.
/// </summary>
public static class NetworkExport
{
    /// <summary>Exports the layers of <paramref name="network"/> in order (BatchNorm in inference mode, with its running statistics).</summary>
    /// <exception cref="NotSupportedException">A layer has no pure-C# equivalent.</exception>
    public static FeedForwardNetwork Export(Sequential network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = new List<NeuralLayer>();
        var width = -1;
        foreach (var (name, module) in network.named_children())
        {
            NeuralLayer? layer = module switch
            {
                Linear linear => Export(linear),
                BatchNorm1d norm => Export(norm),
                ResidualBlock block => new ResidualLayer(Export(block.Linear), Export(block.BatchNorm)),
                ReLU => new ActivationLayer(Width(width, name), Activation.ReLU),
                LeakyReLU leaky => new ActivationLayer(Width(width, name), Activation.LeakyReLU, (float)leaky.negative_slope),
                Tanh => new ActivationLayer(Width(width, name), Activation.Tanh),
                Dropout => null,
                _ => throw new NotSupportedException($"Layer '{name}' ({module.GetType().Name}) has no pure-C# equivalent."),
            };
            if (layer is null) continue;
            layers.Add(layer);
            width = layer.OutputWidth;
        }
        return new FeedForwardNetwork(layers);
    }

    /// <summary>A linear layer's weight <c>[out, in]</c> and bias.</summary>
    public static LinearLayer Export(Linear linear)
    {
        ArgumentNullException.ThrowIfNull(linear);
        var bias = linear.bias is { } b ? Floats(b) : new float[linear.out_features];
        return new LinearLayer((int)linear.in_features, (int)linear.out_features, Floats(linear.weight!), bias);
    }

    /// <summary>A BatchNorm1d's affine parameters and running statistics.</summary>
    public static BatchNormLayer Export(BatchNorm1d norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        var width = (int)norm.num_features;
        var weight = norm.weight is { } w ? Floats(w) : Enumerable.Repeat(1f, width).ToArray();
        var bias = norm.bias is { } b ? Floats(b) : new float[width];
        var mean = norm.running_mean is { } m ? Floats(m) : new float[width];
        var variance = norm.running_var is { } v ? Floats(v) : Enumerable.Repeat(1f, width).ToArray();
        return new BatchNormLayer(width, weight, bias, mean, variance, norm.eps);
    }

    /// <summary>A tensor's values as float32, row-major.</summary>
    public static float[] Floats(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var contiguous = tensor.detach().to_type(ScalarType.Float32).contiguous();
        return contiguous.data<float>().ToArray();
    }

    private static int Width(int width, string name) =>
        width > 0 ? width : throw new NotSupportedException($"Activation '{name}' comes first; its width is unknown.");
}
