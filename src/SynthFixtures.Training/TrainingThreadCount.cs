using TorchSharp;

namespace SynthFixtures.Training;

/// <summary>
/// How many intra-op threads libtorch trains with when the options name none: libtorch's own choice (one per
/// physical core, or what <c>OMP_NUM_THREADS</c>/<c>MKL_NUM_THREADS</c> say), but never more than the cores this
/// process may use.
/// </summary>
/// <remarks>
/// Why: libtorch counts the cores its CPU affinity allows but not a container's CPU quota, so in a container limited
/// to one CPU on a larger host it would start a team per host core that then waits on itself. .NET's
/// <see cref="Environment.ProcessorCount"/> honours both the affinity mask (sched_getaffinity) and the cgroup quota.
/// </remarks>
internal static class TrainingThreadCount
{
    /// <summary>The variables through which a user sets the OpenMP/MKL thread count; when one is set, libtorch's count stands.</summary>
    private static readonly string[] UserThreadVariables = ["OMP_NUM_THREADS", "MKL_NUM_THREADS"];

    /// <summary>
    /// libtorch's count as it loaded, read before the first training changes it (the count is process-wide, so a
    /// later read would return the previous training's).
    /// </summary>
    private static readonly Lazy<int> LibtorchDefault = new(torch.get_num_threads, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The count to train with: <paramref name="requested"/> when given, otherwise <see cref="Default"/> of
    /// libtorch's. Call it after <see cref="TorchRuntime.EnsureLoaded"/>.
    /// </summary>
    /// <param name="requested">The options' <c>Threads</c>.</param>
    public static int Resolve(int? requested) =>
        requested ?? (UserThreadVariables.Any(v => OpenMpEnvironment.NativeValue(v) is not null)
            ? LibtorchDefault.Value
            : Default(LibtorchDefault.Value, Environment.ProcessorCount));

    /// <summary>libtorch's count capped at the cores available (and at least one).</summary>
    public static int Default(int libtorchDefault, int availableCores) => Math.Max(1, Math.Min(libtorchDefault, availableCores));
}
