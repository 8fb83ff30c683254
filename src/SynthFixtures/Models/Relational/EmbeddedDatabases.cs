using System.Collections.Concurrent;
using System.Reflection;
using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// Databases learned at build time (<c>&lt;SynthDatabase&gt;</c> items, see build/SynthFixtures.targets) and embedded in
/// an assembly as <c>SynthFixtures/&lt;name&gt;.synth</c>, the manifest resource name single-table models use. Each is
/// read and validated once per assembly and name, then shared: a model is immutable and its sampling thread-safe.
/// </summary>
public static class EmbeddedDatabases
{
    private static readonly ConcurrentDictionary<(Assembly, string), Lazy<RelationalModel>> Cache = new();

    /// <summary>The database learned from the folder or file named <paramref name="name"/> and embedded in <paramref name="assembly"/>.</summary>
    /// <exception cref="SynthDataException">The assembly has no such model, or the embedded file is invalid or a single-table model.</exception>
    public static RelationalModel Load(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Cache.GetOrAdd((assembly, name), key => new Lazy<RelationalModel>(() => Read(key.Item1, key.Item2))).Value;
    }

    private static RelationalModel Read(Assembly assembly, string name)
    {
        var resource = EmbeddedModels.ResourceName(name);
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
            throw new SynthDataException($"The assembly {assembly.GetName().Name} has no embedded database '{name}'.",
                hint: $"Add <SynthDatabase Include=\"path/to/{name}\" /> (a folder of CSVs or a SQLite file) to the project file and rebuild.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return RelationalModelArtifact.FromBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), $"{assembly.GetName().Name}:{resource}");
    }
}
