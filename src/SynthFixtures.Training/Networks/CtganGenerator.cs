using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Networks;

/// <summary>
/// Builds CTGAN's generator (Xu et al., 2019): residual blocks (Linear → BatchNorm1d → ReLU, concatenated with the
/// block's input) and a final Linear to the transformed data's width. Output activations (tanh, Gumbel-softmax) are
/// applied per span outside the network, as the paper does.
/// </summary>
public static class CtganGenerator
{
    /// <summary>Creates the generator.</summary>
    /// <param name="inputWidth">Noise (embedding, 128 in the paper) plus condition-vector width.</param>
    /// <param name="hiddenWidths">Each residual block's linear width; the paper uses (256, 256).</param>
    /// <param name="dataWidth">The transformed table's width (<c>ModeSpecificTransformer.Width</c>).</param>
    public static Sequential Create(int inputWidth, IReadOnlyList<int> hiddenWidths, int dataWidth)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        if (inputWidth < 1 || dataWidth < 1) throw new ArgumentOutOfRangeException(nameof(inputWidth), "Widths must be positive.");
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inputWidth;
        for (var i = 0; i < hiddenWidths.Count; i++)
        {
            layers.Add(($"residual{i}", new ResidualBlock(width, hiddenWidths[i])));
            width += hiddenWidths[i];
        }
        layers.Add(("output", nn.Linear(width, dataWidth)));
        return nn.Sequential(layers);
    }
}
