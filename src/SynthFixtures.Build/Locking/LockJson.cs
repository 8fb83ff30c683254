using System.Text.Json.Serialization;

namespace SynthFixtures.Build.Locking;

/// <summary>The lock file as written: every field optional, so a missing one is reported by name.</summary>
/// <param name="Version">The lock format version.</param>
/// <param name="Models">Per model key (sorted when written), its hashes.</param>
internal sealed record LockDocument(int? Version, SortedDictionary<string, LockEntryDocument?>? Models);

/// <summary>One model's hashes as written.</summary>
internal sealed record LockEntryDocument(string? DataSha256, string? SettingsSha256, string? ArtifactSha256);

/// <summary>
/// How <see cref="ModelLockFile"/> reads and writes <c>synthfixtures.lock.json</c>, generated at compile time (the task
/// runs inside MSBuild, where reflection-based serialization may be switched off): camelCase, two-space indentation,
/// <c>'\n'</c> line ends on every platform.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, IndentSize = 2, NewLine = "\n")]
[JsonSerializable(typeof(LockDocument))]
internal sealed partial class LockJson : JsonSerializerContext;
