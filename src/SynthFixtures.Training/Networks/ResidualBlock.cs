using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Networks;

/// <summary>
/// CTGAN's generator block in TorchSharp: ReLU(BatchNorm1d(Linear(x))) concatenated with x. Its pure-C# twin is
/// <see cref="SynthFixtures.Models.Neural.ResidualLayer"/>; <see cref="NetworkExport"/> copies one into the other.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the block.</summary>
    /// <param name="inputWidth">Features in.</param>
    /// <param name="outputWidth">Features produced by the linear layer (the block emits these plus its input).</param>
    public ResidualBlock(int inputWidth, int outputWidth) : base(nameof(ResidualBlock))
    {
        Linear = nn.Linear(inputWidth, outputWidth);
        BatchNorm = nn.BatchNorm1d(outputWidth);
        RegisterComponents();
    }

    /// <summary>The linear part.</summary>
    public Linear Linear { get; }

    /// <summary>The batch normalisation.</summary>
    public BatchNorm1d BatchNorm { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var hidden = Linear.forward(input);
        using var normalised = BatchNorm.forward(hidden);
        using var activated = nn.functional.relu(normalised);
        return cat([activated, input], 1);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Linear.Dispose();
            BatchNorm.Dispose();
        }
        base.Dispose(disposing);
    }
}
