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
            // Two inputs per iteration halve the loop's integer work (index, addresses, counter), which otherwise
            // competes with the multiply-adds for execution ports; each accumulator still adds its terms in input order.
            ref var index = ref MemoryMarshal.GetReference(active);
            var k = 0;
            for (; k + 2 <= active.Length; k += 2)
            {
                Step(ref wt, ref x, Unsafe.Add(ref index, k) * (nint)stride + o, Unsafe.Add(ref index, k) * (nint)8,
                    ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32,
                    ref a40, ref a41, ref a42, ref a50, ref a51, ref a52, ref a60, ref a61, ref a62, ref a70, ref a71, ref a72);
                Step(ref wt, ref x, Unsafe.Add(ref index, k + 1) * (nint)stride + o, Unsafe.Add(ref index, k + 1) * (nint)8,
                    ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32,
                    ref a40, ref a41, ref a42, ref a50, ref a51, ref a52, ref a60, ref a61, ref a62, ref a70, ref a71, ref a72);
            }
            if (k < active.Length)
                Step(ref wt, ref x, Unsafe.Add(ref index, k) * (nint)stride + o, Unsafe.Add(ref index, k) * (nint)8,
                    ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32,
                    ref a40, ref a41, ref a42, ref a50, ref a51, ref a52, ref a60, ref a61, ref a62, ref a70, ref a71, ref a72);
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

    /// <summary>One input of <see cref="EightRows"/>' main tile: three weight vectors against the input's eight values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref float wt, ref float x, nint weightAt, nint inputAt,
        ref TVector a00, ref TVector a01, ref TVector a02, ref TVector a10, ref TVector a11, ref TVector a12,
        ref TVector a20, ref TVector a21, ref TVector a22, ref TVector a30, ref TVector a31, ref TVector a32,
        ref TVector a40, ref TVector a41, ref TVector a42, ref TVector a50, ref TVector a51, ref TVector a52,
        ref TVector a60, ref TVector a61, ref TVector a62, ref TVector a70, ref TVector a71, ref TVector a72)
    {
        ref var w = ref Unsafe.Add(ref wt, weightAt);
        var w0 = TVectors.Load(ref w, 0);
        var w1 = TVectors.Load(ref w, (nuint)Lane);
        var w2 = TVectors.Load(ref w, (nuint)(2 * Lane));
        ref var xi = ref Unsafe.Add(ref x, inputAt);
        var v = TVectors.Broadcast(Unsafe.Add(ref xi, 0));
        a00 = TVectors.MultiplyAdd(v, w0, a00);
        a01 = TVectors.MultiplyAdd(v, w1, a01);
        a02 = TVectors.MultiplyAdd(v, w2, a02);
        v = TVectors.Broadcast(Unsafe.Add(ref xi, 1));
        a10 = TVectors.MultiplyAdd(v, w0, a10);
        a11 = TVectors.MultiplyAdd(v, w1, a11);
        a12 = TVectors.MultiplyAdd(v, w2, a12);
        v = TVectors.Broadcast(Unsafe.Add(ref xi, 2));
        a20 = TVectors.MultiplyAdd(v, w0, a20);
        a21 = TVectors.MultiplyAdd(v, w1, a21);
        a22 = TVectors.MultiplyAdd(v, w2, a22);
        v = TVectors.Broadcast(Unsafe.Add(ref xi, 3));
        a30 = TVectors.MultiplyAdd(v, w0, a30);
        a31 = TVectors.MultiplyAdd(v, w1, a31);
        a32 = TVectors.MultiplyAdd(v, w2, a32);
        v = TVectors.Broadcast(Unsafe.Add(ref xi, 4));
        a40 = TVectors.MultiplyAdd(v, w0, a40);
        a41 = TVectors.MultiplyAdd(v, w1, a41);
        a42 = TVectors.MultiplyAdd(v, w2, a42);
        v = TVectors.Broadcast(Unsafe.Add(ref xi, 5));
        a50 = TVectors.MultiplyAdd(v, w0, a50);
        a51 = TVectors.MultiplyAdd(v, w1, a51);
        a52 = TVectors.MultiplyAdd(v, w2, a52);
        v = TVectors.Broadcast(Unsafe.Add(ref xi, 6));
        a60 = TVectors.MultiplyAdd(v, w0, a60);
        a61 = TVectors.MultiplyAdd(v, w1, a61);
        a62 = TVectors.MultiplyAdd(v, w2, a62);
        v = TVectors.Broadcast(Unsafe.Add(ref xi, 7));
        a70 = TVectors.MultiplyAdd(v, w0, a70);
        a71 = TVectors.MultiplyAdd(v, w1, a71);
        a72 = TVectors.MultiplyAdd(v, w2, a72);
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
