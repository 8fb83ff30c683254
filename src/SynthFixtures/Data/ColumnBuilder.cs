namespace SynthFixtures.Data;

/// <summary>
/// Collects one column's cells while a CSV is read: missing cells become <c>null</c>, and the raw token used for them
/// is counted so the most frequent one can be written back.
/// </summary>
internal sealed class ColumnBuilder(int capacity, bool trimValues)
{
    // Past this many distinct trimmed values a column is not categorical, so interning would only cost memory.
    private const int MaxInterned = 10_000;

    private readonly List<string?> _cells = new(capacity);
    private readonly Dictionary<string, (int Count, int FirstSeen)> _missing = new(StringComparer.Ordinal);
    private HashSet<string>? _interned;

    /// <summary>Adds a cell: <paramref name="raw"/> is the field as parsed (quotes removed), <paramref name="isMissing"/> says whether it is a missing token.</summary>
    public void Add(string raw, bool isMissing)
    {
        if (isMissing)
        {
            var token = trimValues ? CellText.Normalize(raw) : raw;
            _missing[token] = _missing.TryGetValue(token, out var seen) ? (seen.Count + 1, seen.FirstSeen) : (1, _cells.Count);
            _cells.Add(null);
            return;
        }
        _cells.Add(trimValues ? Trim(raw) : raw);
    }

    /// <summary>The cells collected so far.</summary>
    public string?[] ToArray() => _cells.ToArray();

    /// <summary>The most frequent raw missing token (the first seen on a tie), or <c>null</c> when that is an empty field or nothing was missing.</summary>
    public string? MostFrequentMissingToken()
    {
        string? best = null;
        var bestCount = 0;
        var bestFirst = int.MaxValue;
        foreach (var (token, (count, first)) in _missing)
        {
            if (count > bestCount || (count == bestCount && first < bestFirst))
                (best, bestCount, bestFirst) = (token, count, first);
        }
        return string.IsNullOrEmpty(best) ? null : best;
    }

    private string Trim(string raw)
    {
        var span = raw.AsSpan();
        var trimmed = span.Trim();
        if (trimmed.Length == span.Length) return raw; // already pooled by the parser
        _interned ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(trimmed, out var existing)) return existing;
        var text = trimmed.ToString();
        if (_interned.Count < MaxInterned) _interned.Add(text);
        return text;
    }
}
