using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// A weight matrix packed for <see cref="BatchedLinear"/>: outputs in panels of 24 (then 8), each panel stored
/// input-major and contiguous (<c>inputs × 24</c> floats), so the kernel streams one panel from L1 for every row of a
/// batch. Plain input-major storage would put a panel's rows a whole output width apart, all in the same cache sets.
/// </summary>
internal sealed class PackedWeights
{
    public const int Wide = 24;
    public const int Narrow = 8;

    /// <summary>Packs PyTorch's <c>[outputs × inputs]</c> row-major weight; outputs are padded with zeros to whole 8-float vectors.</summary>
    public PackedWeights(ReadOnlySpan<float> weight, int outputs, int inputs)
    {
        (Inputs, Outputs, Stride) = (inputs, outputs, BatchedLinear.StrideOf(outputs));
        WidePanels = Stride / Wide;
        Data = new float[inputs * Stride];
        for (var o = 0; o < outputs; o++)
        {
            var (panelStart, width, column) = Place(o);
            for (var i = 0; i < inputs; i++) Data[panelStart + i * width + column] = weight[o * inputs + i];
        }
    }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary>Outputs padded to whole 8-float vectors: the row width of the kernel's output.</summary>
    public int Stride { get; }

    public int WidePanels { get; }

    public float[] Data { get; }

    /// <summary>Where output o lives: its panel's start, the panel's width, its column in the panel.</summary>
    private (int PanelStart, int Width, int Column) Place(int o)
    {
        var wide = o / Wide;
        if (wide < WidePanels) return (wide * Inputs * Wide, Wide, o % Wide);
        var rest = o - WidePanels * Wide;
        return (WidePanels * Inputs * Wide + rest / Narrow * Inputs * Narrow, Narrow, rest % Narrow);
    }
}

/// <summary>
/// <c>y += x · Wᵀ</c> for a batch of rows (x: <c>rows × inputs</c>; y: <c>rows × stride</c>). Each output is one chain
/// of fused multiply-adds in input order whichever tile computes it, so a row's result never depends on the rows batched
/// with it. Panels are the outer loop: a panel stays in L1 while every row of the batch uses it, four rows at a time.
/// </summary>
internal static class BatchedLinear
{
    private const int Lane = 8;

