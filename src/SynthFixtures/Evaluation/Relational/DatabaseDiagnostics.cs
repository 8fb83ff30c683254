using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// Whether a database's keys hold: every non-missing foreign key value matches a parent key (referential integrity),
/// and every primary key and referenced key is present and unique. A generated database should pass both exactly.
/// </summary>
public sealed class DatabaseDiagnostics
{
    /// <summary>One check per foreign key whose tables and columns exist, in metadata order.</summary>
    public required IReadOnlyList<ReferentialIntegrity> Integrity { get; init; }

    /// <summary>One check per primary key, then per referenced key that is not a primary key, in metadata order.</summary>
    public required IReadOnlyList<KeyUniqueness> Uniqueness { get; init; }

    /// <summary>Matching foreign key values over all non-missing ones, every key together (1 when there are none).</summary>
    public double IntegrityShare
    {
        get
        {
            long values = Integrity.Sum(i => (long)i.Values), matched = Integrity.Sum(i => (long)i.Matched);
            return values == 0 ? 1.0 : (double)matched / values;
        }
    }

    /// <summary>The mean of the keys' uniqueness scores (1 when no key is declared).</summary>
    public double UniquenessScore => Uniqueness.Count == 0 ? 1.0 : Uniqueness.Average(u => u.Score);

    /// <summary>Whether no foreign key value is an orphan and no key is missing or repeated.</summary>
    public bool Valid => Integrity.All(i => i.OrphanRows == 0) && Uniqueness.All(u => u.MissingKeys == 0 && u.DuplicateRows == 0);
}

/// <summary>One foreign key's integrity: how many child rows reference a parent that exists.</summary>
/// <param name="Key">The foreign key.</param>
/// <param name="Values">Child rows whose key is not missing (a key with a missing part is missing and not checked).</param>
/// <param name="Matched">Of those, rows whose key equals a parent's key.</param>
/// <param name="DistinctOrphans">Distinct values that match no parent.</param>
/// <param name="Orphans">The orphan values with their row counts, most rows first (at most <see cref="RelationalEvaluationOptions.ListedValues"/>).</param>
public sealed record ReferentialIntegrity(ForeignKey Key, int Values, int Matched, int DistinctOrphans, IReadOnlyList<KeyCount> Orphans)
{
    /// <summary>Child rows that reference no parent.</summary>
    public int OrphanRows => Values - Matched;

    /// <summary>The share of non-missing values that match a parent key (1 when there are none).</summary>
    public double Share => Values == 0 ? 1.0 : (double)Matched / Values;
}

/// <summary>One key's uniqueness: a primary key, or the columns a foreign key references.</summary>
/// <param name="Table">The table.</param>
/// <param name="Columns">The key's columns.</param>
/// <param name="IsPrimaryKey">Whether these are the table's primary key columns (otherwise a referenced unique key).</param>
/// <param name="Rows">Rows in the table.</param>
/// <param name="MissingKeys">Rows whose key is missing (any part of it).</param>
/// <param name="DuplicateRows">Rows whose key repeats an earlier row's.</param>
/// <param name="DistinctDuplicated">Distinct key values held by more than one row.</param>
/// <param name="Duplicates">The repeated values with how many rows hold each, most first (at most <see cref="RelationalEvaluationOptions.ListedValues"/>).</param>
public sealed record KeyUniqueness(string Table, IReadOnlyList<string> Columns, bool IsPrimaryKey, int Rows, int MissingKeys,
    int DuplicateRows, int DistinctDuplicated, IReadOnlyList<KeyCount> Duplicates)
{
    /// <summary>1 − (missing + repeated rows) / rows, as the single-table diagnostic's key uniqueness (1 for an empty table).</summary>
    public double Score => Rows == 0 ? 1.0 : 1.0 - (double)(MissingKeys + DuplicateRows) / Rows;

    /// <summary><c>Table(a, b)</c>.</summary>
    public string Name => $"{Table}({string.Join(", ", Columns)})";
}

/// <summary>A key value (<c>(a, b)</c> for a composite key) and how many rows hold it.</summary>
/// <param name="Value">The value as shown.</param>
/// <param name="Rows">The number of rows.</param>
public sealed record KeyCount(string Value, int Rows);
