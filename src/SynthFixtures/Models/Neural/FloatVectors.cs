using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// The few vector operations <see cref="LinearKernel{TVectors, TVector}"/> and <see cref="GroupedCategorySampler{TVectors, TVector}"/>
/// need, so one kernel serves 256- and 512-bit vectors: the JIT compiles a separate, fully inlined copy for each
/// struct implementation.
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

    static abstract TVector Add(TVector a, TVector b);

    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary>e^x in every lane; the 256- and 512-bit versions give the same bits.</summary>
    static abstract TVector Exp(TVector x);

    /// <summary>All bits set in the lanes where a &gt; b (false for NaN), clear elsewhere.</summary>
    static abstract TVector GreaterThan(TVector a, TVector b);

    /// <summary>All bits set in the lanes where a = b, clear elsewhere.</summary>
    static abstract TVector EqualTo(TVector a, TVector b);

    /// <summary>All bits set in the lanes where a ≤ b (false for NaN), clear elsewhere.</summary>
    static abstract TVector LessThanOrEqual(TVector a, TVector b);

    /// <summary>a where the mask is set, b elsewhere.</summary>
    static abstract TVector Select(TVector mask, TVector a, TVector b);

    /// <summary>The bitwise and: a mask and 1.0 give 1 where the mask is set, 0 elsewhere.</summary>
    static abstract TVector And(TVector a, TVector b);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x) => Vector256.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GreaterThan(Vector256<float> a, Vector256<float> b) => Vector256.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> EqualTo(Vector256<float> a, Vector256<float> b) => Vector256.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LessThanOrEqual(Vector256<float> a, Vector256<float> b) => Vector256.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Select(Vector256<float> mask, Vector256<float> a, Vector256<float> b) => Vector256.ConditionalSelect(mask, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> And(Vector256<float> a, Vector256<float> b) => a & b;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) => Vector512.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> GreaterThan(Vector512<float> a, Vector512<float> b) => Vector512.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> EqualTo(Vector512<float> a, Vector512<float> b) => Vector512.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LessThanOrEqual(Vector512<float> a, Vector512<float> b) => Vector512.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Select(Vector512<float> mask, Vector512<float> a, Vector512<float> b) => Vector512.ConditionalSelect(mask, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> And(Vector512<float> a, Vector512<float> b) => a & b;
}
