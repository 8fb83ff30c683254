using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using SynthFixtures.Randomness;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// Writes a learned text model's texts: rows in batches of <see cref="BatchRows"/> (batches in parallel), each batch
/// fed its context tokens and Bos, then one subword per step until Eos or the model's max tokens, finished rows
/// dropped from the batch (a network with context at every step also adds the row's context to every step's input). Row r draws only from <c>random.Derive(r)</c> and its arithmetic does not depend on the
/// rows beside it, so the text is the same for any chunking and thread count. A text the copy guard holds is redrawn
/// from the row's own stream (at most <see cref="MaxAttempts"/> draws; after that the cell is left missing). With a
/// missing-text model, whether a row has text is drawn first (from <c>Derive("missing")</c> of the row's stream), and a
/// row with text cannot end before its first subword.
/// </summary>
internal sealed class LearnedTextSampler(LearnedTextModel model)
{
    public const int BatchRows = 64;
    public const int MaxAttempts = 8;

    private readonly LstmNetwork _network = model.Network;
    private readonly LearnedTextVocabulary _vocabulary = model.Vocabulary;

    /// <summary>The text of <paramref name="rows"/> rows from <paramref name="firstRow"/> (see <see cref="TextColumnModel.Generate(IReadOnlyList{string?[]}, int, long, SynthRandom, ParallelOptions)"/>).</summary>
    public string?[] GenerateRows(IReadOnlyList<string?[]> context, int rows, long firstRow, SynthRandom random, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(parallel);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        if (context.Count != model.ContextColumns.Count || context.Any(c => c.Length != rows))
            throw new ArgumentException($"The learned text model of '{model.Column}' takes {model.ContextColumns.Count} context columns of {rows} cells.", nameof(context));
        var texts = new string?[rows];
        var batches = (rows + BatchRows - 1) / BatchRows;
        Parallel.For(0, batches, parallel, b =>
        {
            var start = b * BatchRows;
            SampleBatch(context, start, Math.Min(BatchRows, rows - start), firstRow, random, texts);
        });
        return texts;
    }

    private void SampleBatch(IReadOnlyList<string?[]> context, int start, int count, long firstRow, SynthRandom random, string?[] texts)
    {
        var streams = new SynthRandom[count];
        var prefixes = new int[count][];
        var cells = new string?[context.Count];
        for (var i = 0; i < count; i++)
        {
            streams[i] = random.Derive(firstRow + start + i);
            for (var c = 0; c < cells.Length; c++) cells[c] = context[c][start + i];
            prefixes[i] = model.Context.Encode(cells);
        }
        using var scratch = new Scratch(_network, _vocabulary, count);
        var pending = Enumerable.Range(0, count).Where(i => model.Missing is not { } missing
            || streams[i].Derive("missing").NextDouble() >= missing.Probability(prefixes[i])).ToArray();
        for (var attempt = 0; attempt < MaxAttempts && pending.Length > 0; attempt++)
        {
            var drawn = Draw(pending.Select(i => prefixes[i]).ToArray(), pending.Select(i => streams[i]).ToArray(), scratch);
            var copies = new List<int>();
            for (var j = 0; j < pending.Length; j++)
            {
                if (drawn[j] is { } text && model.CopyGuard.MayContain(text)) copies.Add(pending[j]);
                else texts[start + pending[j]] = drawn[j];
            }
            pending = [.. copies];
        }
    }

    /// <summary>One text per row (<c>null</c>: Eos came first), each row drawing from its own stream.</summary>
    private string?[] Draw(int[][] prefixes, SynthRandom[] streams, Scratch scratch)
    {
        var count = prefixes.Length;
        var state = _network.NewState(prefixes);   // with context at every step, each row's W_ih·c
        var tokens = new int[count];
        var logits = scratch.Logits;
        var prefixLength = model.Context.ContextColumns.Count;
        for (var c = 0; c < prefixLength; c++)
        {
            for (var r = 0; r < count; r++) tokens[r] = prefixes[r][c];
            _network.Step(state, tokens, []);
        }
        Array.Fill(tokens, _vocabulary.Bos);
        _network.Step(state, tokens, logits);
        if (model.Missing is not null)
            for (var r = 0; r < count; r++) logits[r * _network.LogitStride + _vocabulary.Eos] = float.NegativeInfinity;

        var subwords = new List<int>[count];
        var ended = new bool[count];
        var active = Enumerable.Range(0, count).ToArray();   // active[j]: the row in state row j
        var keep = new List<int>(count);
        for (var step = 0; step < model.MaxTokens && active.Length > 0; step++)
        {
            keep.Clear();
            var next = 0;
            for (var j = 0; j < active.Length; j++)
            {
                var row = active[j];
                var token = Pick(logits.AsSpan(j * _network.LogitStride, _vocabulary.Size), streams[row], scratch);
                if (token == _vocabulary.Eos)
                {
                    ended[row] = true;
                    continue;
                }
                (subwords[row] ??= []).Add(_vocabulary.SubwordOf(token));
                keep.Add(j);
                tokens[next++] = token;
            }
            active = keep.Select(j => active[j]).ToArray();
            if (active.Length == 0 || step + 1 == model.MaxTokens) break;
            state.Keep(keep.ToArray());
            _network.Step(state, tokens, logits);
        }
        var texts = new string?[count];
        for (var r = 0; r < count; r++) texts[r] = subwords[r] is null ? null : model.Tokenizer.Decode(subwords[r]);
        return texts;
    }

