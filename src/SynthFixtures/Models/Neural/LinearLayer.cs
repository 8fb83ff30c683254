using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// y = W x + b, with W given as PyTorch stores it: <c>[out, in]</c>, row-major.
/// </summary>
/// <remarks>
/// The kernel keeps a transposed copy of W (<c>[in, out]</c>, each row padded to whole 512-bit vectors) and computes
/// tiles of rows × 3 vectors of outputs (<see cref="LinearKernel{TVectors, TVector}"/>): 8 rows in 24 accumulators
/// where the CPU has AVX-512 (its 32 registers), reading the eight rows' inputs interleaved; otherwise, and for the
/// rows left over, 4 rows in 12 accumulators, then single rows. Each step broadcasts one input of each row and loads
/// one row of Wᵀ, so there are no horizontal sums and each weight is loaded once per row group. Every output is a
/// chain of fused multiply-adds b + x₀w₀ + x₁w₁ + … in input order, whichever tile or row group computed it, so a
/// row's result never depends on how many rows were asked for or on the vector width (but for the sign of an exact
/// zero). Inputs that are zero in every row of a group are skipped (adding 0·w changes nothing, as weights are
/// finite): CTGAN's one-hot condition vector costs almost nothing.
/// </remarks>
public sealed class LinearLayer : NeuralLayer
{
    private const int Padding = 16;   // floats per 512-bit vector

