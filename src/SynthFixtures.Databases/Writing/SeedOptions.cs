namespace SynthFixtures.Databases.Writing;

/// <summary>How <see cref="DatabaseSeeder"/> writes a dataset.</summary>
public sealed record SeedOptions
{
    /// <summary>What to do with tables that already hold rows (default: refuse to write into them).</summary>
    public SeedMode Mode { get; init; } = SeedMode.IntoEmpty;

    /// <summary>
    /// Whether tables absent from the database are created from the dataset's declared types, keys and foreign keys
    /// (default). When <c>false</c>, every table must exist and match: the seed only fills an existing schema.
    /// </summary>
    public bool CreateMissingTables { get; init; } = true;

    /// <summary>Told after each table is written (synchronously, on the seeding thread).</summary>
    public IProgress<SeedProgress>? Progress { get; init; }
}

/// <summary>One table written by a seed that is still running (nothing is visible to others until the whole seed commits).</summary>
/// <param name="Table">The table just written.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="TablesDone">Tables written so far, this one included.</param>
/// <param name="TableCount">Tables in the dataset.</param>
public sealed record SeedProgress(string Table, long Rows, int TablesDone, int TableCount);