    /// <summary>
    /// Draws Eos or a subword from one row's logits: softmax at the model's temperature, then, for top-p below 1, the
    /// nucleus (the fewest most likely tokens, ties in id order, whose probability reaches top-p).
    /// Only tokens with probability at least (1 − top-p)/n can be in it (the n tokens below that hold less than
    /// 1 − top-p together), so only those are searched.
    /// </summary>
    private int Pick(ReadOnlySpan<float> logits, SynthRandom stream, Scratch scratch)
    {
        var first = _vocabulary.Eos;
        var candidates = logits[first..];
        var n = candidates.Length;
        var probabilities = scratch.Probabilities.AsSpan(0, n);
        var max = TensorPrimitives.Max(candidates);
        var scale = (float)(1 / model.Temperature);
        var maxVector = Vector256.Create(max);
        var scaleVector = Vector256.Create(scale);
        var k = 0;
        var sums = Vector256<float>.Zero;
        for (; k + Vector256<float>.Count <= n; k += Vector256<float>.Count)
        {
            var p = Vector256.Exp((Vector256.Create(candidates[k..]) - maxVector) * scaleVector);
            p.CopyTo(probabilities[k..]);
            sums += p;
        }
        double total = Vector256.Sum(sums);
        for (; k < n; k++)
        {
            probabilities[k] = Vector256.Exp((Vector256.Create(candidates[k]) - maxVector) * scaleVector).ToScalar();
            total += probabilities[k];
        }

        if (model.TopP >= 1)
        {
            var u = stream.NextDouble() * total;
            var cumulative = 0.0;
            var last = 0;
            for (var i = 0; i < n; i++)
            {
                if (probabilities[i] <= 0) continue;
                cumulative += probabilities[i];
                last = i;
                if (cumulative > u) return first + i;
            }
            return first + last;
        }

        var threshold = (float)((1 - model.TopP) * total / n);
        var keys = scratch.Keys;
        var m = 0;
        for (var i = 0; i < n; i++)
            if (probabilities[i] >= threshold && probabilities[i] > 0)
                keys[m++] = ((ulong)~BitConverter.SingleToUInt32Bits(probabilities[i]) << 32) | (uint)i;   // probability descending, then id
        var searched = keys.AsSpan(0, m);
        var lastKey = NucleusLastKey(searched, probabilities, model.TopP * total);
        // The search leaves the keys in an order that depends only on the probabilities: the draw walks the nucleus in it.
        var mass = 0.0;
        foreach (var key in searched)
            if (key <= lastKey) mass += probabilities[(int)(uint)key];
        var draw = stream.NextDouble() * mass;
        var sum = 0.0;
        foreach (var key in searched)
            if (key <= lastKey)
            {
                sum += probabilities[(int)(uint)key];
                if (sum > draw) return first + (int)(uint)key;
            }
        return first + (int)(uint)lastKey;
    }

    /// <summary>
    /// The key of the nucleus' last token: the k-th smallest key (probability descending, then id) for the smallest k
    /// whose probabilities reach <paramref name="target"/>. A quickselect on probability mass (expected linear time;
    /// sorting every step's candidates cost more than the network): each round splits the range at a pivot key and
    /// keeps the side where the target is reached.
    /// </summary>
    internal static ulong NucleusLastKey(Span<ulong> keys, ReadOnlySpan<float> probabilities, double target)
    {
        var (lo, hi) = (0, keys.Length);
        var need = target;
        while (hi - lo > 16)
        {
            var pivot = MedianOfThree(keys[lo], keys[lo + (hi - lo) / 2], keys[hi - 1]);
            var j = lo;
            var front = 0.0;
            for (var i = lo; i < hi; i++)
                if (keys[i] < pivot)
                {
                    front += probabilities[(int)(uint)keys[i]];
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    j++;
                }
            if (front >= need)
            {
                hi = j;
                continue;
            }
            need -= front;
            lo = j;
            // The range now starts with keys ≥ pivot; take the pivot itself next, so every round shrinks the range.
            var at = keys[lo..hi].IndexOf(pivot) + lo;
            (keys[at], keys[lo]) = (keys[lo], keys[at]);
            need -= probabilities[(int)(uint)pivot];
            if (need <= 0) return pivot;
            lo++;
        }
        var rest = keys[lo..hi];
        rest.Sort();
        foreach (var key in rest)
        {
            need -= probabilities[(int)(uint)key];
            if (need <= 0) return key;
        }
        return rest.IsEmpty ? (lo > 0 ? keys[lo - 1] : ulong.MaxValue) : rest[^1];
    }

    private static ulong MedianOfThree(ulong a, ulong b, ulong c) =>
        a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);

    /// <summary>One batch's buffers, rented: a batch's logits (64 rows × V) would otherwise be a large-object allocation per batch.</summary>
    private sealed class Scratch(LstmNetwork network, LearnedTextVocabulary vocabulary, int rows) : IDisposable
    {
        public float[] Logits { get; } = ArrayPool<float>.Shared.Rent(rows * network.LogitStride);
        public float[] Probabilities { get; } = ArrayPool<float>.Shared.Rent(vocabulary.Size);
        public ulong[] Keys { get; } = ArrayPool<ulong>.Shared.Rent(vocabulary.Size);

        public void Dispose()
        {
            ArrayPool<float>.Shared.Return(Logits);
            ArrayPool<float>.Shared.Return(Probabilities);
            ArrayPool<ulong>.Shared.Return(Keys);
        }
    }
}
