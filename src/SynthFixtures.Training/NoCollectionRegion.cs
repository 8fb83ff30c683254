using System.Runtime;

namespace SynthFixtures.Training;

/// <summary>
/// Keeps the garbage collector out of one training step. TorchSharp 0.107 hands libtorch the native handle of a
/// <c>Scalar</c> (made implicitly from every <c>double</c> in tensor arithmetic, its own Adam included) without keeping
/// the managed object alive, so a collection during the native call can finalize the Scalar and free it while
/// libtorch reads it. Seen here after 103 CTGAN epochs on adult: "Expected false to be true … toDouble at
/// Scalar.h:140" from <c>clamp_min</c>. With no collection inside a step, no Scalar in use can become garbage;
/// collections happen between steps, when every Scalar of the previous step is truly dead.
/// </summary>
internal readonly struct NoCollectionRegion : IDisposable
{
    // Far above a step's managed allocations (tensor wrappers, a batch's index and condition arrays: about a megabyte
    // at the default sizes), well within what the runtime grants.
    private const long Budget = 64L << 20;

    private readonly bool _started;

    private NoCollectionRegion(bool started) => _started = started;

    /// <summary>Starts a region; a collection may run first, while nothing native is in flight.</summary>
    public static NoCollectionRegion Enter()
    {
        // A region left open by an exception in an earlier step would make TryStartNoGCRegion throw.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        return new NoCollectionRegion(GC.TryStartNoGCRegion(Budget));
    }

    /// <summary>Ends the region (if the step outgrew the budget the runtime already ended it with a collection).</summary>
    public void Dispose()
    {
        if (_started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
    }
}
