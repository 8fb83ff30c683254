using System.Numerics.Tensors;
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
    /// followed by argmax samples, at any temperature (the Gumbel-max trick draws exactly this distribution).
    /// </summary>
    /// <remarks>
    /// Defined row by row: for each row, for each one-hot span in layout order, one uniform u is drawn; the weights are
    /// exp(logit − the span's maximum), so large logits cannot overflow; the category is the first whose running sum
    /// of weights passes <c>(float)(u · total)</c> (inverse CDF: no logarithms). It runs for every span of every sampled
    /// row, so it is computed for a group of rows at once, one vector lane per row
    /// (<see cref="GroupedCategorySampler{TVectors, TVector}"/>), with exactly the same result.
    /// </remarks>
    public static void Sample(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(random);
        CheckLayout(rows, width, spans);
        SampleGrouped(rows, width, SpanLayout.Of(spans), random, default);
    }

    /// <summary>
    /// As <see cref="Sample"/>, but each one-hot span's drawn category goes to <paramref name="categories"/>
    /// (<c>[row · spans + s]</c> for the s-th one-hot span in layout order) and the one-hot entries are left as they
    /// are: a sampler that decodes the categories straight away needs neither the one-hots nor their argmax.
    /// </summary>
    internal static void SampleCategories(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans, SynthRandom random, Span<int> categories)
    {
        CheckLayout(rows, width, spans);
        var layout = SpanLayout.Of(spans);
        if (categories.Length != rows.Length / width * layout.OneHotStarts.Length)
            throw new ArgumentException($"Expected room for {rows.Length / width} × {layout.OneHotStarts.Length} categories.", nameof(categories));
        SampleGrouped(rows, width, layout, random, categories);
    }

    /// <summary>The grouped sampler at this CPU's widest vectors (both widths give the same bits).</summary>
    private static void SampleGrouped(Span<float> rows, int width, SpanLayout layout, SynthRandom random, Span<int> categories)
    {
        if (Vector512.IsHardwareAccelerated) GroupedCategorySampler<Vectors512, Vector512<float>>.Sample(rows, width, layout, random, categories);
        else GroupedCategorySampler<Vectors256, Vector256<float>>.Sample(rows, width, layout, random, categories);
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
        // Each entry belongs to one span at most: the sampler activates spans in an order of its own.
        var ordered = spans.OrderBy(s => s.Start).ToArray();
        for (var i = 1; i < ordered.Length; i++)
            if (ordered[i].Start < ordered[i - 1].Start + ordered[i - 1].Length)
                throw new ArgumentException($"The spans of '{ordered[i - 1].Column}' and '{ordered[i].Column}' overlap.", nameof(spans));
    }

    private static void OneHot(Span<float> values, int hot)
    {
        values.Clear();
        values[hot] = 1;
    }
}
