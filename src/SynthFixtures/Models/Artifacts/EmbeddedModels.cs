using System.Collections.Concurrent;
using System.Reflection;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// Models trained at build time and embedded in an assembly as <c>SynthFixtures/&lt;name&gt;.synth</c> (see
/// build/SynthFixtures.targets). Each is read and validated once per assembly and name, then shared: a model is
/// immutable and its sampling is thread-safe.
/// </summary>
public static class EmbeddedModels
{
    private static readonly ConcurrentDictionary<(Assembly, string), Lazy<SynthModel>> Cache = new();

    /// <summary>The manifest resource name of the model trained from <c>&lt;name&gt;.csv</c>.</summary>
    public static string ResourceName(string name) => $"SynthFixtures/{name}.synth";

    /// <summary>The model trained from <c>&lt;name&gt;.csv</c> and embedded in <paramref name="assembly"/>.</summary>
    /// <exception cref="SynthDataException">The assembly has no such model, or the embedded file is invalid.</exception>
    public static SynthModel Load(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Cache.GetOrAdd((assembly, name), key => new Lazy<SynthModel>(() => Read(key.Item1, key.Item2))).Value;
    }

    private static SynthModel Read(Assembly assembly, string name)
    {
        var resource = ResourceName(name);
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            var available = assembly.GetManifestResourceNames().Where(r => r.StartsWith("SynthFixtures/", StringComparison.Ordinal)).ToList();
            throw new SynthDataException($"The assembly {assembly.GetName().Name} has no embedded model '{name}'.",
                hint: $"Add <SynthModel Include=\"path/to/{name}.csv\" /> to the project file and rebuild."
                    + (available.Count > 0 ? $" Embedded models: {string.Join(", ", available)}." : ""));
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ModelArtifact.FromBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), $"{assembly.GetName().Name}:{resource}");
    }
}
