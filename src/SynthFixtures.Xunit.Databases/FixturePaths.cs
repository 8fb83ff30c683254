namespace SynthFixtures.Xunit.Databases;

/// <summary>Paths in fixture options: relative ones are resolved from the test assembly's folder, not the working directory.</summary>
internal static class FixturePaths
{
    public static string Resolve(string path) => Path.GetFullPath(path, AppContext.BaseDirectory);
}
