using System.Collections.Concurrent;
using System.Reflection;
using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// Sequence models trained at build time (a <c>&lt;SynthModel Entity="…"&gt;</c> item, see build/SynthFixtures.targets)
/// and embedded in an assembly as <c>SynthFixtures/&lt;name&gt;.synth</c>, the manifest resource name of every learned
/// model. Each is read and validated once per assembly and name, then shared: a model is immutable and its sampling
/// thread-safe.
/// </summary>
public static class EmbeddedSequenceModels
{
    private static readonly ConcurrentDictionary<(Assembly, string), Lazy<SequenceModel>> Cache = new();

    /// <summary>The sequence model trained from <c>&lt;name&gt;.csv</c> and embedded in <paramref name="assembly"/>.</summary>
    /// <exception cref="SynthDataException">The assembly has no such model, or the embedded file is invalid or not a sequence model.</exception>
    public static SequenceModel Load(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Cache.GetOrAdd((assembly, name), key => new Lazy<SequenceModel>(() => Read(key.Item1, key.Item2))).Value;
    }

    private static SequenceModel Read(Assembly assembly, string name)
    {
        var resource = EmbeddedModels.ResourceName(name);
        using var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
            throw new SynthDataException($"The assembly {assembly.GetName().Name} has no embedded sequence model '{name}'.",
                hint: $"Add <SynthModel Include=\"path/to/{name}.csv\" Model=\"lagged-copula\" Entity=\"…\" SequenceIndex=\"…\" /> to the project file and rebuild.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!SequenceModelArtifact.HasSignature(bytes))
            throw new SynthDataException($"The embedded model '{name}' of {assembly.GetName().Name} is not a sequence model.",
                hint: $"Give its <SynthModel> item an Entity (and SequenceIndex) so it is learned as sequences, and rebuild.");
        return SequenceModelArtifact.FromBytes(bytes, $"{assembly.GetName().Name}:{resource}");
    }
}
