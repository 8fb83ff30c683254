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
    /// <exception cref="SynthDataException">The native libraries cannot be found or loaded (the message says which and what to do).</exception>
    public static string EnsureLoaded() => Loaded.Value;

    private static string Load()
    {
        // The wait policy first: libgomp reads it once, when libtorch (which carries it) is loaded.
        OpenMpEnvironment.PreferPassiveWaiting();
        NativeLibraryPreload.LoadFromEnvironment();
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return torch.__version__;
        }
        catch (Exception ex) when (ex is NotSupportedException or DllNotFoundException or TypeInitializationException)
        {
            throw new SynthDataException(
                "TorchSharp's native libraries (libtorch and LibTorchSharp) could not be loaded, so tvae and ctgan cannot train here.",
                hint: $"Set {NativeLibraryPreload.LibTorchDirectoryVariable} and {NativeLibraryPreload.TorchSharpNativeDirectoryVariable} to the folders " +
                      "holding them, or run `ldd` on libLibTorchSharp.so to see what is missing; on Debian 12 its GLIBCXX_3.4.32 " +
                      "requirement must be marked weak (docs/torchsharp-debian12.md).",
                inner: ex);
        }
    }
}
