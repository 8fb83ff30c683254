using TorchSharp;

namespace SynthFixtures.Training.Optimisation;

/// <summary>
/// The constants a training loop multiplies, divides or clamps by, as TorchSharp <see cref="Scalar"/>s that stay alive
/// for the whole loop.
/// </summary>
/// <remarks>
/// Why: TorchSharp 0.107 makes a <see cref="Scalar"/> implicitly from every <c>double</c> in tensor arithmetic
/// (<c>x / tau</c>, <c>clamp_min(1e-10)</c>), passes its native handle to libtorch and does not keep the managed object
/// alive during the call; <see cref="Scalar"/> has a finalizer, so a garbage collection triggered by another thread
/// during the call can free it while libtorch reads it. Seen here after 103 CTGAN epochs on adult: "Expected false to
/// be true … toDouble at Scalar.h:140" from <c>clamp_min</c>. A Scalar held here is referenced until
/// <see cref="Dispose"/>, after the loop. (Keeping collections out of training steps with no-GC regions was tried
/// first: each region's start is a full collection, and the process's memory and epoch time grew over a long run.)
/// </remarks>
internal sealed class KeptScalars : IDisposable
{
    private readonly Dictionary<double, Scalar> _scalars = [];

    /// <summary>The Scalar for <paramref name="value"/>, made on first use.</summary>
    public Scalar this[double value]
    {
        get
        {
            if (!_scalars.TryGetValue(value, out var scalar)) _scalars[value] = scalar = value.ToScalar();
            return scalar;
        }
    }

    /// <summary>Frees every Scalar made.</summary>
    public void Dispose()
    {
        foreach (var scalar in _scalars.Values) scalar.Dispose();
        _scalars.Clear();
    }
}
