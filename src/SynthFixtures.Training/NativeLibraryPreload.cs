using System.Runtime.InteropServices;
using TorchSharp;

namespace SynthFixtures.Training;

/// <summary>
/// Loads libtorch and TorchSharp's native library from folders named by environment variables, before TorchSharp
/// looks for them beside its own assembly. The packaged build-time trainer carries no native files: the build restores
/// libtorch through NuGet and points these variables at the restored folder (and at the build's patched copy of
/// libLibTorchSharp, see docs/torchsharp-debian12.md). Anyone may set them to use another libtorch of the same version.
/// </summary>
internal static class NativeLibraryPreload
{
    /// <summary>Folder holding libtorch's native files (libtorch_cpu, libtorch and their neighbours).</summary>
    internal const string LibTorchDirectoryVariable = "SYNTHFIXTURES_LIBTORCH_DIR";

    /// <summary>Folder holding TorchSharp's native library (LibTorchSharp).</summary>
    internal const string TorchSharpNativeDirectoryVariable = "SYNTHFIXTURES_TORCHSHARP_NATIVE_DIR";

    // TorchSharp's P/Invokes name this library; libtorch_cpu's own dependencies (c10, gomp) load through its $ORIGIN run path.
    private const string TorchSharpLibrary = "LibTorchSharp";
    private static readonly string[] LibTorchLibraries = ["torch_cpu", "torch"];

    /// <summary>
    /// Loads the native libraries when the variables are set; does nothing otherwise (TorchSharp then finds them
    /// beside its assembly, as in this repository's own builds).
    /// </summary>
    /// <exception cref="SynthDataException">A variable names a folder that lacks a library, or a library fails to load.</exception>
    internal static void LoadFromEnvironment() =>
        Load(Environment.GetEnvironmentVariable(LibTorchDirectoryVariable), Environment.GetEnvironmentVariable(TorchSharpNativeDirectoryVariable));

    /// <summary>Loads libtorch from <paramref name="libTorch"/> and LibTorchSharp from <paramref name="torchSharp"/> (either may be empty).</summary>
    /// <exception cref="SynthDataException">A folder lacks a library, or a library fails to load.</exception>
    internal static void Load(string? libTorch, string? torchSharp)
    {
        if (!string.IsNullOrWhiteSpace(libTorch))
            foreach (var name in LibTorchLibraries) Load(libTorch, name, LibTorchDirectoryVariable);
        if (string.IsNullOrWhiteSpace(torchSharp)) return;
        var handle = Load(torchSharp, TorchSharpLibrary, TorchSharpNativeDirectoryVariable);
        // Resolve TorchSharp's imports to the loaded file, whatever folders the runtime would otherwise probe.
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly,
            (name, _, _) => name == TorchSharpLibrary ? handle : IntPtr.Zero);
    }

    private static IntPtr Load(string directory, string name, string variable)
    {
        var path = Path.Combine(directory, FileName(name));
        if (!File.Exists(path))
            throw new SynthDataException($"The native library {FileName(name)} is not in {directory} (named by {variable}).",
                filePath: path,
                hint: "A build that trains a tvae or ctgan model restores libtorch and TorchSharp through NuGet and sets this " +
                      "variable; build again, or point the variable at a folder that has the file.");
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new SynthDataException($"The native library {path} could not be loaded: {e.Message}",
                filePath: path,
                hint: "Run `ldd` on it to see which dependency or symbol version is missing (docs/torchsharp-debian12.md).",
                inner: e);
        }
    }

    private static string FileName(string name) =>
        OperatingSystem.IsWindows() ? name + ".dll" : OperatingSystem.IsMacOS() ? "lib" + name + ".dylib" : "lib" + name + ".so";
}
