using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// The few vector operations <see cref="LinearKernel{TVectors, TVector}"/> needs, so one kernel serves 256- and
/// 512-bit vectors: the JIT compiles a separate, fully inlined copy for each struct implementation.
/// </summary>
internal interface IFloatVectors<TVector> where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Lanes { get; }

    static abstract TVector Load(ref float source, nuint offset);

    static abstract TVector Broadcast(float value);

    /// <summary>x · w + accumulator with one rounding (a fused multiply-add in every lane).</summary>
    static abstract TVector MultiplyAdd(TVector x, TVector w, TVector accumulator);

    static abstract TVector Relu(TVector value);

    static abstract void Store(TVector value, ref float destination, nuint offset);

    static abstract float Element(TVector value, int index);
}

/// <summary>256-bit vectors (AVX2, or emulated where the CPU has none).</summary>
internal readonly struct Vectors256 : IFloatVectors<Vector256<float>>
{
    public static int Lanes => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> x, Vector256<float> w, Vector256<float> accumulator) =>
        Vector256.FusedMultiplyAdd(x, w, accumulator);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu(Vector256<float> value) => Vector256.Max(value, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Element(Vector256<float> value, int index) => value.GetElement(index);
}

/// <summary>512-bit vectors (AVX-512): fewer instructions and loads per multiply-add, the same bits as <see cref="Vectors256"/>.</summary>
internal readonly struct Vectors512 : IFloatVectors<Vector512<float>>
{
    public static int Lanes => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> x, Vector512<float> w, Vector512<float> accumulator) =>
        Vector512.FusedMultiplyAdd(x, w, accumulator);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu(Vector512<float> value) => Vector512.Max(value, Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Element(Vector512<float> value, int index) => value.GetElement(index);
}