    /// <summary>The padded output width for <paramref name="outputs"/> outputs.</summary>
    public static int StrideOf(int outputs) => (outputs + Lane - 1) / Lane * Lane;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(PackedWeights w, ReadOnlySpan<float> x, Span<float> y, int rows)
    {
        var inputs = w.Inputs;
        var stride = w.Stride;
        if (x.Length < rows * inputs || y.Length < rows * stride) throw new ArgumentException("The batch does not fit its buffers.");
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        ref var data = ref MemoryMarshal.GetArrayDataReference(w.Data);
        for (var p = 0; p < w.WidePanels; p++)
        {
            ref var panel = ref Unsafe.Add(ref data, p * inputs * PackedWeights.Wide);
            var o = p * PackedWeights.Wide;
            var r = 0;
            for (; r + 4 <= rows; r += 4)
                FourRowsWide(ref panel, inputs, stride, ref Unsafe.Add(ref x0, r * inputs), ref Unsafe.Add(ref y0, r * stride + o));
            for (; r < rows; r++)
                OneRowWide(ref panel, inputs, ref Unsafe.Add(ref x0, r * inputs), ref Unsafe.Add(ref y0, r * stride + o));
        }
        for (var o = w.WidePanels * PackedWeights.Wide; o < stride; o += Lane)
        {
            ref var panel = ref Unsafe.Add(ref data, w.WidePanels * inputs * PackedWeights.Wide + (o - w.WidePanels * PackedWeights.Wide) * inputs);
            for (var r = 0; r < rows; r++)
            {
                ref var xr = ref Unsafe.Add(ref x0, r * inputs);
                ref var yr = ref Unsafe.Add(ref y0, r * stride + o);
                var a = Vector256.LoadUnsafe(ref yr);
                for (var i = 0; i < inputs; i++)
                    a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, i)), Vector256.LoadUnsafe(ref panel, (nuint)(i * Lane)), a);
                a.StoreUnsafe(ref yr);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRowsWide(ref float panel, int inputs, int stride, ref float x, ref float y)
    {
        ref var y1 = ref Unsafe.Add(ref y, stride);
        ref var y2 = ref Unsafe.Add(ref y, 2 * stride);
        ref var y3 = ref Unsafe.Add(ref y, 3 * stride);
        var a00 = Vector256.LoadUnsafe(ref y);
        var a01 = Vector256.LoadUnsafe(ref y, Lane);
        var a02 = Vector256.LoadUnsafe(ref y, 2 * Lane);
        var a10 = Vector256.LoadUnsafe(ref y1);
        var a11 = Vector256.LoadUnsafe(ref y1, Lane);
        var a12 = Vector256.LoadUnsafe(ref y1, 2 * Lane);
        var a20 = Vector256.LoadUnsafe(ref y2);
        var a21 = Vector256.LoadUnsafe(ref y2, Lane);
        var a22 = Vector256.LoadUnsafe(ref y2, 2 * Lane);
        var a30 = Vector256.LoadUnsafe(ref y3);
        var a31 = Vector256.LoadUnsafe(ref y3, Lane);
        var a32 = Vector256.LoadUnsafe(ref y3, 2 * Lane);
        ref var x1 = ref Unsafe.Add(ref x, inputs);
        ref var x2 = ref Unsafe.Add(ref x, 2 * inputs);
        ref var x3 = ref Unsafe.Add(ref x, 3 * inputs);
        ref var w = ref panel;
        for (var i = 0; i < inputs; i++)
        {
            var w0 = Vector256.LoadUnsafe(ref w);
            var w1 = Vector256.LoadUnsafe(ref w, Lane);
            var w2 = Vector256.LoadUnsafe(ref w, 2 * Lane);
            w = ref Unsafe.Add(ref w, PackedWeights.Wide);
            var v = Vector256.Create(Unsafe.Add(ref x, i));
            a00 = Vector256.FusedMultiplyAdd(v, w0, a00);
            a01 = Vector256.FusedMultiplyAdd(v, w1, a01);
            a02 = Vector256.FusedMultiplyAdd(v, w2, a02);
            v = Vector256.Create(Unsafe.Add(ref x1, i));
            a10 = Vector256.FusedMultiplyAdd(v, w0, a10);
            a11 = Vector256.FusedMultiplyAdd(v, w1, a11);
            a12 = Vector256.FusedMultiplyAdd(v, w2, a12);
            v = Vector256.Create(Unsafe.Add(ref x2, i));
            a20 = Vector256.FusedMultiplyAdd(v, w0, a20);
            a21 = Vector256.FusedMultiplyAdd(v, w1, a21);
            a22 = Vector256.FusedMultiplyAdd(v, w2, a22);
            v = Vector256.Create(Unsafe.Add(ref x3, i));
            a30 = Vector256.FusedMultiplyAdd(v, w0, a30);
            a31 = Vector256.FusedMultiplyAdd(v, w1, a31);
            a32 = Vector256.FusedMultiplyAdd(v, w2, a32);
        }
        a00.StoreUnsafe(ref y);
        a01.StoreUnsafe(ref y, Lane);
        a02.StoreUnsafe(ref y, 2 * Lane);
        a10.StoreUnsafe(ref y1);
        a11.StoreUnsafe(ref y1, Lane);
        a12.StoreUnsafe(ref y1, 2 * Lane);
        a20.StoreUnsafe(ref y2);
        a21.StoreUnsafe(ref y2, Lane);
        a22.StoreUnsafe(ref y2, 2 * Lane);
        a30.StoreUnsafe(ref y3);
        a31.StoreUnsafe(ref y3, Lane);
        a32.StoreUnsafe(ref y3, 2 * Lane);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OneRowWide(ref float panel, int inputs, ref float x, ref float y)
    {
        var a0 = Vector256.LoadUnsafe(ref y);
        var a1 = Vector256.LoadUnsafe(ref y, Lane);
        var a2 = Vector256.LoadUnsafe(ref y, 2 * Lane);
        ref var w = ref panel;
        for (var i = 0; i < inputs; i++)
        {
            var v = Vector256.Create(Unsafe.Add(ref x, i));
            a0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref w), a0);
            a1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref w, Lane), a1);
            a2 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref w, 2 * Lane), a2);
            w = ref Unsafe.Add(ref w, PackedWeights.Wide);
        }
        a0.StoreUnsafe(ref y);
        a1.StoreUnsafe(ref y, Lane);
        a2.StoreUnsafe(ref y, 2 * Lane);
    }
}
