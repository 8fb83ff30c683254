using System.Numerics;
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
        var active = n <= 2048 ? stackalloc int[n + 8] : new int[n + 8];   // + 8: Interleave writes 8 indices at a time
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
    /// inputs that are non-zero in at least one of them (<paramref name="active"/> needs 8 entries of slack): for each
    /// 8 inputs, one mask from the rows' comparisons with zero and one store of its indices, compacted by a table.
    /// </summary>
    private int Interleave(ReadOnlySpan<float> x, Span<float> interleaved, Span<int> active)
    {
        var n = InputWidth;
        ref var source = ref MemoryMarshal.GetReference(x);
        ref var first = ref MemoryMarshal.GetReference(interleaved);
        ref var indices = ref MemoryMarshal.GetReference(active);
        ref var compacted = ref MemoryMarshal.GetArrayDataReference(CompactedLanes);
        var i = 0;
        var count = 0;
        if (Avx.IsSupported)
            for (; i + 8 <= n; i += 8)
            {
                var mask = Transposes.EightByEight(ref Unsafe.Add(ref source, i), n, ref Unsafe.Add(ref first, i * 8), 8);
                (Vector256.Create(i) + Vector256.LoadUnsafe(ref compacted, (nuint)(mask * 8))).StoreUnsafe(ref indices, (nuint)count);
                count += BitOperations.PopCount(mask);
            }
        for (; i < n; i++)
        {
            var any = false;
            for (var r = 0; r < 8; r++) any |= (Unsafe.Add(ref first, i * 8 + r) = Unsafe.Add(ref source, r * n + i)) != 0;
            Unsafe.Add(ref indices, count) = i;
            count += any ? 1 : 0;
        }
        return count;
    }

    /// <summary>For each 8-bit mask, the positions of its set bits in order, padded to 8: <c>[mask · 8 + j]</c>.</summary>
    private static readonly int[] CompactedLanes = BuildCompactedLanes();

    private static int[] BuildCompactedLanes()
    {
        var table = new int[256 * 8];
        for (var mask = 0; mask < 256; mask++)
        {
            var at = 0;
            for (var bit = 0; bit < 8; bit++)
                if ((mask & (1 << bit)) != 0) table[mask * 8 + at++] = bit;
        }
        return table;
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
