using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SynthFixtures.Models.Neural;

/// <summary>Block transposes for the kernels that want one vector lane per row (AVX only: callers check <see cref="Avx.IsSupported"/>).</summary>
internal static class Transposes
{
    /// <summary>
    /// Transposes an 8 × 8 block: row r of the source starts at <c>source[r · sourceStride]</c>, and source column k
    /// becomes the 8 floats at <c>destination[k · destinationStride]</c>. The standard transpose in unpacks, shuffles
    /// and lane permutes, where scalar copies would cost a load and a store each. Returns the mask of the source
    /// columns that are non-zero in at least one row (bit k: column k; −0 counts as zero, NaN as non-zero).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint EightByEight(ref float source, int sourceStride, ref float destination, int destinationStride)
    {
        var r0 = Vector256.LoadUnsafe(ref source);
        var r1 = Vector256.LoadUnsafe(ref source, (nuint)sourceStride);
        var r2 = Vector256.LoadUnsafe(ref source, (nuint)(2 * sourceStride));
        var r3 = Vector256.LoadUnsafe(ref source, (nuint)(3 * sourceStride));
        var r4 = Vector256.LoadUnsafe(ref source, (nuint)(4 * sourceStride));
        var r5 = Vector256.LoadUnsafe(ref source, (nuint)(5 * sourceStride));
        var r6 = Vector256.LoadUnsafe(ref source, (nuint)(6 * sourceStride));
        var r7 = Vector256.LoadUnsafe(ref source, (nuint)(7 * sourceStride));
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
        var d = (nuint)destinationStride;
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref destination, d);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref destination, 2 * d);
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref destination, 3 * d);
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref destination, 4 * d);
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref destination, 5 * d);
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref destination, 6 * d);
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref destination, 7 * d);
        var zero = Vector256<float>.Zero;
        var allZero = Vector256.Equals(r0, zero) & Vector256.Equals(r1, zero) & Vector256.Equals(r2, zero) & Vector256.Equals(r3, zero)
            & Vector256.Equals(r4, zero) & Vector256.Equals(r5, zero) & Vector256.Equals(r6, zero) & Vector256.Equals(r7, zero);
        return ~allZero.ExtractMostSignificantBits() & 0xFF;
    }
}