    private readonly float[] _weight;
    private readonly float[] _bias;
    private readonly LinearWeights _kernelWeights;

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
        var stride = (outputWidth + Padding - 1) / Padding * Padding;
        var transposed = new float[inputWidth * stride];
        for (var o = 0; o < outputWidth; o++)
            for (var i = 0; i < inputWidth; i++)
                transposed[i * stride + o] = weight[o * inputWidth + i];
        var paddedBias = new float[stride];
        bias.CopyTo(paddedBias, 0);
        _kernelWeights = new LinearWeights(transposed, paddedBias, inputWidth, outputWidth, stride);
    }

    /// <inheritdoc />
    public override int InputWidth { get; }

    /// <inheritdoc />
    public override int OutputWidth { get; }

    /// <summary>The weights, <c>[out, in]</c> row-major.</summary>
    public ReadOnlySpan<float> Weight => _weight;

    /// <summary>The bias.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <summary>The weights as the kernels read them.</summary>
    internal LinearWeights KernelWeights => _kernelWeights;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> input, Span<float> output, int rows) =>
        ForwardStrided(input, output, OutputWidth, rows, relu: false);

    /// <summary>
    /// Computes <paramref name="rows"/> rows, writing row r's outputs at <c>output[r · outputStride …]</c> (so a caller
    /// can place them inside a wider row), optionally followed by ReLU.
    /// </summary>
    internal void ForwardStrided(ReadOnlySpan<float> input, Span<float> output, int outputStride, int rows, bool relu)
    {
        var n = InputWidth;
        if (input.Length < rows * n || outputStride < OutputWidth || (rows > 0 && output.Length < (rows - 1) * outputStride + OutputWidth))
            throw new ArgumentException("Input or output is too short for the rows asked for.");
        var active = n <= 2048 ? stackalloc int[n] : new int[n];
        var row = 0;
        if (Vector512.IsHardwareAccelerated && rows >= 8)
        {
            var interleaved = n <= 1024 ? stackalloc float[8 * n] : new float[8 * n];
            for (; row + 8 <= rows; row += 8)
            {
                var count = Interleave(input.Slice(row * n, 8 * n), interleaved, active);
                LinearKernel<Vectors512, Vector512<float>>.EightRows(_kernelWeights, interleaved, active[..count], output[(row * outputStride)..], outputStride, relu);
            }
        }
        for (; row + 4 <= rows; row += 4)
        {
            var x = input.Slice(row * n, 4 * n);
            var count = ActiveInputs(x, 4, active);
            if (Vector512.IsHardwareAccelerated) LinearKernel<Vectors512, Vector512<float>>.FourRows(_kernelWeights, x, active[..count], output[(row * outputStride)..], outputStride, relu);
            else LinearKernel<Vectors256, Vector256<float>>.FourRows(_kernelWeights, x, active[..count], output[(row * outputStride)..], outputStride, relu);
        }
        for (; row < rows; row++)
        {
            var x = input.Slice(row * n, n);
            var count = ActiveInputs(x, 1, active);
            if (Vector512.IsHardwareAccelerated) LinearKernel<Vectors512, Vector512<float>>.OneRow(_kernelWeights, x, active[..count], output[(row * outputStride)..], relu);
            else LinearKernel<Vectors256, Vector256<float>>.OneRow(_kernelWeights, x, active[..count], output[(row * outputStride)..], relu);
        }
    }

    /// <summary>
    /// Copies 8 rows of inputs into <paramref name="interleaved"/> (<c>[i · 8 + r]</c>) and writes the indices of the
    /// inputs that are non-zero in at least one of them, checking each input's eight values with one comparison.
    /// </summary>
    private int Interleave(ReadOnlySpan<float> x, Span<float> interleaved, Span<int> active)
    {
        var n = InputWidth;
        ref var source = ref MemoryMarshal.GetReference(x);
        ref var first = ref MemoryMarshal.GetReference(interleaved);
        var i = 0;
        if (Avx.IsSupported)
            for (; i + 8 <= n; i += 8) Transpose8x8(ref Unsafe.Add(ref source, i), n, ref Unsafe.Add(ref first, i * 8));
        for (; i < n; i++)
            for (var r = 0; r < 8; r++) Unsafe.Add(ref first, i * 8 + r) = Unsafe.Add(ref source, r * n + i);
        var count = 0;
        for (i = 0; i < n; i++)
        {
            active[count] = i;
            count += Vector256.EqualsAll(Vector256.LoadUnsafe(ref first, (nuint)(i * 8)), Vector256<float>.Zero) ? 0 : 1;
        }
        return count;
    }

    /// <summary>
    /// Eight inputs of eight rows (row r at <c>source[r · n …]</c>) into eight interleaved groups (<c>destination[k · 8 + r]</c>):
    /// the standard 8 × 8 transpose in unpacks, shuffles and lane permutes, where scalar copies would cost a store each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(ref float source, int n, ref float destination)
    {
        var r0 = Vector256.LoadUnsafe(ref source);
        var r1 = Vector256.LoadUnsafe(ref source, (nuint)n);
        var r2 = Vector256.LoadUnsafe(ref source, (nuint)(2 * n));
        var r3 = Vector256.LoadUnsafe(ref source, (nuint)(3 * n));
        var r4 = Vector256.LoadUnsafe(ref source, (nuint)(4 * n));
        var r5 = Vector256.LoadUnsafe(ref source, (nuint)(5 * n));
        var r6 = Vector256.LoadUnsafe(ref source, (nuint)(6 * n));
        var r7 = Vector256.LoadUnsafe(ref source, (nuint)(7 * n));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref destination, 8);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref destination, 16);
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref destination, 24);
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref destination, 32);
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref destination, 40);
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref destination, 48);
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref destination, 56);
    }

    /// <summary>Writes the indices of the inputs that are non-zero in at least one of the <paramref name="rows"/> rows.</summary>
    private int ActiveInputs(ReadOnlySpan<float> x, int rows, Span<int> active)
    {
        var n = InputWidth;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var any = false;
            for (var r = 0; r < rows; r++) any |= x[r * n + i] != 0;
            active[count] = i;
            count += any ? 1 : 0;   // branch-free: a ReLU's zeros would make a branch unpredictable
        }
        return count;
    }
}

/// <summary>A linear layer's weights as its kernels read them.</summary>
/// <param name="Transposed">Wᵀ, <c>[in, Stride]</c> row-major, zero-padded.</param>
/// <param name="Bias">The bias, zero-padded to <paramref name="Stride"/>.</param>
/// <param name="InputWidth">Inputs.</param>
/// <param name="OutputWidth">Outputs.</param>
/// <param name="Stride">Outputs rounded up to whole 512-bit vectors (so both kernels read the same arrays).</param>
internal readonly record struct LinearWeights(float[] Transposed, float[] Bias, int InputWidth, int OutputWidth, int Stride);
