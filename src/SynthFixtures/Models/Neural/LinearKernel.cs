using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// <see cref="LinearLayer"/>'s kernel: tiles of 8 or 4 rows × 3 vectors of outputs (24 or 12 accumulators), and
/// single rows, each step broadcasting one input per row against one row of Wᵀ. Instantiated for 256- and 512-bit vectors; each output lane
/// is the same chain of fused multiply-adds in both, so they give the same bits.
/// </summary>
internal static class LinearKernel<TVectors, TVector>
    where TVectors : struct, IFloatVectors<TVector>
    where TVector : struct
{
    private const int TileVectors = 3;   // 3 vectors of outputs per main tile: 12 accumulators for 4 rows

    private static int Lane => TVectors.Lanes;

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
            var b0 = TVectors.Load(ref b, (nuint)o);
            var b1 = TVectors.Load(ref b, (nuint)(o + Lane));
            var b2 = TVectors.Load(ref b, (nuint)(o + 2 * Lane));
            TVector a00 = b0, a01 = b1, a02 = b2, a10 = b0, a11 = b1, a12 = b2;
            TVector a20 = b0, a21 = b1, a22 = b2, a30 = b0, a31 = b1, a32 = b2;
            foreach (var i in active)
            {
                ref var w = ref Unsafe.Add(ref wt, i * stride + o);
                var w0 = TVectors.Load(ref w, 0);
                var w1 = TVectors.Load(ref w, (nuint)Lane);
                var w2 = TVectors.Load(ref w, (nuint)(2 * Lane));
                var v = TVectors.Broadcast(Unsafe.Add(ref x0, i));
                a00 = TVectors.MultiplyAdd(v, w0, a00);
                a01 = TVectors.MultiplyAdd(v, w1, a01);
                a02 = TVectors.MultiplyAdd(v, w2, a02);
                v = TVectors.Broadcast(Unsafe.Add(ref x1, i));
                a10 = TVectors.MultiplyAdd(v, w0, a10);
                a11 = TVectors.MultiplyAdd(v, w1, a11);
                a12 = TVectors.MultiplyAdd(v, w2, a12);
                v = TVectors.Broadcast(Unsafe.Add(ref x2, i));
                a20 = TVectors.MultiplyAdd(v, w0, a20);
                a21 = TVectors.MultiplyAdd(v, w1, a21);
                a22 = TVectors.MultiplyAdd(v, w2, a22);
                v = TVectors.Broadcast(Unsafe.Add(ref x3, i));
                a30 = TVectors.MultiplyAdd(v, w0, a30);
                a31 = TVectors.MultiplyAdd(v, w1, a31);
                a32 = TVectors.MultiplyAdd(v, w2, a32);
            }
            Store(output, o, width, relu, a00, a01, a02);
            Store(output[outputStride..], o, width, relu, a10, a11, a12);
            Store(output[(2 * outputStride)..], o, width, relu, a20, a21, a22);
            Store(output[(3 * outputStride)..], o, width, relu, a30, a31, a32);
        }
        for (; o < stride; o += Lane)
        {
            var bias = TVectors.Load(ref b, (nuint)o);
            TVector a0 = bias, a1 = bias, a2 = bias, a3 = bias;
            foreach (var i in active)
            {
                var w = TVectors.Load(ref Unsafe.Add(ref wt, i * stride + o), 0);
                a0 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref x0, i)), w, a0);
                a1 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref x1, i)), w, a1);
                a2 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref x2, i)), w, a2);
                a3 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref x3, i)), w, a3);
            }
            Store(output, o, width, relu, a0);
            Store(output[outputStride..], o, width, relu, a1);
            Store(output[(2 * outputStride)..], o, width, relu, a2);
            Store(output[(3 * outputStride)..], o, width, relu, a3);
        }
    }

    /// <summary>
    /// As <see cref="FourRows"/> for 8 rows: 24 accumulators, for 512-bit vectors' 32 registers; each weight is loaded
    /// once per eight rows. The inputs come interleaved (<c>interleaved[i · 8 + r]</c> is row r's input i), so one
    /// base register serves all eight broadcasts: eight row pointers would not fit in the general registers beside the
    /// loop's own.
    /// </summary>
    public static void EightRows(in LinearWeights weights, ReadOnlySpan<float> interleaved, ReadOnlySpan<int> active, Span<float> output, int outputStride, bool relu)
    {
        var stride = weights.Stride;
        var width = weights.OutputWidth;
        ref var x = ref MemoryMarshal.GetReference(interleaved);
        ref var wt = ref MemoryMarshal.GetArrayDataReference(weights.Transposed);
        ref var b = ref MemoryMarshal.GetArrayDataReference(weights.Bias);
        var o = 0;
        for (; o + TileVectors * Lane <= stride; o += TileVectors * Lane)
        {
            var b0 = TVectors.Load(ref b, (nuint)o);
            var b1 = TVectors.Load(ref b, (nuint)(o + Lane));
            var b2 = TVectors.Load(ref b, (nuint)(o + 2 * Lane));
            TVector a00 = b0, a01 = b1, a02 = b2;
            TVector a10 = b0, a11 = b1, a12 = b2;
            TVector a20 = b0, a21 = b1, a22 = b2;
            TVector a30 = b0, a31 = b1, a32 = b2;
            TVector a40 = b0, a41 = b1, a42 = b2;
            TVector a50 = b0, a51 = b1, a52 = b2;
            TVector a60 = b0, a61 = b1, a62 = b2;
            TVector a70 = b0, a71 = b1, a72 = b2;
            foreach (var i in active)
            {
                ref var w = ref Unsafe.Add(ref wt, i * stride + o);
                var w0 = TVectors.Load(ref w, 0);
                var w1 = TVectors.Load(ref w, (nuint)Lane);
                var w2 = TVectors.Load(ref w, (nuint)(2 * Lane));
                ref var xi = ref Unsafe.Add(ref x, i * 8);
                var v0 = TVectors.Broadcast(Unsafe.Add(ref xi, 0));
                a00 = TVectors.MultiplyAdd(v0, w0, a00);
                a01 = TVectors.MultiplyAdd(v0, w1, a01);
                a02 = TVectors.MultiplyAdd(v0, w2, a02);
                var v1 = TVectors.Broadcast(Unsafe.Add(ref xi, 1));
                a10 = TVectors.MultiplyAdd(v1, w0, a10);
                a11 = TVectors.MultiplyAdd(v1, w1, a11);
                a12 = TVectors.MultiplyAdd(v1, w2, a12);
                var v2 = TVectors.Broadcast(Unsafe.Add(ref xi, 2));
                a20 = TVectors.MultiplyAdd(v2, w0, a20);
                a21 = TVectors.MultiplyAdd(v2, w1, a21);
                a22 = TVectors.MultiplyAdd(v2, w2, a22);
                var v3 = TVectors.Broadcast(Unsafe.Add(ref xi, 3));
                a30 = TVectors.MultiplyAdd(v3, w0, a30);
                a31 = TVectors.MultiplyAdd(v3, w1, a31);
                a32 = TVectors.MultiplyAdd(v3, w2, a32);
                var v4 = TVectors.Broadcast(Unsafe.Add(ref xi, 4));
                a40 = TVectors.MultiplyAdd(v4, w0, a40);
                a41 = TVectors.MultiplyAdd(v4, w1, a41);
                a42 = TVectors.MultiplyAdd(v4, w2, a42);
                var v5 = TVectors.Broadcast(Unsafe.Add(ref xi, 5));
                a50 = TVectors.MultiplyAdd(v5, w0, a50);
                a51 = TVectors.MultiplyAdd(v5, w1, a51);
                a52 = TVectors.MultiplyAdd(v5, w2, a52);
                var v6 = TVectors.Broadcast(Unsafe.Add(ref xi, 6));
                a60 = TVectors.MultiplyAdd(v6, w0, a60);
                a61 = TVectors.MultiplyAdd(v6, w1, a61);
                a62 = TVectors.MultiplyAdd(v6, w2, a62);
                var v7 = TVectors.Broadcast(Unsafe.Add(ref xi, 7));
                a70 = TVectors.MultiplyAdd(v7, w0, a70);
                a71 = TVectors.MultiplyAdd(v7, w1, a71);
                a72 = TVectors.MultiplyAdd(v7, w2, a72);
            }
            Store(output, o, width, relu, a00, a01, a02);
            Store(output[outputStride..], o, width, relu, a10, a11, a12);
            Store(output[(2 * outputStride)..], o, width, relu, a20, a21, a22);
            Store(output[(3 * outputStride)..], o, width, relu, a30, a31, a32);
            Store(output[(4 * outputStride)..], o, width, relu, a40, a41, a42);
            Store(output[(5 * outputStride)..], o, width, relu, a50, a51, a52);
            Store(output[(6 * outputStride)..], o, width, relu, a60, a61, a62);
            Store(output[(7 * outputStride)..], o, width, relu, a70, a71, a72);
        }
        for (; o < stride; o += Lane)
        {
            var bias = TVectors.Load(ref b, (nuint)o);
            TVector a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
            foreach (var i in active)
            {
                var w = TVectors.Load(ref Unsafe.Add(ref wt, i * stride + o), 0);
                ref var xi = ref Unsafe.Add(ref x, i * 8);
                a0 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 0)), w, a0);
                a1 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 1)), w, a1);
                a2 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 2)), w, a2);
                a3 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 3)), w, a3);
                a4 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 4)), w, a4);
                a5 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 5)), w, a5);
                a6 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 6)), w, a6);
                a7 = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref xi, 7)), w, a7);
            }
            Store(output, o, width, relu, a0);
            Store(output[outputStride..], o, width, relu, a1);
            Store(output[(2 * outputStride)..], o, width, relu, a2);
            Store(output[(3 * outputStride)..], o, width, relu, a3);
            Store(output[(4 * outputStride)..], o, width, relu, a4);
            Store(output[(5 * outputStride)..], o, width, relu, a5);
            Store(output[(6 * outputStride)..], o, width, relu, a6);
            Store(output[(7 * outputStride)..], o, width, relu, a7);
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
            var a = TVectors.Load(ref b, (nuint)o);
            foreach (var i in active)
                a = TVectors.MultiplyAdd(TVectors.Broadcast(Unsafe.Add(ref x, i)), TVectors.Load(ref Unsafe.Add(ref wt, i * stride + o), 0), a);
            Store(output, o, width, relu, a);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> row, int o, int width, bool relu, TVector a0, TVector a1, TVector a2)
    {
        Store(row, o, width, relu, a0);
        Store(row, o + Lane, width, relu, a1);
        Store(row, o + 2 * Lane, width, relu, a2);
    }

    /// <summary>Stores one vector of outputs, dropping the padding lanes past the output width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> row, int o, int width, bool relu, TVector values)
    {
        if (relu) values = TVectors.Relu(values);
        if (o + Lane <= width)
        {
            TVectors.Store(values, ref MemoryMarshal.GetReference(row), (nuint)o);
            return;
        }
        for (var k = 0; o + k < width; k++) row[o + k] = TVectors.Element(values, k);
    }
}
