using Microsoft.Build.Framework;
using SynthFixtures.Build.Locking;

namespace SynthFixtures.Build;

/// <summary>
/// After training a model: record the hashes of its CSV, settings and artifact in the lock file, and copy the
/// artifact and its metadata into the committed-models folder when one is configured.
/// </summary>
public sealed class RecordSynthModelLock : Microsoft.Build.Utilities.Task
{
    /// <summary>The lock file (<c>synthfixtures.lock.json</c>).</summary>
    [Required] public string LockFile { get; set; } = "";

    /// <summary>The model's key in the lock.</summary>
    [Required] public string Key { get; set; } = "";

    /// <summary>The reference CSV.</summary>
    [Required] public string DataFile { get; set; } = "";

    /// <summary>The model settings as one string.</summary>
    [Required] public string Settings { get; set; } = "";

    /// <summary>The trained model.</summary>
    [Required] public string ModelFile { get; set; } = "";

    /// <summary>Its metadata JSON.</summary>
    [Required] public string MetadataOutputFile { get; set; } = "";

    /// <summary>Its schema file.</summary>
    [Required] public string SchemaOutputFile { get; set; } = "";

    /// <summary>Folder of committed artifacts; empty: none.</summary>
    public string CommittedDirectory { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var lockFile = ModelLockFile.Load(LockFile);
        lockFile.Set(Key, new ModelLockEntry(ModelLockFile.HashSource(DataFile), ModelLockFile.HashText(Settings), ModelLockFile.HashFile(ModelFile)));
        if (lockFile.Save(LockFile)) Log.LogMessage(MessageImportance.High, $"SynthFixtures: updated {LockFile} for {Key}");
        if (!string.IsNullOrEmpty(CommittedDirectory))
        {
            Directory.CreateDirectory(CommittedDirectory);
            var name = Path.GetFileNameWithoutExtension(DataFile);
            File.Copy(ModelFile, Path.Combine(CommittedDirectory, name + ".synth"), overwrite: true);
            File.Copy(MetadataOutputFile, Path.Combine(CommittedDirectory, name + ".metadata.json"), overwrite: true);
            File.Copy(SchemaOutputFile, Path.Combine(CommittedDirectory, name + ".synthschema"), overwrite: true);
        }
        return !Log.HasLoggedErrors;
    }
}
