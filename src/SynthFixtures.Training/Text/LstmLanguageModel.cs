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
/// step's logits, so the context shifts word choice directly rather than only through the recurrent state; given the
/// context tokens' frequencies, the map reads the sum less its mean over the training rows (see
/// <see cref="LstmLanguageModel(int, int, int, int, bool, bool, float[])"/>). <see cref="ExportWeights"/> writes its tensors in the order and layout the runtime's pure-C#
/// <c>LstmNetwork</c> reads, so sampling needs no TorchSharp.
/// </summary>
internal sealed class LstmLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Linear output;
    private readonly Linear? contextOutput;

    /// <summary>
    /// Each token's share of training rows that have it as a context token (<c>[V]</c>), or <c>null</c>: the output map
    /// then reads the context sum itself. The mean context sum is <c>frequencies · embedding</c>, recomputed as the
    /// embeddings learn.
    /// </summary>
    private readonly Tensor? contextFrequencies;

    /// <summary>A freshly initialised network (libtorch's default initialisation, from its seeded generator).</summary>
    /// <param name="vocabulary">Token ids 0 … vocabulary − 1.</param>
    /// <param name="embeddingWidth">Width of a token's embedding.</param>
    /// <param name="hiddenWidth">Width of the recurrent state.</param>
    /// <param name="layers">Stacked LSTM layers.</param>
    /// <param name="contextAtEveryStep">Add the sum of the context tokens' embeddings to every step's input.</param>
    /// <param name="contextToOutput">Also add a linear map of that sum to every step's logits (needs <paramref name="contextAtEveryStep"/>).</param>
    /// <param name="contextFrequencies">
    /// With <paramref name="contextToOutput"/>: each token id's share of the training rows that have it among their
    /// context tokens (length <paramref name="vocabulary"/>), so the output map reads the context sum less its training
    /// mean. The map then learns only what tells rows apart, and the average row's logits stay the output bias's
    /// (a map of the sum itself also learns a second, noisier bias: with a constant context every row's sum is that
    /// bias's input). As its input averages zero, the map reads the sum at full scale: Adam's steps of about the
    /// learning rate per weight then move only the differences between rows. The export folds the mean's share into
    /// the output bias, so the runtime adds W_co·c as before. <c>null</c>: the map reads the sum itself.
    /// </param>
    public LstmLanguageModel(int vocabulary, int embeddingWidth, int hiddenWidth, int layers, bool contextAtEveryStep = false, bool contextToOutput = false,
        float[]? contextFrequencies = null) : base(nameof(LstmLanguageModel))
    {
        if (contextFrequencies is not null && !contextToOutput) throw new ArgumentException("Context frequencies centre the context's output map, which needs the context to go to the output.", nameof(contextFrequencies));
        if (contextFrequencies is not null && contextFrequencies.Length != vocabulary) throw new ArgumentException($"Context frequencies need one share per token id ({vocabulary}), not {contextFrequencies.Length}.", nameof(contextFrequencies));
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
            // In libtorch's aligned memory: the product with the embedding rounds by its operands' alignment.
            if (contextFrequencies is not null) this.contextFrequencies = NativeTensors.From(contextFrequencies, [contextFrequencies.Length]);
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
        var perRow = contextOutput.forward(ContextInput(contextIds));   // [batch, vocabulary]
        return output.forward(states).Plus(perRow.index_select(0, rows)).MoveToOuterDisposeScope();
    }

    /// <summary>What the context's output map reads per row (<c>[batch, E]</c>): the context sum, less its training mean when centred.</summary>
    private Tensor ContextInput(Tensor contextIds)
    {
        var sum = embedding.forward(contextIds).sum(1);
        var mean = ContextMean();
        return mean is null ? sum : sum.sub(mean);
    }

    /// <summary>The training rows' mean context sum (<c>[E]</c>) under the current embeddings, or <c>null</c> when not centred.</summary>
    private Tensor? ContextMean() => contextFrequencies is null ? null : contextFrequencies.matmul(embedding.weight!);

    /// <summary>Next-token logits after each token: <c>[batch, time, vocabulary]</c> for token ids <c>[batch, time]</c>, no context.</summary>
    public override Tensor forward(Tensor tokens) => forward(tokens, null);

    /// <summary>Next-token logits after each token, with each row's context ids <c>[batch, k]</c> (see <see cref="States"/>).</summary>
    public Tensor forward(Tensor tokens, Tensor? contextIds)
    {
        using var scope = NewDisposeScope();
        var states = States(tokens, contextIds);
        if (contextOutput is null || contextIds is null || contextIds.shape[1] == 0) return Logits(states).MoveToOuterDisposeScope();
        var shift = contextOutput.forward(ContextInput(contextIds)).unsqueeze(1);   // [batch, 1, vocabulary]
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
        // The runtime adds W_co·c; training added W_co·(c − mean), so the bias takes −W_co·mean (in double, then float).
        using var mean = ContextMean()?.detach();
        using var bias = mean is null ? null : output.bias!.detach().to(ScalarType.Float64).sub(contextOutput!.weight!.detach().to(ScalarType.Float64).matmul(mean.to(ScalarType.Float64))).to(ScalarType.Float32);
        tensors.Add(bias ?? output.bias!);
        if (contextOutput is not null) tensors.Add(contextOutput.weight!);
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
