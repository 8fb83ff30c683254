using SynthFixtures.Randomness;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// Draws parent rows with probability proportional to a weight, their generated count of children through the key
/// being filled: a track that is bought often is picked often. Every weight zero: a uniform draw.
/// </summary>
internal sealed class PopularityDraw
{
    private readonly double[] _weights;
    private readonly double[] _cumulative;
    private readonly double _total;
    private readonly int _positive;

    public PopularityDraw(IReadOnlyList<int> counts)
    {
        _weights = new double[counts.Count];
        var positive = false;
        for (var i = 0; i < counts.Count; i++)
        {
            _weights[i] = Math.Max(0, counts[i]);
            positive |= _weights[i] > 0;
        }
        if (!positive) Array.Fill(_weights, 1.0);
        _positive = _weights.Count(w => w > 0);
        _cumulative = new double[_weights.Length];
        double sum = 0;
        for (var i = 0; i < _weights.Length; i++) _cumulative[i] = sum += _weights[i];
        _total = sum;
    }

    /// <summary>Number of parents.</summary>
    public int Count => _weights.Length;

    /// <summary>One parent row.</summary>
    public int Next(SynthRandom random)
    {
        var u = random.NextDouble() * _total;
        var index = Array.BinarySearch(_cumulative, u);
        index = index >= 0 ? index + 1 : ~index;
        // u lands on a boundary or past rounding at the end: step to the next row with weight.
        while (index < _weights.Length && _weights[index] == 0) index++;
        return Math.Min(index, _weights.Length - 1);
    }

    /// <summary>
    /// <paramref name="count"/> distinct parent rows (at most <see cref="Count"/>): weighted sampling without replacement
    /// by exponential keys (Efraimidis and Spirakis, 2006), rows of weight zero last in random order.
    /// </summary>
    public int[] Distinct(SynthRandom random, int count)
    {
        count = Math.Min(count, _weights.Length);
        if (count * 8 <= _positive && TryByRejection(random, count) is { } drawn) return drawn;
        var keys = new double[_weights.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var log = Math.Log(random.NextOpenDouble());
            // Weights are whole counts (at least 1 when positive), so a positive row's key is above -40 and a zero row's far below.
            keys[i] = _weights[i] > 0 ? log / _weights[i] : log - 1e12;
        }
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        return order[..count];
    }

    // Few rows out of many: drawing one at a time and skipping repeats is the same successive sampling without replacement, without a key per parent.
    private int[]? TryByRejection(SynthRandom random, int count)
    {
        var chosen = new List<int>(count);
        var seen = new HashSet<int>();
        for (var attempt = 0; attempt < 64 * count && chosen.Count < count; attempt++)
        {
            var row = Next(random);
            if (seen.Add(row)) chosen.Add(row);
        }
        return chosen.Count == count ? chosen.ToArray() : null;
    }
}
