using System.Reflection;

namespace SynthFixtures.Generators.Emitting;

/// <summary>The generator's version as <c>[GeneratedCode]</c> states it, read once from this assembly.</summary>
internal static class GeneratorVersion
{
    /// <summary>
    /// The informational version without its build metadata (the <c>+commit</c> suffix the SDK appends), so generated
    /// code changes with a release, not with every commit; the assembly version when no informational version is set.
    /// </summary>
    public static string Value { get; } = Read(typeof(GeneratorVersion).Assembly);

    internal static string Read(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational)) return assembly.GetName().Version?.ToString() ?? "0.0.0";
        var metadata = informational!.IndexOf('+');
        return metadata < 0 ? informational : informational.Substring(0, metadata);
    }
}
