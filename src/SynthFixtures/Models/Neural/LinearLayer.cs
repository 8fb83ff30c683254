using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// y = W x + b, with W given as PyTorch stores it: <c>[out, in]</c>, row-major.
/// </summary>
/// <remarks>
/// The kernel keeps a transposed copy of W (<c>[in, out]</c>, each row padded to whole 256-bit vectors) and computes
/// a tile of 4 rows × 24 outputs in twelve vector accumulators: each step broadcasts one input of each row and
/// loads one row of Wᵀ, so there are no horizontal sums and each weight is loaded once per four rows. Every output is
/// a chain of fused multiply-adds b + x₀w₀ + x₁w₁ + … in input order, whichever tile or row group computed it, so a
/// row's result never depends on how many rows were asked for or on the vector width. Inputs that are zero in every
/// row of a group are skipped (adding 0·w changes nothing, as weights are finite): CTGAN's one-hot condition vector
/// and ReLU's zeros cost nothing.
/// </remarks>
public sealed class LinearLayer : NeuralLayer
{
    private const int Lane = 8;          // floats per Vector256
    private const int TileVectors = 3;   // 24 outputs per main tile: 12 accumulators for 4 rows

    private readonly float[] _weight;
    private readonly float[] _bias;
    private readonly float[] _transposed;     // [in, stride], zero-padded
    private readonly float[] _paddedBias;     // [stride]
    private readonly int _stride;             // OutputWidth rounded up to a whole vector

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
        _stride = (outputWidth + Lane - 1) / Lane * Lane;
        _transposed = new float[inputWidth * _stride];
        for (var o = 0; o < outputWidth; o++)
            for (var i = 0; i < inputWidth; i++)
                _transposed[i * _stride + o] = weight[o * inputWidth + i];
        _paddedBias = new float[_stride];
        bias.CopyTo(_paddedBias, 0);
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
        for (; row + 4 <= rows; row += 4)
        {
            var x = input.Slice(row * n, 4 * n);
            var count = ActiveInputs(x, 4, active);
            FourRows(x, active[..count], output[(row * outputStride)..], outputStride, relu);
        }
        for (; row < rows; row++)
        {
            var x = input.Slice(row * n, n);
            var count = ActiveInputs(x, 1, active);
            OneRow(x, active[..count], output[(row * outputStride)..], relu);
        }
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

    private void FourRows(ReadOnlySpan<float> input, ReadOnlySpan<int> active, Span<float> output, int outputStride, bool relu)
    {
        var n = InputWidth;
        ref var x0 = ref MemoryMarshal.GetReference(input);
        ref var x1 = ref Unsafe.Add(ref x0, n);
        ref var x2 = ref Unsafe.Add(ref x0, 2 * n);
        ref var x3 = ref Unsafe.Add(ref x0, 3 * n);
        ref var wt = ref MemoryMarshal.GetArrayDataReference(_transposed);
        ref var b = ref MemoryMarshal.GetArrayDataReference(_paddedBias);
        var o = 0;
        for (; o + TileVectors * Lane <= _stride; o += TileVectors * Lane)
        {
            var b0 = Vector256.LoadUnsafe(ref b, (nuint)o);
            var b1 = Vector256.LoadUnsafe(ref b, (nuint)(o + Lane));
            var b2 = Vector256.LoadUnsafe(ref b, (nuint)(o + 2 * Lane));
            Vector256<float> a00 = b0, a01 = b1, a02 = b2, a10 = b0, a11 = b1, a12 = b2;
            Vector256<float> a20 = b0, a21 = b1, a22 = b2, a30 = b0, a31 = b1, a32 = b2;
            foreach (var i in active)
            {
                ref var w = ref Unsafe.Add(ref wt, i * _stride + o);
                var w0 = Vector256.LoadUnsafe(ref w);
                var w1 = Vector256.LoadUnsafe(ref w, Lane);
                var w2 = Vector256.LoadUnsafe(ref w, 2 * Lane);
                var v = Vector256.Create(Unsafe.Add(ref x0, i));
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
            Store(output, o, relu, a00, a01, a02);
            Store(output[outputStride..], o, relu, a10, a11, a12);
            Store(output[(2 * outputStride)..], o, relu, a20, a21, a22);
            Store(output[(3 * outputStride)..], o, relu, a30, a31, a32);
        }
        for (; o < _stride; o += Lane)
        {
            var bias = Vector256.LoadUnsafe(ref b, (nuint)o);
            Vector256<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias;
            foreach (var i in active)
            {
                var w = Vector256.LoadUnsafe(ref Unsafe.Add(ref wt, i * _stride + o));
                a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x0, i)), w, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x1, i)), w, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x2, i)), w, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x3, i)), w, a3);
            }
            Store(output, o, relu, a0);
            Store(output[outputStride..], o, relu, a1);
            Store(output[(2 * outputStride)..], o, relu, a2);
            Store(output[(3 * outputStride)..], o, relu, a3);
        }
    }

    private void OneRow(ReadOnlySpan<float> input, ReadOnlySpan<int> active, Span<float> output, bool relu)
    {
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var wt = ref MemoryMarshal.GetArrayDataReference(_transposed);
        ref var b = ref MemoryMarshal.GetArrayDataReference(_paddedBias);
        for (var o = 0; o < _stride; o += Lane)
        {
            var a = Vector256.LoadUnsafe(ref b, (nuint)o);
            foreach (var i in active)
                a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x, i)), Vector256.LoadUnsafe(ref Unsafe.Add(ref wt, i * _stride + o)), a);
            Store(output, o, relu, a);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(Span<float> row, int o, bool relu, Vector256<float> a0, Vector256<float> a1, Vector256<float> a2)
    {
        Store(row, o, relu, a0);
        Store(row, o + Lane, relu, a1);
        Store(row, o + 2 * Lane, relu, a2);
    }

    /// <summary>Stores one vector of outputs, dropping the padding lanes past <see cref="NeuralLayer.OutputWidth"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(Span<float> row, int o, bool relu, Vector256<float> values)
    {
        if (relu) values = Vector256.Max(values, Vector256<float>.Zero);
        if (o + Lane <= OutputWidth)
        {
            values.StoreUnsafe(ref MemoryMarshal.GetReference(row), (nuint)o);
            return;
        }
        for (var k = 0; o + k < OutputWidth; k++) row[o + k] = values.GetElement(k);
    }
}
