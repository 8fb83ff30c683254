using System.Security.Cryptography;
using System.Text.Json;

namespace SynthFixtures.Build.Locking;

/// <summary>
/// <c>synthfixtures.lock.json</c>: per model, the SHA-256 of its CSV, of its settings and of the trained artifact.
/// Committed next to the project with the artifacts, it lets CI reuse the models instead of retraining, and lets a
/// locked build prove that the committed models were trained from exactly the committed data.
/// No MSBuild types here, so the logic is testable on its own.
/// </summary>
public sealed class ModelLockFile
{
    /// <summary>The lock format version.</summary>
    public const int FormatVersion = 1;

    private readonly SortedDictionary<string, ModelLockEntry> _models;

    private ModelLockFile(SortedDictionary<string, ModelLockEntry> models) => _models = models;

    /// <summary>The entry for a model key (the CSV path relative to the project, with '/' separators), if any.</summary>
    public ModelLockEntry? Find(string key) => _models.TryGetValue(key, out var entry) ? entry : null;

    /// <summary>Adds or replaces a model's entry.</summary>
    public void Set(string key, ModelLockEntry entry) => _models[key] = entry;

    /// <summary>Reads the lock file, or an empty lock when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not a lock file of a known version.</exception>
    public static ModelLockFile Load(string path)
    {
        var models = new SortedDictionary<string, ModelLockEntry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return new ModelLockFile(models);
        try
        {
            var document = JsonSerializer.Deserialize(File.ReadAllText(path), LockJson.Default.LockDocument) ?? throw new InvalidDataException("empty document");
            if (document.Version != FormatVersion)
                throw new InvalidDataException($"version {document.Version?.ToString() ?? "missing"}, expected {FormatVersion}");
            foreach (var (key, model) in document.Models ?? [])
            {
                if (model is null) throw new InvalidDataException($"model '{key}' is not an object");
                models[key] = new ModelLockEntry(
                    model.DataSha256 ?? throw Missing(key, "dataSha256"),
                    model.SettingsSha256 ?? throw Missing(key, "settingsSha256"),
                    model.ArtifactSha256 ?? throw Missing(key, "artifactSha256"));
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid lock file: {e.Message}", e);
        }
        return new ModelLockFile(models);
    }

    /// <summary>Writes the lock deterministically (sorted keys, '\n' line ends); returns whether the file changed.</summary>
    public bool Save(string path)
    {
        var models = new SortedDictionary<string, LockEntryDocument?>(StringComparer.Ordinal);
        foreach (var (key, entry) in _models) models[key] = new LockEntryDocument(entry.DataSha256, entry.SettingsSha256, entry.ArtifactSha256);
        var document = new LockDocument(FormatVersion, models);
        var text = JsonSerializer.Serialize(document, LockJson.Default.LockDocument) + "\n";
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        File.WriteAllText(path, text);
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Lower-case hex SHA-256 of a model's source: a file's bytes, or for a folder (a <c>&lt;SynthDatabase&gt;</c> of
    /// CSVs) every file directly in it, in ordinal name order, each as its name, a zero byte, its bytes' hash.
    /// </summary>
    public static string HashSource(string path)
    {
        if (!Directory.Exists(path)) return HashFile(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(path).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\0" + HashFile(file) + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Lower-case hex SHA-256 of a settings string.</summary>
    public static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static InvalidDataException Missing(string key, string name) => new($"model '{key}' has no {name}");
}

/// <summary>One model's hashes in the lock.</summary>
/// <param name="DataSha256">SHA-256 of the CSV's bytes.</param>
/// <param name="SettingsSha256">SHA-256 of the model settings (kind, seed, metadata file).</param>
/// <param name="ArtifactSha256">SHA-256 of the trained .synth file.</param>
public sealed record ModelLockEntry(string DataSha256, string SettingsSha256, string ArtifactSha256);
