using SynthFixtures.Training;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// The preload's failure path (the success path, loading libtorch from a restored NuGet folder, is the package
/// end-to-end test's: loading a second libtorch into this process would register its operators twice).
/// </summary>
public sealed class NativeLibraryPreloadTests : IDisposable
{
    private readonly string _empty = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sf-nolibtorch-{Guid.NewGuid():N}")).FullName;

    [Fact]
    public void A_folder_without_libtorch_is_bad_input_naming_the_file_and_the_variable()
    {
        var e = Assert.Throws<SynthDataException>(() => NativeLibraryPreload.Load(_empty, null));
        var expected = Path.Combine(_empty, OperatingSystem.IsWindows() ? "torch_cpu.dll" : OperatingSystem.IsMacOS() ? "libtorch_cpu.dylib" : "libtorch_cpu.so");
        Assert.Equal(expected, e.FilePath);
        Assert.Contains(NativeLibraryPreload.LibTorchDirectoryVariable, e.Message);
    }

    [Fact]
    public void A_folder_without_LibTorchSharp_is_bad_input_naming_its_variable()
    {
        var e = Assert.Throws<SynthDataException>(() => NativeLibraryPreload.Load(null, _empty));
        Assert.Contains("LibTorchSharp", e.FilePath);
        Assert.Contains(NativeLibraryPreload.TorchSharpNativeDirectoryVariable, e.Message);
    }

    [Fact]
    public void No_folders_load_nothing() => NativeLibraryPreload.Load(null, " ");

    public void Dispose() => Directory.Delete(_empty, recursive: true);
}
