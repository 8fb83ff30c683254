using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Numerics;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>
/// Encodes rows for the privacy filter's distance, which is the evaluation's DCR distance: per modelled column, numbers
/// and datetimes as their difference over the reference range capped at 1 (<see cref="DistanceScale"/>), categories 0
/// when the trimmed labels are equal and 1 otherwise, a missing cell a value of its own (0 from another missing cell, 1
/// from anything else); the mean over the columns. Scales and label codes come from the reference table alone, and the
/// columns are searched in the order that ends the exact nearest-neighbour search soonest (most different between
/// random reference rows first), fixed by the filter's seed.
/// </summary>
internal sealed class ReferenceEncoding
{
    private readonly ColumnMetadata[] _columns;
    private readonly DistanceScale[] _scales;
    private readonly Dictionary<string, int>?[] _codes;

    private ReferenceEncoding(ColumnMetadata[] columns, DistanceScale[] scales, Dictionary<string, int>?[] codes)
    {
        _columns = columns;
        _scales = scales;
        _codes = codes;
    }

    /// <summary>The modelled columns, in search order.</summary>
    public IReadOnlyList<ColumnMetadata> Columns => _columns;

    /// <summary>Scales and label codes from <paramref name="reference"/> (already checked against the metadata), column order from <paramref name="random"/>.</summary>
    public static ReferenceEncoding Create(Table reference, IReadOnlyList<ColumnMetadata> modelled, SynthRandom random)
    {
        var columns = modelled.ToArray();
        var scales = new DistanceScale[columns.Length];
        var codes = new Dictionary<string, int>?[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var index = reference.IndexOf(columns[c].Name);
            if (columns[c].IsNumeric)
            {
                scales[c] = DistanceScale.Of(ColumnValues.ToDoubles(reference, index, columns[c]));
                continue;
            }
            // Codes from 1 in order of first appearance; 0 is a missing cell, as in the evaluation.
            var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var cell in reference.Column(index))
                if (cell is not null) dictionary.TryAdd(CellText.Normalize(cell), dictionary.Count + 1);
            codes[c] = dictionary;
        }
        var unordered = new ReferenceEncoding(columns, scales, codes);
        var order = unordered.OrderByDiscrimination(unordered.Encode(reference), random);
        return new ReferenceEncoding(order.Select(i => columns[i]).ToArray(), order.Select(i => scales[i]).ToArray(),
            order.Select(i => codes[i]).ToArray());
    }

    /// <summary>
    /// Encodes every row of <paramref name="table"/> (which has every modelled column; cells that do not parse were
    /// read as missing). A label the reference lacks gets a code no reference row has, so it is 1 from all of them.
    /// </summary>
    public DistanceRows Encode(Table table)
    {
        var encoded = DistanceRows.Allocate(table.RowCount, _columns.Length);
        for (var c = 0; c < _columns.Length; c++)
        {
            var offset = c * encoded.Stride;
            var index = table.IndexOf(_columns[c].Name);
            if (_codes[c] is not { } dictionary)
            {
                var values = ColumnValues.ToDoubles(table, index, _columns[c]);
                for (var r = 0; r < values.Length; r++) encoded.Data[offset + r] = _scales[c].Encode(values[r]);
                continue;
            }
            var lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
            var unseen = dictionary.Count + 1;
            var cells = table.Column(index);
            for (var r = 0; r < cells.Count; r++)
                encoded.Data[offset + r] = cells[r] is not { } cell ? 0
                    : lookup.TryGetValue(cell.AsSpan().Trim(), out var code) ? code : unseen;
        }
        return encoded;
    }

    private int[] OrderByDiscrimination(DistanceRows rows, SynthRandom random)
    {
        const int samplePairs = 2000;
        var mean = new double[_columns.Length];
        if (rows.Rows > 0)
        {
            for (var p = 0; p < samplePairs; p++)
            {
                var a = random.NextInt(rows.Rows);
                var b = random.NextInt(rows.Rows);
                for (var c = 0; c < mean.Length; c++) mean[c] += Math.Min(Math.Abs(rows[a, c] - rows[b, c]), 1f);
            }
        }
        // Stable on ties, so the order (and so the float sums) depend only on the reference and the seed.
        return Enumerable.Range(0, mean.Length).OrderByDescending(c => mean[c]).ThenBy(c => c).ToArray();
    }
}
