using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SynthFixtures.Build.Locking;

namespace SynthFixtures.Build;

/// <summary>
/// Before training a model: when the lock file records this CSV and these settings, and the committed artifact has
/// the recorded hash, copy the committed artifact (with its metadata and schema) into <c>obj/</c> instead of training.
/// In locked mode (CI) anything else is an error that says what changed and how to update the lock.
/// </summary>
public sealed class ResolveLockedSynthModel : Microsoft.Build.Utilities.Task
{
    /// <summary>The lock file (<c>synthfixtures.lock.json</c>).</summary>
    [Required] public string LockFile { get; set; } = "";

    /// <summary>The model's key in the lock: the CSV path relative to the project, '/' separated.</summary>
    [Required] public string Key { get; set; } = "";

    /// <summary>The reference CSV.</summary>
    [Required] public string DataFile { get; set; } = "";

    /// <summary>The model settings as one string (kind, seed, metadata).</summary>
    [Required] public string Settings { get; set; } = "";

    /// <summary>Folder of committed artifacts (<c>&lt;name&gt;.synth</c> and <c>&lt;name&gt;.metadata.json</c>); empty: no reuse.</summary>
    public string CommittedDirectory { get; set; } = "";

    /// <summary>Where the model must end up.</summary>
    [Required] public string ModelFile { get; set; } = "";

    /// <summary>Where its metadata must end up.</summary>
    [Required] public string MetadataOutputFile { get; set; } = "";

    /// <summary>Where its schema must end up.</summary>
    [Required] public string SchemaOutputFile { get; set; } = "";

    /// <summary>Fail instead of training when the lock does not match (for CI).</summary>
    public bool Locked { get; set; }

    /// <summary>Whether a committed artifact was reused (so no training is needed).</summary>
    [Output] public bool Reused { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        ModelLockFile lockFile;
        try
        {
            lockFile = ModelLockFile.Load(LockFile);
        }
        catch (InvalidDataException e)
        {
            Log.LogError(null, "SF4002", null, LockFile, 1, 1, 0, 0, e.Message + " Delete it and build without SynthFixturesLocked to write a new one.");
            return false;
        }
        var entry = lockFile.Find(Key);
        var dataHash = ModelLockFile.HashSource(DataFile);
        var settingsHash = ModelLockFile.HashText(Settings);
        var name = Path.GetFileNameWithoutExtension(DataFile);
        var committed = string.IsNullOrEmpty(CommittedDirectory) ? null : Path.Combine(CommittedDirectory, name + ".synth");
        var committedMetadata = committed is null ? null : Path.Combine(CommittedDirectory, name + ".metadata.json");
        var committedSchema = committed is null ? null : Path.Combine(CommittedDirectory, name + ".synthschema");

        string? mismatch = entry switch
        {
            null => "the lock file has no entry for it",
            _ when entry.DataSha256 != dataHash => $"the CSV changed (lock {Short(entry.DataSha256)}, now {Short(dataHash)})",
            _ when entry.SettingsSha256 != settingsHash => "its settings changed",
            _ when committed is null => null,
            _ when !File.Exists(committed) || !File.Exists(committedMetadata) || !File.Exists(committedSchema) => $"the committed model {committed} or its metadata or schema is missing",
            _ when ModelLockFile.HashFile(committed) != entry.ArtifactSha256 => $"the committed model {committed} does not match the lock",
            _ => null,
        };
        if (mismatch is null && committed is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ModelFile)!);
            File.Copy(committed, ModelFile, overwrite: true);
            File.Copy(committedMetadata!, MetadataOutputFile, overwrite: true);
            File.Copy(committedSchema!, SchemaOutputFile, overwrite: true);
            Reused = true;
            Log.LogMessage(MessageImportance.High, $"SynthFixtures: reused the committed model {committed} (lock matches {Key})");
            return true;
        }
        if (Locked && mismatch is not null)
        {
            Log.LogError(null, "SF4001", null, DataFile, 0, 0, 0, 0,
                $"SynthFixtures is in locked mode and the model for {Key} is out of date: {mismatch}. Build once without -p:SynthFixturesLocked=true to retrain, then commit synthfixtures.lock.json and the models.");
            return false;
        }
        return true;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
