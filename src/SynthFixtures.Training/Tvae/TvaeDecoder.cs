using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tvae;

/// <summary>TVAE's decoder: Linear → ReLU layers and a final Linear to the data's width (raw outputs; activations per span).</summary>
internal static class TvaeDecoder
{
    public static Sequential Create(int embeddingWidth, IReadOnlyList<int> hiddenWidths, int dataWidth)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = embeddingWidth;
        for (var i = 0; i < hiddenWidths.Count; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(width, hiddenWidths[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            width = hiddenWidths[i];
        }
        layers.Add(("output", nn.Linear(width, dataWidth)));
        return nn.Sequential(layers);
    }
}
