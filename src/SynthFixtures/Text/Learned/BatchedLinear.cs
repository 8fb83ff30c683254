using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// <c>y += x · W</c> for a batch of rows, with W stored input-major (<c>w[i · stride + o]</c>, the transpose of
/// PyTorch's <c>[out × in]</c>) and outputs padded to whole 8-float vectors. Each output is one chain of fused
/// multiply-adds in input order whichever tile computes it, so a row's result never depends on the rows batched with
/// it. Output tiles are the outer loop: a tile's strip of W (inputs × 24 floats) stays in L1 while every row uses it.
/// </summary>
internal static class BatchedLinear
{
    public const int Lane = 8;
    private const int TileVectors = 3;

    /// <summary>The padded output width for <paramref name="outputs"/> outputs.</summary>
    public static int StrideOf(int outputs) => (outputs + Lane - 1) / Lane * Lane;

    /// <summary>W (PyTorch's <c>[outputs × inputs]</c>, row-major) as the kernel stores it: input-major, outputs padded with zeros.</summary>
    public static float[] Transpose(ReadOnlySpan<float> weight, int outputs, int inputs)
    {
        var stride = StrideOf(outputs);
        var transposed = new float[inputs * stride];
        for (var o = 0; o < outputs; o++)
            for (var i = 0; i < inputs; i++) transposed[i * stride + o] = weight[o * inputs + i];
        return transposed;
    }

    /// <summary>y[r, ·] += x[r, ·] · W for rows 0 … rows − 1 (x: <c>rows × inputs</c>; y: <c>rows × stride</c>).</summary>
    public static void Accumulate(float[] w, int inputs, int stride, ReadOnlySpan<float> x, Span<float> y, int rows)
    {
        ref var wt = ref MemoryMarshal.GetArrayDataReference(w);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        var o = 0;
        for (; o + TileVectors * Lane <= stride; o += TileVectors * Lane)
        {
            var r = 0;
            for (; r + 4 <= rows; r += 4) FourRowsTile(ref wt, inputs, stride, o, ref Unsafe.Add(ref x0, r * inputs), ref Unsafe.Add(ref y0, r * stride));
            for (; r < rows; r++) OneRowTile(ref wt, inputs, stride, o, ref Unsafe.Add(ref x0, r * inputs), ref Unsafe.Add(ref y0, r * stride));
        }
        for (; o < stride; o += Lane)
            for (var r = 0; r < rows; r++)
            {
                ref var xr = ref Unsafe.Add(ref x0, r * inputs);
                ref var yr = ref Unsafe.Add(ref y0, r * stride + o);
                var a = Vector256.LoadUnsafe(ref yr);
                for (var i = 0; i < inputs; i++)
                    a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, i)), Vector256.LoadUnsafe(ref wt, (nuint)(i * stride + o)), a);
                a.StoreUnsafe(ref yr);
            }
    }

    private static void FourRowsTile(ref float wt, int inputs, int stride, int o, ref float x, ref float y)
    {
        ref var y1 = ref Unsafe.Add(ref y, stride);
        ref var y2 = ref Unsafe.Add(ref y, 2 * stride);
        ref var y3 = ref Unsafe.Add(ref y, 3 * stride);
        var a00 = Vector256.LoadUnsafe(ref y, (nuint)o);
        var a01 = Vector256.LoadUnsafe(ref y, (nuint)(o + Lane));
        var a02 = Vector256.LoadUnsafe(ref y, (nuint)(o + 2 * Lane));
        var a10 = Vector256.LoadUnsafe(ref y1, (nuint)o);
        var a11 = Vector256.LoadUnsafe(ref y1, (nuint)(o + Lane));
        var a12 = Vector256.LoadUnsafe(ref y1, (nuint)(o + 2 * Lane));
        var a20 = Vector256.LoadUnsafe(ref y2, (nuint)o);
        var a21 = Vector256.LoadUnsafe(ref y2, (nuint)(o + Lane));
        var a22 = Vector256.LoadUnsafe(ref y2, (nuint)(o + 2 * Lane));
        var a30 = Vector256.LoadUnsafe(ref y3, (nuint)o);
        var a31 = Vector256.LoadUnsafe(ref y3, (nuint)(o + Lane));
        var a32 = Vector256.LoadUnsafe(ref y3, (nuint)(o + 2 * Lane));
        ref var x1 = ref Unsafe.Add(ref x, inputs);
        ref var x2 = ref Unsafe.Add(ref x, 2 * inputs);
        ref var x3 = ref Unsafe.Add(ref x, 3 * inputs);
        for (var i = 0; i < inputs; i++)
        {
            ref var w = ref Unsafe.Add(ref wt, i * stride + o);
            var w0 = Vector256.LoadUnsafe(ref w);
            var w1 = Vector256.LoadUnsafe(ref w, Lane);
            var w2 = Vector256.LoadUnsafe(ref w, 2 * Lane);
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
        a00.StoreUnsafe(ref y, (nuint)o);
        a01.StoreUnsafe(ref y, (nuint)(o + Lane));
        a02.StoreUnsafe(ref y, (nuint)(o + 2 * Lane));
        a10.StoreUnsafe(ref y1, (nuint)o);
        a11.StoreUnsafe(ref y1, (nuint)(o + Lane));
        a12.StoreUnsafe(ref y1, (nuint)(o + 2 * Lane));
        a20.StoreUnsafe(ref y2, (nuint)o);
        a21.StoreUnsafe(ref y2, (nuint)(o + Lane));
        a22.StoreUnsafe(ref y2, (nuint)(o + 2 * Lane));
        a30.StoreUnsafe(ref y3, (nuint)o);
        a31.StoreUnsafe(ref y3, (nuint)(o + Lane));
        a32.StoreUnsafe(ref y3, (nuint)(o + 2 * Lane));
    }

    private static void OneRowTile(ref float wt, int inputs, int stride, int o, ref float x, ref float y)
    {
        var a0 = Vector256.LoadUnsafe(ref y, (nuint)o);
        var a1 = Vector256.LoadUnsafe(ref y, (nuint)(o + Lane));
        var a2 = Vector256.LoadUnsafe(ref y, (nuint)(o + 2 * Lane));
        for (var i = 0; i < inputs; i++)
        {
            ref var w = ref Unsafe.Add(ref wt, i * stride + o);
            var v = Vector256.Create(Unsafe.Add(ref x, i));
            a0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref w), a0);
            a1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref w, Lane), a1);
            a2 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref w, 2 * Lane), a2);
        }
        a0.StoreUnsafe(ref y, (nuint)o);
        a1.StoreUnsafe(ref y, (nuint)(o + Lane));
        a2.StoreUnsafe(ref y, (nuint)(o + 2 * Lane));
    }
}
