using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// A generator's output activations over the transformer's spans (<see cref="ModeSpecificTransformer.Spans"/>): tanh on
/// each α, and on each one-hot span either a softmax or a sampled one-hot. Works in place on row-major rows.
/// </summary>
public static class OutputActivation
{
    /// <summary>tanh on α spans and softmax on one-hot spans (what the network's training loss sees).</summary>
    public static void Softmax(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ForEachSpan(rows, width, spans, (values, activation) =>
        {
            if (activation == SpanActivation.Tanh) TensorPrimitives.Tanh(values, values);
            else TensorPrimitives.SoftMax(values, values);
        });
    }

    /// <summary>tanh on α spans; each one-hot span becomes the one-hot of its largest logit.</summary>
    public static void ArgMax(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ForEachSpan(rows, width, spans, (values, activation) =>
        {
            if (activation == SpanActivation.Tanh) TensorPrimitives.Tanh(values, values);
            else OneHot(values, TensorPrimitives.IndexOfMax(values));
        });
    }

    /// <summary>Each one-hot span becomes the one-hot of its largest value; α spans are left as they are.</summary>
    public static void OneHots(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ForEachSpan(rows, width, spans, (values, activation) =>
        {
            if (activation != SpanActivation.Tanh) OneHot(values, TensorPrimitives.IndexOfMax(values));
        });
    }

    /// <summary>
    /// tanh on α spans; each one-hot span becomes a one-hot drawn from softmax(logits): what CTGAN's Gumbel-softmax
    /// followed by argmax samples, at any temperature (the Gumbel-max trick draws exactly this distribution). Drawn by
    /// inverse CDF with one uniform per span, which needs no logarithms; the logits are shifted by their maximum first,
    /// so large logits cannot overflow exp.
    /// </summary>
    public static void Sample(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(random);
        CheckLayout(rows, width, spans);
        // Row by row with one vectorised exp over the whole row (each span shifted by its own maximum, α entries by
        // themselves): this runs for every span of every sampled row, and per-span library calls cost more than the
        // arithmetic on spans of a few entries.
        var layout = spans as OutputSpan[] ?? spans.ToArray();
        var padded = (width + 15) / 16 * 16;   // whole vectors; the padding stays 0
        var shifted = padded <= 1024 ? stackalloc float[padded] : new float[padded];
        Span<int> maxima = layout.Length <= 256 ? stackalloc int[layout.Length] : new int[layout.Length];
        ref var shiftedFirst = ref MemoryMarshal.GetReference(shifted);
        for (var at = 0; at < rows.Length; at += width)
        {
            var row = rows.Slice(at, width);
            // The spans lie inside the row (checked above), so the loops index it without bounds checks.
            ref var rowFirst = ref MemoryMarshal.GetReference(row);
            for (var s = 0; s < layout.Length; s++)
            {
                var (start, end) = (layout[s].Start, layout[s].Start + layout[s].Length);
                if (layout[s].Activation == SpanActivation.Tanh)
                {
                    for (var k = start; k < end; k++) Unsafe.Add(ref shiftedFirst, k) = 0;
                    continue;
                }
                var best = start;
                var max = Unsafe.Add(ref rowFirst, start);
                for (var k = start + 1; k < end; k++)
                {
                    var value = Unsafe.Add(ref rowFirst, k);
                    if (value > max) (best, max) = (k, value);
                }
                maxima[s] = best - start;
                for (var k = start; k < end; k++) Unsafe.Add(ref shiftedFirst, k) = Unsafe.Add(ref rowFirst, k) - max;
            }
            ExpInPlace(shifted);
            for (var s = 0; s < layout.Length; s++)
            {
                var (start, length) = (layout[s].Start, layout[s].Length);
                if (layout[s].Activation == SpanActivation.Tanh)
                {
                    for (var k = start; k < start + length; k++) Unsafe.Add(ref rowFirst, k) = MathF.Tanh(Unsafe.Add(ref rowFirst, k));
                    continue;
                }
                var hot = DrawCategory(shifted.Slice(start, length), maxima[s], random);
                for (var k = 0; k < length; k++) Unsafe.Add(ref rowFirst, start + k) = k == hot ? 1 : 0;   // the one-hot, without a call to clear
            }
        }
    }

    /// <summary>
    /// exp of every value (whole vectors: the length is a multiple of 16). <c>Vector512.Exp</c> and <c>Vector256.Exp</c>
    /// give the same bits as <see cref="TensorPrimitives.Exp(ReadOnlySpan{float}, Span{float})"/> (checked on 4 million
    /// values), but <c>TensorPrimitives</c> measured four times slower here.
    /// </summary>
    private static void ExpInPlace(Span<float> values)
    {
        ref var first = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated)
            for (nuint i = 0; i < (nuint)values.Length; i += 16)
                Vector512.Exp(Vector512.LoadUnsafe(ref first, i)).StoreUnsafe(ref first, i);
        else if (Vector256.IsHardwareAccelerated)
            for (nuint i = 0; i < (nuint)values.Length; i += 8)
                Vector256.Exp(Vector256.LoadUnsafe(ref first, i)).StoreUnsafe(ref first, i);
        else TensorPrimitives.Exp(values, values);
    }

    /// <summary>
    /// A category drawn by inverse CDF from <paramref name="weights"/> (exp(logit − max), unnormalised; overwritten by
    /// their running sums): the number of running sums at or below u · total, the first category whose running sum
    /// passes it. Counting has no data-dependent branch, which a search's random exit point would mispredict.
    /// </summary>
    private static int DrawCategory(Span<float> weights, int likeliest, SynthRandom random)
    {
        ref var first = ref MemoryMarshal.GetReference(weights);
        var running = 0f;
        for (var k = 0; k < weights.Length; k++) Unsafe.Add(ref first, k) = running += Unsafe.Add(ref first, k);
        var target = (float)(random.NextDouble() * running);
        var below = 0;
        for (var k = 0; k < weights.Length; k++) below += Unsafe.Add(ref first, k) <= target ? 1 : 0;
        return below < weights.Length ? below : likeliest;   // all at or below: rounding put the target at the total
    }

    private delegate void SpanAction(Span<float> values, SpanActivation activation);

    private static void ForEachSpan(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans, SpanAction action)
    {
        CheckLayout(rows, width, spans);
        for (var at = 0; at < rows.Length; at += width)
            foreach (var span in spans)
                action(rows.Slice(at + span.Start, span.Length), span.Activation);
    }

    private static void CheckLayout(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans)
    {
        if (width < 1 || rows.Length % width != 0) throw new ArgumentException($"Rows must be a whole number of {width}-wide rows.", nameof(rows));
        foreach (var span in spans)
            if (span.Start < 0 || span.Length < 1 || span.Start + span.Length > width)
                throw new ArgumentException($"Span of '{span.Column}' lies outside a {width}-wide row.", nameof(spans));
    }

    private static void OneHot(Span<float> values, int hot)
    {
        values.Clear();
        values[hot] = 1;
    }
}
