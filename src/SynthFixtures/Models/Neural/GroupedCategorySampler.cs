using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using SynthFixtures.Randomness;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// <see cref="OutputActivation.Sample"/>'s kernel: one vector lane per row, a group of <c>Lanes</c> rows at a time,
/// span by span. Within a span every step (the running maximum, exp, the running sums, counting the sums at or below
/// the target) is one vector operation for the whole group, where a row at a time made each span a chain of scalar
/// steps with data-dependent branches.
/// </summary>
/// <remarks>
/// It draws exactly what the row-wise definition draws, bit for bit: the uniforms are taken from the stream in the
/// same order (row by row, one per one-hot span in layout order); the maximum is the first largest logit found by
/// <c>&gt;</c>; each weight is exp(logit − maximum) by the same vector exp; the running sums are added in the same
/// order; the target is <c>(float)(u · total)</c> in double; the category is the count of running sums at or below
/// it, or the first largest logit when rounding put the target at the total.
/// </remarks>
internal static class GroupedCategorySampler<TVectors, TVector>
    where TVectors : struct, IFloatVectors<TVector>
    where TVector : struct
{
    private static int Lanes => TVectors.Lanes;

    /// <summary>
    /// Samples every row of <paramref name="rows"/> in place (layout already checked by the caller). With
    /// <paramref name="categories"/> (<c>rows × one-hot spans</c>), each span's drawn category is written there instead:
    /// only the α entries of the rows are rewritten, the one-hot entries keep their logits.
    /// </summary>
    public static void Sample(Span<float> rows, int width, SpanLayout layout, SynthRandom random, Span<int> categories = default)
    {
        var codes = !categories.IsEmpty;
        var rowCount = rows.Length / width;
        var lanes = Lanes;
        var oneHots = layout.OneHotStarts.Length;
        // columns[k · lanes + r]: entry k of row r of the group, the whole row transposed; written back the same way.
        var columns = ArrayPool<float>.Shared.Rent(width * lanes);
        var uniforms = ArrayPool<double>.Shared.Rent(Math.Max(1, oneHots) * lanes);
        Span<float> totals = stackalloc float[lanes];
        Span<float> targets = stackalloc float[lanes];
        Span<float> likeliest = stackalloc float[lanes];
        Span<float> below = stackalloc float[lanes];
        try
        {
            ref var column = ref MemoryMarshal.GetArrayDataReference(columns);
            for (var first = 0; first < rowCount; first += lanes)
            {
                var count = Math.Min(lanes, rowCount - first);
                for (var r = 0; r < count * oneHots; r++) uniforms[r] = random.NextDouble();   // row by row, span by span
                var group = rows.Slice(first * width, count * width);
                ToLanes(group, width, count, columns);
                foreach (var (start, length) in layout.TanhSpans)
                    for (var k = start * lanes; k < (start + length) * lanes; k++) Unsafe.Add(ref column, k) = MathF.Tanh(Unsafe.Add(ref column, k));
                for (var s = 0; s < oneHots; s++)
                {
                    var (start, length) = (layout.OneHotStarts[s], layout.OneHotLengths[s]);
                    ref var span = ref Unsafe.Add(ref column, start * lanes);
                    var (max, best) = (TVectors.Load(ref span, 0), TVectors.Broadcast(0));
                    for (var k = 1; k < length; k++)
                    {
                        var value = TVectors.Load(ref span, (nuint)(k * lanes));
                        var greater = TVectors.GreaterThan(value, max);
                        max = TVectors.Select(greater, value, max);
                        best = TVectors.Select(greater, TVectors.Broadcast(k), best);
                    }
                    var running = TVectors.Broadcast(0);
                    for (var k = 0; k < length; k++)
                    {
                        running = TVectors.Add(running, TVectors.Exp(TVectors.Subtract(TVectors.Load(ref span, (nuint)(k * lanes)), max)));
                        TVectors.Store(running, ref span, (nuint)(k * lanes));
                    }
                    TVectors.Store(running, ref MemoryMarshal.GetReference(totals), 0);
                    TVectors.Store(best, ref MemoryMarshal.GetReference(likeliest), 0);
                    for (var r = 0; r < lanes; r++) targets[r] = r < count ? (float)(uniforms[r * oneHots + s] * totals[r]) : 0;
                    var target = TVectors.Load(ref MemoryMarshal.GetReference(targets), 0);
                    var one = TVectors.Broadcast(1);
                    var counted = TVectors.Broadcast(0);
                    for (var k = 0; k < length; k++)
                        counted = TVectors.Add(counted, TVectors.And(TVectors.LessThanOrEqual(TVectors.Load(ref span, (nuint)(k * lanes)), target), one));
                    TVectors.Store(counted, ref MemoryMarshal.GetReference(below), 0);
                    // All sums at or below the target: rounding put it at the total, so take the first largest logit.
                    for (var r = 0; r < lanes; r++) below[r] = below[r] < length ? below[r] : likeliest[r];
                    if (codes)
                    {
                        for (var r = 0; r < count; r++) categories[(first + r) * oneHots + s] = (int)below[r];
                        continue;
                    }
                    var hot = TVectors.Load(ref MemoryMarshal.GetReference(below), 0);
                    for (var k = 0; k < length; k++)
                        TVectors.Store(TVectors.And(TVectors.EqualTo(hot, TVectors.Broadcast(k)), one), ref span, (nuint)(k * lanes));
                }
                if (!codes) FromLanes(columns, width, count, group);
                else
                    foreach (var (start, length) in layout.TanhSpans)   // only the α entries go back
                        for (var r = 0; r < count; r++)
                            for (var k = start; k < start + length; k++) group[r * width + k] = Unsafe.Add(ref column, k * lanes + r);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(columns);
            ArrayPool<double>.Shared.Return(uniforms);
        }
    }

    /// <summary>The group's rows into lanes (<c>columns[k · Lanes + r]</c>); lanes past the last row get 0.</summary>
    private static void ToLanes(Span<float> group, int width, int count, float[] columns)
    {
        var lanes = Lanes;
        ref var rows = ref MemoryMarshal.GetReference(group);
        ref var lane = ref MemoryMarshal.GetArrayDataReference(columns);
        var k = 0;
        if (Avx.IsSupported && count == lanes)
            for (; k + 8 <= width; k += 8)
                for (var r = 0; r < lanes; r += 8)
                    Transposes.EightByEight(ref Unsafe.Add(ref rows, r * width + k), width, ref Unsafe.Add(ref lane, k * lanes + r), lanes);
        if (count < lanes) columns.AsSpan(0, width * lanes).Clear();
        for (var r = 0; r < count; r++)
            for (var j = k; j < width; j++) Unsafe.Add(ref lane, j * lanes + r) = Unsafe.Add(ref rows, r * width + j);
    }

    /// <summary>The lanes back into the group's rows: the inverse of <see cref="ToLanes"/> for the rows that exist.</summary>
    private static void FromLanes(float[] columns, int width, int count, Span<float> group)
    {
        var lanes = Lanes;
        ref var rows = ref MemoryMarshal.GetReference(group);
        ref var lane = ref MemoryMarshal.GetArrayDataReference(columns);
        var k = 0;
        if (Avx.IsSupported && count == lanes)
            for (; k + 8 <= width; k += 8)
                for (var r = 0; r < lanes; r += 8)
                    Transposes.EightByEight(ref Unsafe.Add(ref lane, k * lanes + r), lanes, ref Unsafe.Add(ref rows, r * width + k), width);
        for (var r = 0; r < count; r++)
            for (var j = k; j < width; j++) Unsafe.Add(ref rows, r * width + j) = Unsafe.Add(ref lane, j * lanes + r);
    }
}

/// <summary>A row's spans sorted by what the sampler does with them.</summary>
/// <param name="TanhSpans">(start, length) of the α spans.</param>
/// <param name="OneHotStarts">Where each one-hot span starts, in layout order.</param>
/// <param name="OneHotLengths">Each one-hot span's length.</param>
internal sealed record SpanLayout((int Start, int Length)[] TanhSpans, int[] OneHotStarts, int[] OneHotLengths)
{
    /// <summary>Sorts <paramref name="spans"/> (in layout order) into α and one-hot spans.</summary>
    public static SpanLayout Of(IReadOnlyList<Transforms.Modes.OutputSpan> spans)
    {
        var tanh = spans.Where(s => s.Activation == Transforms.Modes.SpanActivation.Tanh).Select(s => (s.Start, s.Length)).ToArray();
        var oneHots = spans.Where(s => s.Activation != Transforms.Modes.SpanActivation.Tanh).ToArray();
        return new SpanLayout(tanh, oneHots.Select(s => s.Start).ToArray(), oneHots.Select(s => s.Length).ToArray());
    }
}
