using SynthFixtures.Data;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// The distinct non-missing keys of a parent table over the referenced columns, numbered 0 … <see cref="Count"/> − 1 in
/// row order, each with the first row that holds it: what a child's foreign key is looked up in.
/// </summary>
internal sealed class ParentKeys
{
    private readonly Dictionary<string, int> _numbers;
    private readonly int[] _firstRows;

    private ParentKeys(Dictionary<string, int> numbers, int[] firstRows)
    {
        _numbers = numbers;
        _firstRows = firstRows;
    }

    /// <summary>Distinct parent keys.</summary>
    public int Count => _firstRows.Length;

    /// <summary>The keys of <paramref name="parent"/> over <paramref name="columns"/>.</summary>
    public static ParentKeys Of(Table parent, IReadOnlyList<string> columns)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRows = new List<int>();
        var keys = KeyValues.Of(parent, columns);
        for (var row = 0; row < keys.Length; row++)
            if (keys[row] is { } key && numbers.TryAdd(key, firstRows.Count)) firstRows.Add(row);
        return new ParentKeys(numbers, firstRows.ToArray());
    }

    /// <summary>The number of the parent whose key is <paramref name="key"/>, or −1 when none is (an orphan).</summary>
    public int Find(string key) => _numbers.TryGetValue(key, out var number) ? number : -1;

    /// <summary>The first parent row holding key number <paramref name="number"/>.</summary>
    public int FirstRow(int number) => _firstRows[number];
}
