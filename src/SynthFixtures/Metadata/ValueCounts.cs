namespace SynthFixtures.Metadata;

/// <summary>
/// A column's distinct values, compared as <see cref="Data.CellText.Normalize"/> does (padding ignored), with how often
/// each occurs. The profiler tests each distinct value once, not each cell: categorical columns have few.
/// </summary>
internal sealed class ValueCounts
{
    private ValueCounts(KeyValuePair<string, int>[] values, int missing, int nonMissing)
    {
        Values = values;
        Missing = missing;
        NonMissing = nonMissing;
    }

    /// <summary>Distinct trimmed values with their counts, in order of first appearance.</summary>
    public KeyValuePair<string, int>[] Values { get; }

    /// <summary>Number of missing cells.</summary>
    public int Missing { get; }

    /// <summary>Number of cells with a value.</summary>
    public int NonMissing { get; }

    /// <summary>Number of distinct trimmed values.</summary>
    public int Distinct => Values.Length;

    /// <summary>Whether no value occurs twice.</summary>
    public bool AllUnique => Distinct == NonMissing;

    /// <summary>Counts the values of <paramref name="cells"/>.</summary>
    public static ValueCounts Of(IReadOnlyList<string?> cells)
    {
        // Raw cells first: the reader shares one string per repeated value, so this is cheap; trimming happens per distinct raw value.
        var raw = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var cell in cells)
        {
            if (cell is null)
            {
                missing++;
                continue;
            }
            raw[cell] = raw.TryGetValue(cell, out var count) ? count + 1 : 1;
        }
        var trimmed = new Dictionary<string, int>(raw.Count, StringComparer.Ordinal);
        foreach (var (value, count) in raw)
        {
            var key = Data.CellText.Normalize(value);
            trimmed[key] = trimmed.TryGetValue(key, out var seen) ? seen + count : count;
        }
        return new ValueCounts(trimmed.ToArray(), missing, cells.Count - missing);
    }

    /// <summary>How many non-missing cells satisfy <paramref name="test"/>.</summary>
    public int CountWhere(Func<string, bool> test)
    {
        var total = 0;
        foreach (var (value, count) in Values)
            if (test(value)) total += count;
        return total;
    }
}
