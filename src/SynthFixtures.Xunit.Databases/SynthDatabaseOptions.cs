namespace SynthFixtures.Xunit.Databases;

/// <summary>
/// What a <see cref="SynthDatabaseFixture"/> generates: a multi-table model (a trained <c>.synth</c> file in
/// <see cref="Model"/>, or a source to learn from at first use in <see cref="LearnFrom"/>), and the scale and seed of the
/// database drawn from it. Relative paths are resolved from the test assembly's folder.
/// </summary>
public sealed record SynthDatabaseOptions
{
    /// <summary>A trained multi-table model (<c>synthfixtures train --from … --out shop.synth</c>); or set <see cref="LearnFrom"/>.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// A source to learn the model from at first use: a folder of CSVs (keys from <see cref="Metadata"/>, else
    /// <c>relations.json</c> in the folder, else detection) or a SQLite file. The trained model is cached in
    /// <see cref="CacheFolder"/> under a hash of the source, kind and seed, so it is learned once per change.
    /// </summary>
    public string? LearnFrom { get; init; }

    /// <summary>For a folder of CSVs: the relational metadata JSON with the keys (default: <c>relations.json</c> in the folder).</summary>
    public string? Metadata { get; init; }

    /// <summary>The model kind each table is learned with (default gaussiancopula, which needs no TorchSharp).</summary>
    public string ModelKind { get; init; } = SynthFixtures.Models.ModelKinds.GaussianCopula;

    /// <summary>The seed the model is learned with.</summary>
    public long TrainingSeed { get; init; } = 1;

    /// <summary>Rows per table relative to the source (0.5: half, 2: twice as many at every level).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The seed of the generated database: the same seed gives the same rows.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Where the database lives while the test class runs.</summary>
    public SynthDatabaseStorage Storage { get; init; } = SynthDatabaseStorage.TemporaryFile;

    /// <summary>Where models learned from <see cref="LearnFrom"/> are kept (default: <c>synthfixtures-models</c> beside the test assembly).</summary>
    public string? CacheFolder { get; init; }
}

/// <summary>Where a fixture's SQLite database lives.</summary>
public enum SynthDatabaseStorage
{
    /// <summary>A file in the temporary folder, deleted when the test class is done; any client (EF Core, Dapper, a CLI) can open it.</summary>
    TemporaryFile,

    /// <summary>A named shared-cache in-memory database, kept alive by the fixture's own connection until the class is done.</summary>
    SharedMemory,
}
