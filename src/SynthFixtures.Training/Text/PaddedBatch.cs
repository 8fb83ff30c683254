using SynthFixtures.Text.Learned;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Text;

/// <summary>
/// A batch of texts as tensors: the inputs padded at the end to the longest text (<c>[batch, time]</c>, int64), and the
/// positions to score, flattened (<c>batch · time + t</c>: the state after input t predicts token t + 1), with their
/// targets. Padding follows every real token, so in a left-to-right model it never changes a scored prediction, and
/// it is never scored itself.
/// </summary>
internal sealed class PaddedBatch : IDisposable
{
    private PaddedBatch(Tensor inputs, Tensor contexts, Tensor positions, Tensor rows, Tensor targets, int count) =>
        (Inputs, Contexts, Positions, Rows, Targets, Count) = (inputs, contexts, positions, rows, targets, count);

    /// <summary>Input token ids, <c>[batch, time]</c>.</summary>
    public Tensor Inputs { get; }

    /// <summary>Each text's context tokens (those before Bos: positions 0 … FirstPredicted − 2), <c>[batch, k]</c>.</summary>
    public Tensor Contexts { get; }

    /// <summary>Flat indices of the scored states, <c>[Count]</c>.</summary>
    public Tensor Positions { get; }

    /// <summary>The batch row of each scored state, <c>[Count]</c>.</summary>
    public Tensor Rows { get; }

    /// <summary>The token each scored state should predict, <c>[Count]</c>.</summary>
    public Tensor Targets { get; }

    /// <summary>Scored tokens.</summary>
    public int Count { get; }

    /// <summary>The batch of <paramref name="members"/> (indices into <paramref name="sequences"/>), which each predict at least one token.</summary>
    public static PaddedBatch Of(IReadOnlyList<TokenSequence> sequences, int[] members)
    {
        var time = members.Max(m => sequences[m].Tokens.Length) - 1;
        // The context tokens are those before Bos; texts of differing prefix lengths (never from LearnedTextSequences) get none.
        var k = members.All(m => sequences[m].FirstPredicted == sequences[members[0]].FirstPredicted) ? sequences[members[0]].FirstPredicted - 1 : 0;
        var contexts = new long[members.Length * k];
        var inputs = new long[members.Length * time];   // padding: token 0, never scored
        var positions = new List<long>();
        var rows = new List<long>();
        var targets = new List<long>();
        for (var b = 0; b < members.Length; b++)
        {
            var (tokens, first) = sequences[members[b]];
            for (var c = 0; c < k; c++) contexts[b * k + c] = tokens[c];
            for (var t = 0; t < tokens.Length - 1; t++) inputs[b * time + t] = tokens[t];
            for (var p = first; p < tokens.Length; p++)
            {
                positions.Add(b * time + p - 1);
                rows.Add(b);
                targets.Add(tokens[p]);
            }
        }
        return new PaddedBatch(tensor(inputs, [members.Length, time]), tensor(contexts, [members.Length, k]), tensor(positions.ToArray()), tensor(rows.ToArray()), tensor(targets.ToArray()), targets.Count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        Contexts.Dispose();
        Positions.Dispose();
        Rows.Dispose();
        Targets.Dispose();
    }
}
