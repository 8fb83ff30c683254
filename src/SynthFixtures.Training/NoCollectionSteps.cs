using System.Runtime;

namespace SynthFixtures.Training;

/// <summary>
/// Keeps the garbage collector out of training steps. TorchSharp 0.107 hands libtorch the native handle of a
/// <c>Scalar</c> (made implicitly from every <c>double</c> in tensor arithmetic, its own Adam included) without keeping
/// the managed object alive, so a collection during the native call can finalize the Scalar and free it while
/// libtorch reads it. Seen here after 103 CTGAN epochs on adult: "Expected false to be true … toDouble at
/// Scalar.h:140" from <c>clamp_min</c>. With no collection inside a step, no Scalar in use can become garbage.
/// </summary>
/// <remarks>
/// Starting a no-GC region runs a full collection, about 3.5 ms here: one per step cost CTGAN a fifth of its epoch.
/// So one region spans many steps, and <see cref="BeforeStep"/> starts a new one (collecting between steps, when
/// every Scalar of the previous steps is dead) only when the current one could not hold another step. A step
/// allocates about 0.5 MB of managed memory at the paper's sizes (tensor wrappers, a batch's index and condition
/// arrays), counted on the training thread.
/// </remarks>
internal sealed class NoCollectionSteps : IDisposable
{
    private const long Budget = 256L << 20;
    private const long StepAllowance = 16L << 20;   // 30 times a default step: room for wide networks and big batches

    private long _regionStart;

    /// <summary>Makes sure a region with room for one more step is open; a collection may run first.</summary>
    public void BeforeStep()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion && allocated - _regionStart + StepAllowance <= Budget) return;
        End();
        // False only if the runtime cannot reserve the budget; training then goes on as before, unprotected.
        GC.TryStartNoGCRegion(Budget);
        _regionStart = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Ends the open region, if any (the runtime ends one itself when allocations outgrow it).</summary>
    public void Dispose() => End();

    private static void End()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
    }
}
