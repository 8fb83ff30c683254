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
/// plus the sum of the row's context tokens' embeddings (same table), so the weights keep their layout. With
/// <see cref="ContextToOutput"/> as well, a linear map of that sum (no bias, starting at zero) is added to every
/// step's logits, so the context shifts word choice directly rather than only through the recurrent state.
/// <see cref="ExportWeights"/> writes its tensors in the order and layout the runtime's pure-C#
/// <c>LstmNetwork</c> reads, so sampling needs no TorchSharp.
/// </summary>
internal sealed class LstmLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Linear output;
    private readonly Linear? contextOutput;

    /// <summary>
    /// The context sum enters the output map scaled by 1/E. Adam moves every weight by about the learning rate per step
    /// whatever its gradient's size, so a map from the raw sum (E entries of a sum of k embeddings) would shift every
    /// logit by tens of learning rates per step and make the output's bias noisy (sampled texts came out short); the
    /// exported weights fold the scale in, so the runtime adds W_co·c as it is.
    /// </summary>
    private readonly Tensor? contextScale;

    /// <summary>A freshly initialised network (libtorch's default initialisation, from its seeded generator).</summary>
    /// <param name="vocabulary">Token ids 0 … vocabulary − 1.</param>
    /// <param name="embeddingWidth">Width of a token's embedding.</param>
    /// <param name="hiddenWidth">Width of the recurrent state.</param>
    /// <param name="layers">Stacked LSTM layers.</param>
    /// <param name="contextAtEveryStep">Add the sum of the context tokens' embeddings to every step's input.</param>
    /// <param name="contextToOutput">Also add a linear map of that sum to every step's logits (needs <paramref name="contextAtEveryStep"/>).</param>
    public LstmLanguageModel(int vocabulary, int embeddingWidth, int hiddenWidth, int layers, bool contextAtEveryStep = false, bool contextToOutput = false) : base(nameof(LstmLanguageModel))
    {
        if (contextToOutput && !contextAtEveryStep) throw new ArgumentException("The context can go to the output only when it is added at every step.", nameof(contextToOutput));
        if (vocabulary < 2) throw new ArgumentOutOfRangeException(nameof(vocabulary), vocabulary, "A language model needs at least two tokens.");
        if (embeddingWidth < 1) throw new ArgumentOutOfRangeException(nameof(embeddingWidth), embeddingWidth, "Must be positive.");
        if (hiddenWidth < 1) throw new ArgumentOutOfRangeException(nameof(hiddenWidth), hiddenWidth, "Must be positive.");
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "Must be positive.");
        (Vocabulary, EmbeddingWidth, HiddenWidth, Layers, ContextAtEveryStep) = (vocabulary, embeddingWidth, hiddenWidth, layers, contextAtEveryStep);
        embedding = nn.Embedding(vocabulary, embeddingWidth);
        lstm = nn.LSTM(embeddingWidth, hiddenWidth, numLayers: layers, batchFirst: true);
        output = nn.Linear(hiddenWidth, vocabulary);
        if (contextToOutput)
        {
            // From zero: training starts from the plain language model and learns only the shift the context explains.
            contextOutput = nn.Linear(embeddingWidth, vocabulary, hasBias: false);
            using (no_grad()) contextOutput.weight!.zero_();
            contextScale = tensor(1f / embeddingWidth);
        }
        ContextToOutput = contextToOutput;
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

    /// <summary>Whether every step's logits add a linear map of the sum of the row's context embeddings.</summary>
    public bool ContextToOutput { get; }

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

    /// <summary>Next-token logits from states (any leading shape, last dimension hidden), without the context's share.</summary>
    public Tensor Logits(Tensor states) => output.forward(states);

    /// <summary>
    /// Next-token logits of chosen states: <paramref name="states"/> <c>[n, hidden]</c>, each belonging to the row
    /// <paramref name="rows"/> names (<c>[n]</c>, int64) of <paramref name="contextIds"/> (<c>[batch, k]</c>); with
    /// <see cref="ContextToOutput"/>, each row's context share is added.
    /// </summary>
    public Tensor Logits(Tensor states, Tensor? contextIds, Tensor rows)
    {
        if (contextOutput is null || contextIds is null || contextIds.shape[1] == 0) return output.forward(states);
        using var scope = NewDisposeScope();
        var perRow = contextOutput.forward(embedding.forward(contextIds).sum(1).mul(contextScale!));   // [batch, vocabulary]
        return output.forward(states).Plus(perRow.index_select(0, rows)).MoveToOuterDisposeScope();
    }

    /// <summary>Next-token logits after each token: <c>[batch, time, vocabulary]</c> for token ids <c>[batch, time]</c>, no context.</summary>
    public override Tensor forward(Tensor tokens) => forward(tokens, null);

    /// <summary>Next-token logits after each token, with each row's context ids <c>[batch, k]</c> (see <see cref="States"/>).</summary>
    public Tensor forward(Tensor tokens, Tensor? contextIds)
    {
        using var scope = NewDisposeScope();
        var states = States(tokens, contextIds);
        if (contextOutput is null || contextIds is null || contextIds.shape[1] == 0) return Logits(states).MoveToOuterDisposeScope();
        var shift = contextOutput.forward(embedding.forward(contextIds).sum(1, keepdim: true).mul(contextScale!));   // [batch, 1, vocabulary]
        return Logits(states).Plus(shift).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Every weight as float32, row-major, in this order: embedding <c>[V×E]</c>; per layer weight_ih <c>[4H×in]</c>,
    /// weight_hh <c>[4H×H]</c>, bias_ih <c>[4H]</c>, bias_hh <c>[4H]</c> (gates i, f, g, o, as libtorch stacks them);
    /// output weight <c>[V×H]</c>, output bias <c>[V]</c>; with <see cref="ContextToOutput"/>, the context's output
    /// weight <c>[V×E]</c>.
    /// </summary>
    public float[] ExportWeights()
    {
        var tensors = new List<Tensor> { embedding.weight! };
        for (var layer = 0; layer < Layers; layer++)
            foreach (var name in new[] { "weight_ih_l", "weight_hh_l", "bias_ih_l", "bias_hh_l" })
                tensors.Add(lstm.get_parameter(name + layer) ?? throw new InvalidOperationException($"The LSTM has no parameter {name}{layer}."));
        tensors.Add(output.weight!);
        tensors.Add(output.bias!);
        using var scaledContextOutput = contextOutput is null ? null : contextOutput.weight!.detach().mul(contextScale!);
        if (scaledContextOutput is not null) tensors.Add(scaledContextOutput);
        var weights = new float[LstmNetwork.ParameterCount(Vocabulary, EmbeddingWidth, HiddenWidth, Layers, ContextToOutput)];
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
