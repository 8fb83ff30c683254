using TorchSharp;

namespace SynthFixtures.Training;

/// <summary>
/// Loads libtorch once, on CPU, and turns a failed native load into an error that says what to check. Every trainer
/// calls <see cref="EnsureLoaded"/> first, so the failure appears before any work is done.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<string> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads TorchSharp's native libraries (idempotent) and returns libtorch's version.</summary>
    /// <exception cref="InvalidOperationException">The native libraries cannot be loaded.</exception>
    public static string EnsureLoaded() => Loaded.Value;

    private static string Load()
    {
        OpenMpEnvironment.PreferPassiveWaiting();
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return torch.__version__;
        }
        catch (Exception ex) when (ex is NotSupportedException or DllNotFoundException or TypeInitializationException)
        {
            throw new InvalidOperationException(
                "TorchSharp's native libraries could not be loaded. On Debian 12 the build marks libLibTorchSharp.so's " +
                "GLIBCXX_3.4.32 requirement weak (docs/torchsharp-debian12.md); run `ldd bin/.../runtimes/linux-x64/native/libLibTorchSharp.so` to see what is missing.",
                ex);
        }
    }
}
