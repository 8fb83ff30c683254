using System.Numerics.Tensors;

namespace SynthFixtures.Models.Neural;

/// <summary>Elementwise activations used by CTGAN and TVAE.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    ReLU,
    /// <summary>x for x ≥ 0, slope·x otherwise (CTGAN's discriminator uses slope 0.2).</summary>
    LeakyReLU,
    /// <summary>tanh(x).</summary>
    Tanh,
}

/// <summary>An elementwise activation over every value of every row.</summary>
public sealed class ActivationLayer : NeuralLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="width">Features per row.</param>
    /// <param name="activation">The function.</param>
    /// <param name="negativeSlope">For <see cref="Activation.LeakyReLU"/>: the slope below zero.</param>
    public ActivationLayer(int width, Activation activation, float negativeSlope = 0.01f)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width));
        if (!Enum.IsDefined(activation)) throw new ArgumentOutOfRangeException(nameof(activation));
        InputWidth = width;
        Function = activation;
        NegativeSlope = negativeSlope;
    }

    /// <inheritdoc />
    public override int InputWidth { get; }

    /// <inheritdoc />
    public override int OutputWidth => InputWidth;

    /// <summary>The function applied.</summary>
    public Activation Function { get; }

    /// <summary>The LeakyReLU slope below zero.</summary>
    public float NegativeSlope { get; }

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> input, Span<float> output, int rows) => Apply(input, output);

    private void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        switch (Function)
        {
            case Activation.ReLU:
                TensorPrimitives.Max(input, 0f, output);
                break;
            case Activation.LeakyReLU:
                for (var i = 0; i < input.Length; i++) output[i] = input[i] >= 0 ? input[i] : input[i] * NegativeSlope;
                break;
            default:
                TensorPrimitives.Tanh(input, output);
                break;
        }
    }
}
