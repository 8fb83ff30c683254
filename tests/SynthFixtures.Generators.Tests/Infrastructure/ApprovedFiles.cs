using System.Runtime.CompilerServices;

namespace SynthFixtures.Generators.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots (Verify cannot be restored here). A mismatch writes <c>Snapshots/{name}.received.cs</c> next
/// to the approved file and fails with the first differing line; set <see cref="AcceptVariable"/>=1 to accept the
/// received output as the new approved file. The generator's version in <c>[GeneratedCode]</c> is written as
/// <see cref="VersionPlaceholder"/>, so a release does not rewrite every snapshot (its value is tested on its own).
/// </summary>
internal static class ApprovedFiles
{
    public const string AcceptVariable = "SYNTHFIXTURES_ACCEPT_SNAPSHOTS";

    public const string VersionPlaceholder = "<generator version>";

    /// <summary>The attribute argument pair naming the generator and its version, as the emitter writes it.</summary>
    public static string GeneratedCodeArguments(string version) => $"\"SynthFixtures.Generators\", \"{version}\"";

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerPath), "Snapshots");
        var approvedPath = Path.Combine(directory, name + ".approved.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n")
            .Replace(GeneratedCodeArguments(SynthFixtures.Generators.Emitting.GeneratorVersion.Value), GeneratedCodeArguments(VersionPlaceholder));
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"No approved snapshot {approvedPath}; review {receivedPath} and rerun with {AcceptVariable}=1 to accept it."
            : $"Generated code differs from {approvedPath} ({FirstDifference(approved, actual)}); review {receivedPath} and rerun with {AcceptVariable}=1 to accept it.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right) return $"line {i + 1}: expected `{left.Trim()}`, got `{right.Trim()}`";
        }
        return "line endings only";
    }

    private static string ProjectDirectory(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath)!;
        while (!Directory.EnumerateFiles(directory, "*.csproj").Any()) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }
}
