using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// CTGAN's PacGAN critic: <c>pac</c> consecutive rows (data ‖ condition vector) are concatenated into one input, then
/// each hidden layer is Linear → LeakyReLU(0.2) → Dropout(0.5), and a final Linear gives one score per pack.
/// </summary>
internal sealed class CtganDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _body;

    public CtganDiscriminator(int rowWidth, IReadOnlyList<int> hiddenWidths, int pac) : base(nameof(CtganDiscriminator))
    {
        Pac = pac;
        PackWidth = rowWidth * pac;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = PackWidth;
        for (var i = 0; i < hiddenWidths.Count; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(width, hiddenWidths[i])));
            layers.Add(($"leaky{i}", nn.LeakyReLU(0.2)));
            layers.Add(($"dropout{i}", nn.Dropout(0.5)));
            width = hiddenWidths[i];
        }
        layers.Add(("output", nn.Linear(width, 1)));
        _body = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <summary>Rows per pack.</summary>
    public int Pac { get; }

    /// <summary>Floats per pack.</summary>
    public int PackWidth { get; }

    /// <summary>The layers after packing (Linear → LeakyReLU → Dropout, then the scoring Linear).</summary>
    public Sequential Body => _body;

    public override Tensor forward(Tensor input)
    {
        using var packed = input.reshape(-1, PackWidth);
        return _body.forward(packed);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _body.Dispose();
        base.Dispose(disposing);
    }
}
