using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// <see cref="LinearKernel256"/> on 512-bit vectors (tiles of 4 rows × 48 outputs), used where the CPU has AVX-512:
/// fewer instructions and loads per multiply-add, and the same bits, as each output lane's chain of fused
/// multiply-adds is the same.
/// </summary>
internal static class LinearKernel512
{
    private const int Lane = 16;         // floats per vector
    private const int TileVectors = 3;   // 48 outputs per main tile: 12 accumulators for 4 rows

    public static void FourRows(in LinearWeights weights, ReadOnlySpan<float> input, ReadOnlySpan<int> active, Span<float> output, int outputStride, bool relu)
    {
        var n = weights.InputWidth;
        var stride = weights.Stride;
        var width = weights.OutputWidth;
        ref var x0 = ref MemoryMarshal.GetReference(input);
        ref var x1 = ref Unsafe.Add(ref x0, n);
        ref var x2 = ref Unsafe.Add(ref x0, 2 * n);
        ref var x3 = ref Unsafe.Add(ref x0, 3 * n);
        ref var wt = ref MemoryMarshal.GetArrayDataReference(weights.Transposed);
        ref var b = ref MemoryMarshal.GetArrayDataReference(weights.Bias);
        var o = 0;
        for (; o + TileVectors * Lane <= stride; o += TileVectors * Lane)
        {
            var b0 = Vector512.LoadUnsafe(ref b, (nuint)o);
            var b1 = Vector512.LoadUnsafe(ref b, (nuint)(o + Lane));
            var b2 = Vector512.LoadUnsafe(ref b, (nuint)(o + 2 * Lane));
            Vector512<float> a00 = b0, a01 = b1, a02 = b2, a10 = b0, a11 = b1, a12 = b2;
            Vector512<float> a20 = b0, a21 = b1, a22 = b2, a30 = b0, a31 = b1, a32 = b2;
            foreach (var i in active)
            {
                ref var w = ref Unsafe.Add(ref wt, i * stride + o);
                var w0 = Vector512.LoadUnsafe(ref w);
                var w1 = Vector512.LoadUnsafe(ref w, Lane);
                var w2 = Vector512.LoadUnsafe(ref w, 2 * Lane);
                var v = Vector512.Create(Unsafe.Add(ref x0, i));
                a00 = Vector512.FusedMultiplyAdd(v, w0, a00);
                a01 = Vector512.FusedMultiplyAdd(v, w1, a01);
                a02 = Vector512.FusedMultiplyAdd(v, w2, a02);
                v = Vector512.Create(Unsafe.Add(ref x1, i));
                a10 = Vector512.FusedMultiplyAdd(v, w0, a10);
                a11 = Vector512.FusedMultiplyAdd(v, w1, a11);
                a12 = Vector512.FusedMultiplyAdd(v, w2, a12);
                v = Vector512.Create(Unsafe.Add(ref x2, i));
                a20 = Vector512.FusedMultiplyAdd(v, w0, a20);
                a21 = Vector512.FusedMultiplyAdd(v, w1, a21);
                a22 = Vector512.FusedMultiplyAdd(v, w2, a22);
                v = Vector512.Create(Unsafe.Add(ref x3, i));
                a30 = Vector512.FusedMultiplyAdd(v, w0, a30);
                a31 = Vector512.FusedMultiplyAdd(v, w1, a31);
                a32 = Vector512.FusedMultiplyAdd(v, w2, a32);
            }
            Store(output, o, width, relu, a00, a01, a02);
            Store(output[outputStride..], o, width, relu, a10, a11, a12);
            Store(output[(2 * outputStride)..], o, width, relu, a20, a21, a22);
            Store(output[(3 * outputStride)..], o, width, relu, a30, a31, a32);
        }
        for (; o < stride; o += Lane)
        {
            var bias = Vector512.LoadUnsafe(ref b, (nuint)o);
            Vector512<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias;
            foreach (var i in active)
            {
                var w = Vector512.LoadUnsafe(ref Unsafe.Add(ref wt, i * stride + o));
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x0, i)), w, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x1, i)), w, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x2, i)), w, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x3, i)), w, a3);
            }
            Store(output, o, width, relu, a0);
            Store(output[outputStride..], o, width, relu, a1);
            Store(output[(2 * outputStride)..], o, width, relu, a2);
            Store(output[(3 * outputStride)..], o, width, relu, a3);
        }
    }

    public static void OneRow(in LinearWeights weights, ReadOnlySpan<float> input, ReadOnlySpan<int> active, Span<float> output, bool relu)
    {
        var stride = weights.Stride;
        var width = weights.OutputWidth;
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var wt = ref MemoryMarshal.GetArrayDataReference(weights.Transposed);
        ref var b = ref MemoryMarshal.GetArrayDataReference(weights.Bias);
        for (var o = 0; o < stride; o += Lane)
        {
            var a = Vector512.LoadUnsafe(ref b, (nuint)o);
            foreach (var i in active)
                a = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, i)), Vector512.LoadUnsafe(ref Unsafe.Add(ref wt, i * stride + o)), a);
            Store(output, o, width, relu, a);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> row, int o, int width, bool relu, Vector512<float> a0, Vector512<float> a1, Vector512<float> a2)
    {
        Store(row, o, width, relu, a0);
        Store(row, o + Lane, width, relu, a1);
        Store(row, o + 2 * Lane, width, relu, a2);
    }

    /// <summary>Stores one vector of outputs, dropping the padding lanes past the output width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> row, int o, int width, bool relu, Vector512<float> values)
    {
        if (relu) values = Vector512.Max(values, Vector512<float>.Zero);
        if (o + Lane <= width)
        {
            values.StoreUnsafe(ref MemoryMarshal.GetReference(row), (nuint)o);
            return;
        }
        for (var k = 0; o + k < width; k++) row[o + k] = values.GetElement(k);
    }
}
