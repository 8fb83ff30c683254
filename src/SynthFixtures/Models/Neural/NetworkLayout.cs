namespace SynthFixtures.Models.Neural;

/// <summary>What a layer is, for the artifact header; its weights travel in the float32 payload.</summary>
public enum LayerKind
{
    /// <summary><see cref="LinearLayer"/>: weight then bias.</summary>
    Linear,
    /// <summary><see cref="BatchNormLayer"/>: γ, β, running mean, running variance.</summary>
    BatchNorm,
    /// <summary><see cref="ResidualLayer"/>: its linear part, then its batch norm.</summary>
    Residual,
    /// <summary><see cref="ActivationLayer"/>: no weights.</summary>
    Activation,
}

/// <summary>One layer of a <see cref="NetworkLayout"/>.</summary>
public sealed record LayerLayout
{
    /// <summary>The layer type.</summary>
    public required LayerKind Kind { get; init; }

    /// <summary>Floats per input row.</summary>
    public required int InputWidth { get; init; }

    /// <summary>For linear and residual layers: the linear part's output width.</summary>
    public int HiddenWidth { get; init; }

    /// <summary>For activation layers: the function.</summary>
    public Activation Activation { get; init; }

    /// <summary>For LeakyReLU: the slope below zero.</summary>
    public float NegativeSlope { get; init; }

    /// <summary>For batch norm (alone or in a residual block): ε.</summary>
    public double Epsilon { get; init; }
}

/// <summary>
/// A network's shape as stored in an artifact header: the layers in order. <see cref="NetworkCodec"/> turns a network
/// into a layout plus a float32 payload (the <c>.synth</c> file's payload section) and back.
/// </summary>
public sealed record NetworkLayout
{
    /// <summary>The layers in order.</summary>
    public required LayerLayout[] Layers { get; init; }
}
