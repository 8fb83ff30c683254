using System.Diagnostics;

namespace SynthFixtures.Tests.Build;

/// <summary>
/// A throw-away SDK project that imports the repository's build/SynthFixtures.targets and is built with the real
/// <c>dotnet build</c>, the way a user's test project would be (before packaging exists).
/// </summary>
internal sealed class TemporaryProject : IDisposable
{
    private readonly string _repository;
    private readonly string _configuration;
    private readonly string _extra;

    /// <param name="items">The ItemGroup's content.</param>
    /// <param name="extra">More of the project file after the ItemGroup (properties, references).</param>
    public TemporaryProject(string items, string extra = "")
    {
        _extra = extra;
        // The test binaries live in tests/SynthFixtures.Tests/bin/<Configuration>/net10.0/.
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        _configuration = bin.Parent!.Name;
        _repository = FindRepository(bin);
        Directory.CreateDirectory(Path.Combine(Folder, "data"));
        WriteProject(items);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"synthfixtures-build-{Guid.NewGuid():N}");

    public string ModelDirectory => Path.Combine(Folder, "obj", "Debug", "net10.0", "synthfixtures");

    public string AssemblyPath => Path.Combine(Folder, "bin", "Debug", "net10.0", "Consumer.dll");

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>The configuration (Debug or Release) this test run was built in, and so the repository's binaries.</summary>
    public string Configuration => _configuration;

    /// <summary>The repository root this test run was built from.</summary>
    public string Repository => _repository;

    public void WriteProject(string items) => File.WriteAllText(PathOf("Consumer.csproj"), $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <SynthFixturesTasksAssembly>{_repository}/src/SynthFixtures.Build/bin/{_configuration}/net10.0/SynthFixtures.Build.dll</SynthFixturesTasksAssembly>
            <SynthFixturesTrainerAssembly>{_repository}/src/SynthFixtures.Trainer/bin/{_configuration}/net10.0/SynthFixtures.Trainer.dll</SynthFixturesTrainerAssembly>
            <!-- For extra project XML that references the repository's binaries (the runtime, the generator). -->
            <SynthFixturesRepository>{_repository}</SynthFixturesRepository>
            <SynthFixturesRepositoryConfiguration>{_configuration}</SynthFixturesRepositoryConfiguration>
          </PropertyGroup>
          <Import Project="{_repository}/build/SynthFixtures.targets" />
          <ItemGroup>
        {items}
          </ItemGroup>
        {_extra}
        </Project>
        """);

    /// <summary>Runs <c>dotnet build</c> at normal verbosity with no build servers left behind.</summary>
    public (int ExitCode, string Log) Build(params string[] properties) =>
        Dotnet(["build", PathOf("Consumer.csproj"), "-v:n", "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false",
            .. properties.Select(p => "-p:" + p)]);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in the project's folder.</summary>
    public (int ExitCode, string Log) Dotnet(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>Deletes obj/ and bin/, as a fresh clone on CI has them.</summary>
    public void Clean()
    {
        foreach (var folder in new[] { "obj", "bin" })
            if (Directory.Exists(PathOf(folder))) Directory.Delete(PathOf(folder), recursive: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string FindRepository(DirectoryInfo start)
    {
        for (var dir = start; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthFixtures.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (SynthFixtures.sln) was not found above the test binaries.");
    }
}
