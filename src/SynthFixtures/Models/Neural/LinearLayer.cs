using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// y = W x + b, with W stored as PyTorch stores it: <c>[out, in]</c>, row-major. Uses 256-bit vectors (emulated, and
/// slower, where the CPU has none), so results are the same bits for any batch size.
/// </summary>
public sealed class LinearLayer : NeuralLayer
{
    private readonly float[] _weight;
    private readonly float[] _bias;

    /// <summary>Creates the layer from PyTorch-layout weights.</summary>
    /// <param name="inputWidth">Input features.</param>
    /// <param name="outputWidth">Output features.</param>
    /// <param name="weight"><c>outputWidth × inputWidth</c> values, row-major.</param>
    /// <param name="bias"><c>outputWidth</c> values.</param>
    public LinearLayer(int inputWidth, int outputWidth, float[] weight, float[] bias)
    {
        if (inputWidth < 1 || outputWidth < 1) throw new ArgumentOutOfRangeException(nameof(inputWidth), "Widths must be positive.");
        InputWidth = inputWidth;
        OutputWidth = outputWidth;
        _weight = Checked(weight, inputWidth * outputWidth, nameof(weight));
        _bias = Checked(bias, outputWidth, nameof(bias));
    }

    /// <inheritdoc />
    public override int InputWidth { get; }

    /// <inheritdoc />
    public override int OutputWidth { get; }

    /// <summary>The weights, <c>[out, in]</c> row-major.</summary>
    public ReadOnlySpan<float> Weight => _weight;

    /// <summary>The bias.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        // Both kernels add in exactly the same order (8-lane FMA accumulators, their sum, then the scalar tail), so a
        // row's output never depends on which kernel ran it, i.e. on how many rows were asked for.
        var row = 0;
        for (; row + 4 <= rows; row += 4) FourRows(input.Slice(row * InputWidth, 4 * InputWidth), output.Slice(row * OutputWidth, 4 * OutputWidth));
        for (; row < rows; row++) OneRow(input.Slice(row * InputWidth, InputWidth), output.Slice(row * OutputWidth, OutputWidth));
    }

    private void OneRow(ReadOnlySpan<float> input, Span<float> output)
    {
        var n = InputWidth;
        var simd = n - n % Vector256<float>.Count;
        ref var x = ref MemoryMarshal.GetReference(input);
        for (var o = 0; o < OutputWidth; o++)
        {
            ref var w = ref _weight[o * n];
            var a = Vector256<float>.Zero;
            var i = 0;
            for (; i < simd; i += Vector256<float>.Count)
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref w, (nuint)i), a);
            var s = Vector256.Sum(a);
            for (; i < n; i++) s += Unsafe.Add(ref x, i) * Unsafe.Add(ref w, i);
            output[o] = s + _bias[o];
        }
    }

    /// <summary>Four rows at once: each weight vector is loaded once and used four times, which halves the memory traffic.</summary>
    private void FourRows(ReadOnlySpan<float> input, Span<float> output)
    {
        var n = InputWidth;
        var simd = n - n % Vector256<float>.Count;
        ref var x0 = ref MemoryMarshal.GetReference(input);
        ref var x1 = ref Unsafe.Add(ref x0, n);
        ref var x2 = ref Unsafe.Add(ref x0, 2 * n);
        ref var x3 = ref Unsafe.Add(ref x0, 3 * n);
        for (var o = 0; o < OutputWidth; o++)
        {
            ref var w = ref _weight[o * n];
            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            var i = 0;
            for (; i < simd; i += Vector256<float>.Count)
            {
                var wv = Vector256.LoadUnsafe(ref w, (nuint)i);
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)i), wv, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)i), wv, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x2, (nuint)i), wv, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x3, (nuint)i), wv, a3);
            }
            float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
            for (; i < n; i++)
            {
                var wi = Unsafe.Add(ref w, i);
                s0 += Unsafe.Add(ref x0, i) * wi;
                s1 += Unsafe.Add(ref x1, i) * wi;
                s2 += Unsafe.Add(ref x2, i) * wi;
                s3 += Unsafe.Add(ref x3, i) * wi;
            }
            var b = _bias[o];
            output[o] = s0 + b;
            output[OutputWidth + o] = s1 + b;
            output[2 * OutputWidth + o] = s2 + b;
            output[3 * OutputWidth + o] = s3 + b;
        }
    }
}
