using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Counts synthetic entities whose sequence is a real entity's, step for step: the same length and, at every step, the
/// same value in every step column (numbers compared as parsed, so "1.0" equals "1"; categories by their trimmed text;
/// missing equals missing). Entities are hashed, and a hash match is confirmed value by value.
/// </summary>
internal static class CopiedSequences
{
    /// <summary>How many entities of <paramref name="side"/> equal some entity of <paramref name="reference"/>.</summary>
    public static int Count(SequenceSides sides, IReadOnlyList<EvaluatedColumn> stepColumns, SequenceSide side, SequenceSide reference)
    {
        if (stepColumns.Count == 0) return 0;
        var known = new Dictionary<ulong, List<SequenceEntity>>();
        foreach (var entity in sides.Set(reference).Entities)
        {
            var hash = Hash(stepColumns, reference, entity);
            if (!known.TryGetValue(hash, out var list)) known[hash] = list = [];
            list.Add(entity);
        }
        return sides.Set(side).Entities.Count(entity =>
            known.TryGetValue(Hash(stepColumns, side, entity), out var candidates)
            && candidates.Any(other => Equal(stepColumns, side, entity, reference, other)));
    }

    private static ulong Hash(IReadOnlyList<EvaluatedColumn> columns, SequenceSide side, SequenceEntity entity)
    {
        // FNV-1a over 64-bit words: the length, then each column's steps.
        var hash = 14695981039346656037UL;
        void Add(ulong word)
        {
            hash ^= word;
            hash *= 1099511628211UL;
        }
        Add((ulong)entity.Length);
        foreach (var column in columns)
        {
            if (column.IsNumeric)
            {
                var values = SequenceSides.Values(column, side);
                foreach (var row in entity.Rows) Add(Bits(values[row]));
            }
            else
            {
                var codes = SequenceSides.Codes(column, side);
                foreach (var row in entity.Rows) Add((ulong)codes[row]);
            }
        }
        return hash;
    }

    private static bool Equal(IReadOnlyList<EvaluatedColumn> columns, SequenceSide sideA, SequenceEntity a, SequenceSide sideB, SequenceEntity b)
    {
        if (a.Length != b.Length) return false;
        foreach (var column in columns)
            for (var t = 0; t < a.Length; t++)
            {
                var same = column.IsNumeric
                    ? Bits(SequenceSides.Values(column, sideA)[a.Rows[t]]) == Bits(SequenceSides.Values(column, sideB)[b.Rows[t]])
                    : SequenceSides.Codes(column, sideA)[a.Rows[t]] == SequenceSides.Codes(column, sideB)[b.Rows[t]];
                if (!same) return false;
            }
        return true;
    }

    // One pattern for every NaN and for ±0, so equal values hash and compare equal.
    private static ulong Bits(double value) => double.IsNaN(value) ? 0x7FF8000000000000UL : (ulong)BitConverter.DoubleToInt64Bits(value + 0.0);
}
