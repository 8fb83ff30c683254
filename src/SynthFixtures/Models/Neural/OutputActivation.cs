using System.Numerics.Tensors;
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
    /// inverse CDF with one uniform per span, which needs no logarithms.
    /// </summary>
    public static void Sample(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(random);
        ForEachSpan(rows, width, spans, (values, activation) =>
        {
            if (activation == SpanActivation.Tanh)
            {
                TensorPrimitives.Tanh(values, values);
                return;
            }
            TensorPrimitives.SoftMax(values, values);
            var u = (float)random.NextDouble();
            var hot = TensorPrimitives.IndexOfMax(values);   // if rounding leaves the running sum below u
            for (var k = 0; k < values.Length; k++)
            {
                u -= values[k];
                if (u < 0) { hot = k; break; }
            }
            OneHot(values, hot);
        });
    }

    private delegate void SpanAction(Span<float> values, SpanActivation activation);

    private static void ForEachSpan(Span<float> rows, int width, IReadOnlyList<OutputSpan> spans, SpanAction action)
    {
        if (width < 1 || rows.Length % width != 0) throw new ArgumentException($"Rows must be a whole number of {width}-wide rows.", nameof(rows));
        foreach (var span in spans)
            if (span.Start < 0 || span.Length < 1 || span.Start + span.Length > width)
                throw new ArgumentException($"Span of '{span.Column}' lies outside a {width}-wide row.", nameof(spans));
        for (var at = 0; at < rows.Length; at += width)
            foreach (var span in spans)
                action(rows.Slice(at + span.Start, span.Length), span.Activation);
    }

    private static void OneHot(Span<float> values, int hot)
    {
        values.Clear();
        values[hot] = 1;
    }
}
