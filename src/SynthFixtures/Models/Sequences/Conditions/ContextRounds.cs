using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences.Conditions;

/// <summary>
/// The contexts (context columns, length, start) a sample under step conditions draws from: round 0 is the sample's own
/// context sample (so an entity kept at its first attempt has the context it has without step conditions), round
/// <c>a</c> another whole context sample of the same size, seeded from <c>a</c>. Entity <c>i</c>'s attempt <c>a</c> takes
/// row <c>i</c> of round <c>a</c>, so what it draws depends on the seed, <c>i</c> and <c>a</c> only. Each round is read
/// forward as the chunks move on; rows before the current chunk are let go.
/// </summary>
internal sealed class ContextRounds(SequenceModel model, SynthRandom root, long entities, IReadOnlyList<Condition> conditions,
    SamplingOptions contextOptions, IEnumerable<SampledTable> roundZero, CancellationToken cancellationToken)
{
    private readonly List<Round> _rounds = [new(roundZero)];

    /// <summary>Rows <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 of round <paramref name="round"/>; <paramref name="first"/> never goes back.</summary>
    public SampledTable Rows(int round, long first, int count)
    {
        while (_rounds.Count <= round)
        {
            var seed = root.Derive("sequence-context-attempt").Derive(_rounds.Count).Seed;
            _rounds.Add(new Round(model.ContextModel.SampleChunks(entities, seed, conditions, contextOptions, cancellationToken)));
        }
        return _rounds[round].Rows(first, count);
    }

    private sealed class Round(IEnumerable<SampledTable> chunks)
    {
        private readonly IEnumerator<SampledTable> _chunks = chunks.GetEnumerator();
        private readonly List<(long Start, SampledTable Table)> _held = [];
        private long _next;

        public SampledTable Rows(long first, int count)
        {
            _held.RemoveAll(h => h.Start + h.Table.RowCount <= first);
            while (_next < first + count)
            {
                if (!_chunks.MoveNext()) throw new InvalidOperationException("The context sample ended before its last entity.");
                var table = _chunks.Current;
                if (_next + table.RowCount > first) _held.Add((_next, table));
                _next += table.RowCount;
            }
            var parts = _held.Where(h => h.Start < first + count)
                .Select(h => (h.Table, From: (int)Math.Max(0, first - h.Start), To: (int)Math.Min(h.Table.RowCount, first + count - h.Start)))
                .ToList();
            if (parts.Count == 1 && parts[0].From == 0 && parts[0].To == parts[0].Table.RowCount) return parts[0].Table;
            var head = parts[0].Table;
            var columns = head.Columns.Select((_, c) => SampledColumns.Concat(parts.Select(p => SampledColumns.Slice(p.Table.Columns[c], p.From, p.To - p.From)).ToList())).ToArray();
            return new SampledTable(head.Metadata, columns, count);
        }
    }
}
