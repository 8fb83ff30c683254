using System.Security.Cryptography;
using System.Text;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Models.Relational;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;

namespace SynthFixtures.Xunit.Databases;

/// <summary>
/// Models learned by fixtures, kept as <c>.synth</c> files named by a hash of everything the training reads (the source
/// files' names and bytes, the metadata, the kind, the seed, and the SynthFixtures build), so the test classes of a run,
/// and later runs, load the model instead of learning it again. Learning is deterministic, so a cached model is exactly
/// the one a fresh training would make. A lock file per model lets one fixture learn while others wait for it.
/// </summary>
internal static class LearnedModelCache
{
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>The model learned from <paramref name="options"/>' source, from the cache or trained now.</summary>
    public static async Task<RelationalModel> GetAsync(SynthDatabaseOptions options, string source, string? metadata, CancellationToken ct)
    {
        if (!Directory.Exists(source) && !File.Exists(source))
            throw new SynthDataException("The source to learn the test database from does not exist.", source,
                hint: "LearnFrom names a folder of CSVs or a SQLite file (relative paths start at the test assembly's folder: copy the files to the output). For a server, train with 'synthfixtures train' and set Model.");
        var folder = options.CacheFolder is { } configured ? FixturePaths.Resolve(configured) : Path.Combine(AppContext.BaseDirectory, "synthfixtures-models");
        Directory.CreateDirectory(folder);
        var key = Key(options, source, metadata);
        var modelPath = Path.Combine(folder, $"{key}.synth");
        await using var held = await LockAsync(Path.Combine(folder, $"{key}.lock"), ct).ConfigureAwait(false);
        if (File.Exists(modelPath)) return RelationalModelArtifact.Load(modelPath);
        return await Task.Run(() =>
        {
            var data = RelationalSources.Read(source, new RelationalReadOptions { MetadataPath = metadata }, ct);
            var request = new RelationalTrainingRequest { Data = data, ModelKind = options.ModelKind, ModelPath = modelPath, Seed = options.TrainingSeed };
            return new RelationalTrainingService(ModelTrainers.Core).Train(request, progress: null, ct).Model;
        }, ct).ConfigureAwait(false);
    }

    private static string Key(SynthDatabaseOptions options, string source, string? metadata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        void AddFile(string path)
        {
            Add(Path.GetFileName(path));
            hash.AppendData(File.ReadAllBytes(path));
        }
        Add(options.ModelKind);
        Add(options.TrainingSeed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A different build of the library may learn differently, so its module identity is part of the key.
        Add(typeof(RelationalModel).Assembly.ManifestModule.ModuleVersionId.ToString());
        if (Directory.Exists(source))
            foreach (var file in Directory.EnumerateFiles(source).Order(StringComparer.Ordinal)) AddFile(file);
        else AddFile(source);
        if (metadata is not null) AddFile(metadata);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(LockPoll, ct).ConfigureAwait(false);
            }
        }
    }
}
