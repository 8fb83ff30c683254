using SynthFixtures.Data;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// The table benchmarks run on: adult from the shared datasets (SYNTHFIXTURES_DATASETS, default ../shared/datasets
/// beside the repository), or the bundled sample patients when the datasets are absent, so the suite always runs.
/// </summary>
internal static class BenchmarkData
{
    public static (Table Table, string Name) Load()
    {
        var adult = DatasetPath("adult", "adult.csv");
        if (adult is not null) return (CsvTableReader.Read(adult), "adult");
        var sample = Path.Combine(RepositoryRoot() ?? ".", "samples", "patients", "patients.csv");
        return (CsvTableReader.Read(sample), "patients (adult not found)");
    }

    internal static string? DatasetPath(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("SYNTHFIXTURES_DATASETS");
        if (string.IsNullOrEmpty(root) && RepositoryRoot() is { } repo) root = Path.Combine(repo, "..", "shared", "datasets");
        if (string.IsNullOrEmpty(root)) return null;
        var path = Path.Combine([root, .. parts]);
        return File.Exists(path) ? path : null;
    }

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SynthFixtures.sln"))) return dir.FullName;
        return null;
    }
}
