namespace SynthFixtures.Data;

/// <summary>The missing-value tokens of <see cref="CsvReadOptions"/>, looked up by trimmed span so no string is allocated per cell.</summary>
internal sealed class MissingTokenSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public MissingTokenSet(IEnumerable<string> tokens)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens) set.Add(CellText.Normalize(token ?? ""));
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether <paramref name="raw"/>, with surrounding whitespace removed, is a missing-value token.</summary>
    public bool IsMissing(string raw) => _lookup.Contains(raw.AsSpan().Trim());
}
