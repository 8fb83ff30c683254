using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tvae;

/// <summary>TVAE's encoder: Linear → ReLU layers, then the mean and log-variance of q(z | x).</summary>
internal sealed class TvaeEncoder : nn.Module<Tensor, (Tensor Mean, Tensor LogVariance)>
{
    private readonly Sequential _body;
    private readonly Linear _mean;
    private readonly Linear _logVariance;

    public TvaeEncoder(int dataWidth, IReadOnlyList<int> hiddenWidths, int embeddingWidth) : base(nameof(TvaeEncoder))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = dataWidth;
        for (var i = 0; i < hiddenWidths.Count; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(width, hiddenWidths[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            width = hiddenWidths[i];
        }
        _body = nn.Sequential(layers);
        _mean = nn.Linear(width, embeddingWidth);
        _logVariance = nn.Linear(width, embeddingWidth);
        RegisterComponents();
    }

    /// <summary>The hidden layers (Linear → ReLU).</summary>
    public Sequential Body => _body;

    /// <summary>The layer giving q(z | x)'s mean.</summary>
    public Linear MeanLayer => _mean;

    /// <summary>The layer giving q(z | x)'s log-variance.</summary>
    public Linear LogVarianceLayer => _logVariance;

    public override (Tensor Mean, Tensor LogVariance) forward(Tensor input)
    {
        using var hidden = _body.forward(input);
        return (_mean.forward(hidden), _logVariance.forward(hidden));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _mean.Dispose();
            _logVariance.Dispose();
        }
        base.Dispose(disposing);
    }
}
