using SynthFixtures.BuildTasks;

namespace SynthFixtures.Training.Tests.Build;

/// <summary>The Debian 12 step (build/TorchSharpNativeFix.cs) on the real libLibTorchSharp.so and the system libstdc++.</summary>
public class TorchSharpNativeFixTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static string OutputCopy() =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static string? PackageOriginal()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    [SkippableFact]
    public void The_output_copy_requires_the_version_weakly_exactly_when_the_system_lacks_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists(OutputCopy()), "Linux x64 build output only.");
        var system = ElfVersions.FindSystemLibStdCxx();
        Skip.If(system is null, "No system libstdc++.so.6.");

        var (required, weak) = ElfVersions.NeededVersion(File.ReadAllBytes(OutputCopy()), Version);

        Assert.True(required);
        Assert.Equal(!ElfVersions.DefinesVersion(File.ReadAllBytes(system!), Version), weak);
    }

    [SkippableFact]
    public void Reads_the_versions_the_system_libstdcxx_defines()
    {
        var system = ElfVersions.FindSystemLibStdCxx();
        Skip.If(system is null || !OperatingSystem.IsLinux(), "No system libstdc++.so.6.");
        var bytes = File.ReadAllBytes(system!);

        Assert.True(ElfVersions.DefinesVersion(bytes, "GLIBCXX_3.4"));
        Assert.False(ElfVersions.DefinesVersion(bytes, "GLIBCXX_9.9.99"));
    }

    [SkippableFact]
    public void Sets_one_bit_once_and_leaves_other_versions_alone()
    {
        var original = PackageOriginal();
        Skip.If(original is null, "TorchSharp 0.107.0 is not in the NuGet cache.");
        var before = File.ReadAllBytes(original!);
        var bytes = (byte[])before.Clone();

        Assert.Equal(PatchResult.Patched, ElfVersions.MarkNeededVersionWeak(bytes, Version));
        var changed = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] != before[i]).ToList();
        Assert.Single(changed);
        Assert.Equal(0x2, bytes[changed[0]] ^ before[changed[0]]);            // VER_FLG_WEAK
        Assert.Equal((true, true), ElfVersions.NeededVersion(bytes, Version));

        var again = (byte[])bytes.Clone();
        Assert.Equal(PatchResult.AlreadyWeak, ElfVersions.MarkNeededVersionWeak(again, Version));
        Assert.Equal(bytes, again);
        Assert.Equal(PatchResult.NotRequired, ElfVersions.MarkNeededVersionWeak(again, "GLIBCXX_9.9.99"));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_elf() =>
        Assert.Throws<InvalidDataException>(() => ElfVersions.MarkNeededVersionWeak(new byte[128], Version));
}
