using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Optimisation;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Sequences;

/// <summary>
/// The PAR network as TorchSharp trains it: a GRU (batch first) over each step's input (previous step's encoding,
/// first-step flag, context) and a linear layer from its state to the step's output heads (<see cref="ParOutputLayout"/>),
/// plus a linear skip from the step's input to the heads (no bias), so the previous values reach the next step's
/// distribution linearly.
/// <see cref="ExportWeights"/> writes its tensors in the layout the runtime's pure-C# <see cref="GruNetwork"/> reads.
/// </summary>
internal sealed class ParNetwork : nn.Module
{
    private readonly GRU gru;
    private readonly Linear output;
    private readonly Linear skip;

    /// <summary>A freshly initialised network (libtorch's default initialisation, from its seeded generator).</summary>
    public ParNetwork(int inputWidth, int hiddenWidth, int layers, int outputWidth) : base(nameof(ParNetwork))
    {
        (InputWidth, HiddenWidth, Layers, OutputWidth) = (inputWidth, hiddenWidth, layers, outputWidth);
        gru = nn.GRU(inputWidth, hiddenWidth, numLayers: layers, batchFirst: true);
        output = nn.Linear(hiddenWidth, outputWidth);
        skip = nn.Linear(inputWidth, outputWidth, hasBias: false);
        RegisterComponents();
    }

    /// <summary>Inputs per step.</summary>
    public int InputWidth { get; }

    /// <summary>State width.</summary>
    public int HiddenWidth { get; }

    /// <summary>GRU layers.</summary>
    public int Layers { get; }

    /// <summary>Outputs per step.</summary>
    public int OutputWidth { get; }

    /// <summary>
    /// The outputs after each step, <c>[batch, time, out]</c>, for inputs <c>[batch, time, in]</c> from state
    /// <paramref name="state"/> (<c>[layers, batch, H]</c>; <c>null</c>: zero), and the state after the last step.
    /// </summary>
    public (Tensor Outputs, Tensor State) Forward(Tensor inputs, Tensor? state)
    {
        using var scope = NewDisposeScope();
        var (states, last) = gru.forward(inputs, state);
        return (output.forward(states).Plus(skip.forward(inputs)).MoveToOuterDisposeScope(), last.MoveToOuterDisposeScope());
    }

    /// <summary>Every weight as float32 in <see cref="GruNetwork"/>'s layout: per layer weight_ih, weight_hh, bias_ih, bias_hh; then the output weight and bias, and the skip weight.</summary>
    public float[] ExportWeights()
    {
        var tensors = new List<Tensor>();
        for (var layer = 0; layer < Layers; layer++)
            foreach (var name in new[] { "weight_ih_l", "weight_hh_l", "bias_ih_l", "bias_hh_l" })
                tensors.Add(gru.get_parameter(name + layer) ?? throw new InvalidOperationException($"The GRU has no parameter {name}{layer}."));
        tensors.Add(output.weight!);
        tensors.Add(output.bias!);
        tensors.Add(skip.weight!);
        var weights = new float[GruNetwork.ParameterCount(InputWidth, HiddenWidth, Layers, OutputWidth)];
        var offset = 0;
        foreach (var tensor in tensors)
        {
            var values = NetworkExport.Floats(tensor);
            values.CopyTo(weights, offset);
            offset += values.Length;
        }
        if (offset != weights.Length) throw new InvalidOperationException($"Exported {offset} weights, expected {weights.Length}.");
        return weights;
    }
}
