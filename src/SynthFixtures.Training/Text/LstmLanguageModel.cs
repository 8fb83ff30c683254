using SynthFixtures.Text.Learned;
using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Optimisation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Text;

/// <summary>
/// The learned text model's network as TorchSharp trains it: token embedding → LSTM (batch first) → linear layer giving
/// next-token logits. With <see cref="ContextAtEveryStep"/>, the LSTM's input at every step is the token's embedding
/// plus the sum of the row's context tokens' embeddings (same table), so the weights keep their layout.
/// <see cref="ExportWeights"/> writes its tensors in the order and layout the runtime's pure-C#
/// <c>LstmNetwork</c> reads, so sampling needs no TorchSharp.
/// </summary>
internal sealed class LstmLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Linear output;

    /// <summary>A freshly initialised network (libtorch's default initialisation, from its seeded generator).</summary>
    /// <param name="vocabulary">Token ids 0 … vocabulary − 1.</param>
    /// <param name="embeddingWidth">Width of a token's embedding.</param>
    /// <param name="hiddenWidth">Width of the recurrent state.</param>
    /// <param name="layers">Stacked LSTM layers.</param>
    /// <param name="contextAtEveryStep">Add the sum of the context tokens' embeddings to every step's input.</param>
    public LstmLanguageModel(int vocabulary, int embeddingWidth, int hiddenWidth, int layers, bool contextAtEveryStep = false) : base(nameof(LstmLanguageModel))
    {
        if (vocabulary < 2) throw new ArgumentOutOfRangeException(nameof(vocabulary), vocabulary, "A language model needs at least two tokens.");
        if (embeddingWidth < 1) throw new ArgumentOutOfRangeException(nameof(embeddingWidth), embeddingWidth, "Must be positive.");
        if (hiddenWidth < 1) throw new ArgumentOutOfRangeException(nameof(hiddenWidth), hiddenWidth, "Must be positive.");
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "Must be positive.");
        (Vocabulary, EmbeddingWidth, HiddenWidth, Layers, ContextAtEveryStep) = (vocabulary, embeddingWidth, hiddenWidth, layers, contextAtEveryStep);
        embedding = nn.Embedding(vocabulary, embeddingWidth);
        lstm = nn.LSTM(embeddingWidth, hiddenWidth, numLayers: layers, batchFirst: true);
        output = nn.Linear(hiddenWidth, vocabulary);
        RegisterComponents();
    }

    /// <summary>Token ids 0 … Vocabulary − 1.</summary>
    public int Vocabulary { get; }

    /// <summary>Width of a token's embedding.</summary>
    public int EmbeddingWidth { get; }

    /// <summary>Width of the recurrent state.</summary>
    public int HiddenWidth { get; }

    /// <summary>Stacked LSTM layers.</summary>
    public int Layers { get; }

    /// <summary>Whether every step's input adds the sum of the row's context embeddings.</summary>
    public bool ContextAtEveryStep { get; }

    /// <summary>
    /// The last layer's state after each token: <c>[batch, time, hidden]</c> for token ids <c>[batch, time]</c> (int64).
    /// <paramref name="contextIds"/> (<c>[batch, k]</c>, int64; <c>null</c> or k = 0: none) are each row's context
    /// tokens: with <see cref="ContextAtEveryStep"/>, the sum of their embeddings is added at every time step.
    /// </summary>
    public Tensor States(Tensor tokens, Tensor? contextIds = null)
    {
        using var scope = NewDisposeScope();
        var embedded = embedding.forward(tokens);
        if (ContextAtEveryStep && contextIds is not null && contextIds.shape[1] > 0)
            embedded = embedded.Plus(embedding.forward(contextIds).sum(1, keepdim: true));
        var (states, lastHidden, lastCell) = lstm.forward(embedded, null);
        lastHidden.Dispose();
        lastCell.Dispose();
        return states.MoveToOuterDisposeScope();
    }

    /// <summary>Next-token logits from states (any leading shape, last dimension hidden).</summary>
    public Tensor Logits(Tensor states) => output.forward(states);

    /// <summary>Next-token logits after each token: <c>[batch, time, vocabulary]</c> for token ids <c>[batch, time]</c>, no context.</summary>
    public override Tensor forward(Tensor tokens) => forward(tokens, null);

    /// <summary>Next-token logits after each token, with each row's context ids <c>[batch, k]</c> (see <see cref="States"/>).</summary>
    public Tensor forward(Tensor tokens, Tensor? contextIds)
    {
        using var states = States(tokens, contextIds);
        return Logits(states);
    }

    /// <summary>
    /// Every weight as float32, row-major, in this order: embedding <c>[V×E]</c>; per layer weight_ih <c>[4H×in]</c>,
    /// weight_hh <c>[4H×H]</c>, bias_ih <c>[4H]</c>, bias_hh <c>[4H]</c> (gates i, f, g, o, as libtorch stacks them);
    /// output weight <c>[V×H]</c>, output bias <c>[V]</c>.
    /// </summary>
    public float[] ExportWeights()
    {
        var tensors = new List<Tensor> { embedding.weight! };
        for (var layer = 0; layer < Layers; layer++)
            foreach (var name in new[] { "weight_ih_l", "weight_hh_l", "bias_ih_l", "bias_hh_l" })
                tensors.Add(lstm.get_parameter(name + layer) ?? throw new InvalidOperationException($"The LSTM has no parameter {name}{layer}."));
        tensors.Add(output.weight!);
        tensors.Add(output.bias!);
        var weights = new float[LstmNetwork.ParameterCount(Vocabulary, EmbeddingWidth, HiddenWidth, Layers)];
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
