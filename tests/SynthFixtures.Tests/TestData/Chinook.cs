using SynthFixtures.Metadata.Relational;
using SynthFixtures.Databases;
using SynthFixtures.Databases.Reading;

namespace SynthFixtures.Tests.TestData;

/// <summary>
/// Chinook from the shared datasets, read as a user would read it: its SQLite file through the production
/// <see cref="DatabaseReader"/> (declared types, nullability, keys and foreign keys from the database itself).
/// </summary>
internal static class Chinook
{
    /// <summary>The SQLite file, or null when the dataset is absent.</summary>
    public static string? SqliteFile => Datasets.Path("chinook", "Chinook_Sqlite.sqlite");

    /// <summary>The skip reason when <see cref="SqliteFile"/> is absent.</summary>
    public static string Missing => Datasets.Missing("chinook", "Chinook_Sqlite.sqlite");

    /// <summary>The whole database, or null when the dataset is absent.</summary>
    public static RelationalDataset? Read() => SqliteFile is { } file ? DatabaseReader.Read(DatabaseLocation.Parse(file)) : null;
}
