using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SynthFixtures.BuildTasks;

namespace SynthFixtures.Training.Tests.Build;

/// <summary>The MSBuild task's decisions, run on a temporary copy of the package's unpatched library.</summary>
public sealed class PatchWeakSymbolVersionTaskTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sf-elf-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string? CopyOfPackageLibrary()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var original = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(original)) return null;
        Directory.CreateDirectory(_folder);
        var copy = Path.Combine(_folder, "libLibTorchSharp.so");
        File.Copy(original, copy);
        return copy;
    }

    private static bool Run(string file, string version, string system) => new PatchWeakSymbolVersion
    {
        BuildEngine = new QuietEngine(), Files = [new TaskItem(file)], Version = version, SystemLibrary = system,
    }.Execute();

    [SkippableFact]
    public void Patches_only_when_the_system_library_lacks_the_version_and_only_once()
    {
        var system = ElfVersions.FindSystemLibStdCxx();
        Skip.If(!OperatingSystem.IsLinux() || system is null, "Linux with a system libstdc++ only.");
        var copy = CopyOfPackageLibrary();
        Skip.If(copy is null, "TorchSharp 0.107.0 is not in the NuGet cache.");
        var original = File.ReadAllBytes(copy!);
        var stamp = File.GetLastWriteTimeUtc(copy!);
        var systemBytes = File.ReadAllBytes(system!);

        // A version the system defines: nothing to do (GLIBCXX_3.4 is in every libstdc++).
        Assert.True(Run(copy!, "GLIBCXX_3.4", system!));
        Assert.Equal(original, File.ReadAllBytes(copy!));

        Assert.True(Run(copy!, "GLIBCXX_3.4.32", system!));
        var once = File.ReadAllBytes(copy!);
        var systemHasIt = ElfVersions.DefinesVersion(systemBytes, "GLIBCXX_3.4.32");
        Assert.Equal(systemHasIt ? (true, false) : (true, true), ElfVersions.NeededVersion(once, "GLIBCXX_3.4.32"));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(copy!));

        Assert.True(Run(copy!, "GLIBCXX_3.4.32", system!));
        Assert.Equal(once, File.ReadAllBytes(copy!));
    }

    [SkippableFact]
    public void Always_patches_a_file_that_ships_elsewhere_even_where_the_system_has_the_version()
    {
        var copy = CopyOfPackageLibrary();
        Skip.If(copy is null, "TorchSharp 0.107.0 is not in the NuGet cache.");
        // Without Always, a system libstdc++ that cannot be found (or that has the version) leaves the file alone;
        // Always patches whatever this machine has.
        var task = new PatchWeakSymbolVersion
        {
            BuildEngine = new QuietEngine(), Files = [new TaskItem(copy!)], Version = "GLIBCXX_3.4.32", Always = true,
            SystemLibrary = "/nonexistent/libstdc++.so.6",
        };
        Assert.True(task.Execute());
        Assert.Equal((true, true), ElfVersions.NeededVersion(File.ReadAllBytes(copy!), "GLIBCXX_3.4.32"));
    }

    private sealed class QuietEngine : IBuildEngine
    {
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "";
        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Message);
        public void LogMessageEvent(BuildMessageEventArgs e) { }
        public void LogWarningEvent(BuildWarningEventArgs e) { }
    }
}
