namespace SynthFixtures.Databases;

/// <summary>The database engines SynthFixtures reads from and seeds into.</summary>
public enum DatabaseProvider
{
    /// <summary>SQLite through Microsoft.Data.Sqlite: a file, or <c>:memory:</c>.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql.</summary>
    PostgreSql,
}
