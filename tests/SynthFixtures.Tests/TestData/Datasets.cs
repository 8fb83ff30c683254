namespace SynthFixtures.Tests.TestData;

/// <summary>
/// Finds the shared real datasets: <c>$SYNTHFIXTURES_DATASETS</c> when set, otherwise <c>../shared/datasets</c> next to
/// the repository root (the folder holding SynthFixtures.sln, found by walking up from the test binaries).
/// Tests that need them use <c>[SkippableFact]</c> and <c>Skip.If(Datasets.Path(...) is null, ...)</c>.
/// </summary>
public static class Datasets
{
    private static readonly Lazy<string?> LazyRoot = new(FindRoot);

    /// <summary>The datasets folder, or <c>null</c> when it cannot be found.</summary>
    public static string? Root => LazyRoot.Value;

    /// <summary>A file or folder under <see cref="Root"/>, or <c>null</c> when it (or the root) does not exist.</summary>
    public static string? Path(params string[] parts)
    {
        if (Root is null) return null;
        var path = System.IO.Path.Combine([Root, .. parts]);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>The reason to give <c>Skip.If</c> when a dataset is absent.</summary>
    public static string Missing(params string[] parts) =>
        $"Dataset {string.Join('/', parts)} not found (set SYNTHFIXTURES_DATASETS or put it under ../shared/datasets from the repository root).";

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SYNTHFIXTURES_DATASETS");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Directory.Exists(fromEnvironment) ? System.IO.Path.GetFullPath(fromEnvironment) : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "SynthFixtures.sln"))) continue;
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "datasets"));
            return Directory.Exists(candidate) ? candidate : null;
        }
        return null;
    }
}
