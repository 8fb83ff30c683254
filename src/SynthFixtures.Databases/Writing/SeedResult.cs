namespace SynthFixtures.Databases.Writing;

/// <summary>What a committed seed wrote.</summary>
/// <param name="Target">The database, as messages name it (no password).</param>
/// <param name="Tables">Per table, in the order they were written (parents before children).</param>
/// <param name="Elapsed">Wall time from opening the connection to the commit.</param>
public sealed record SeedResult(string Target, IReadOnlyList<SeededTable> Tables, TimeSpan Elapsed)
{
    /// <summary>Rows written over all tables.</summary>
    public long TotalRows => Tables.Sum(t => t.Rows);

    /// <summary>Rows written per second of <see cref="Elapsed"/>.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? TotalRows / Elapsed.TotalSeconds : 0;
}

/// <summary>One table of a <see cref="SeedResult"/>.</summary>
/// <param name="Name">The table's name in the database.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Created">Whether the seed created the table (rather than filling an existing one).</param>
public sealed record SeededTable(string Name, long Rows, bool Created);
