using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Randomness;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// Column pair trends across one foreign key: each child row with a matching parent is joined to that parent's row (the
/// first row holding the key), and every pair of one learned parent column and one learned child column is scored with
/// the single-table report's pair metrics (<see cref="QualityEvaluator.ScorePair"/>: correlation similarity for two
/// numeric or datetime columns, contingency similarity otherwise). To stay cheap on large databases, at most
/// <see cref="RelationalEvaluationOptions.MaxJoinedRows"/> joined rows per side and
/// <see cref="RelationalEvaluationOptions.MaxPairsPerKey"/> pairs are scored, both chosen from the evaluation's seed.
/// </summary>
internal static class ParentChildTrendEvaluator
{
    /// <summary>The trends across <paramref name="key"/>.</summary>
    /// <param name="key">The foreign key.</param>
    /// <param name="parent">The parent table, prepared.</param>
    /// <param name="child">The child table, prepared.</param>
    /// <param name="real">The real parent keys and raw child rows (for the join).</param>
    /// <param name="synthetic">The synthetic parent keys and raw child rows.</param>
    /// <param name="options">The caps and the seed.</param>
    /// <param name="parallel">Threads and cancellation.</param>
    public static ParentChildTrends Evaluate(ForeignKey key, PreparedTable parent, PreparedTable child,
        (ParentKeys Parents, Table Child) real, (ParentKeys Parents, Table Child) synthetic, RelationalEvaluationOptions options,
        ParallelOptions parallel)
    {
        var realJoin = Join(key, real.Parents, real.Child);
        var syntheticJoin = Join(key, synthetic.Parents, synthetic.Child);
        ParentChildTrends Skip(string reason, int pairsTotal = 0) => new()
        {
            Pairs = [], PairsTotal = pairsTotal, RealJoinedRows = realJoin.Length, SyntheticJoinedRows = syntheticJoin.Length,
            RealRowsScored = 0, SyntheticRowsScored = 0, SkipReason = reason,
        };
        if (parent.Metadata is null || child.Metadata is null)
            return Skip($"{(parent.Metadata is null ? key.ParentTable : key.ChildTable)} is not scored: {(parent.Metadata is null ? parent : child).Result.SkipReason}");
        var parentColumns = parent.Metadata.Columns.Where(c => c.IsModelled).ToArray();
        var childColumns = child.Metadata.Columns.Where(c => c.IsModelled).ToArray();
        if (parentColumns.Length == 0 || childColumns.Length == 0)
            return Skip($"{(parentColumns.Length == 0 ? key.ParentTable : key.ChildTable)} has no learned column to pair");
        if (realJoin.Length == 0) return Skip("no real child row has a matching parent", parentColumns.Length * childColumns.Length);
        if (syntheticJoin.Length == 0) return Skip("no synthetic child row has a matching parent", parentColumns.Length * childColumns.Length);

        var random = new SynthRandom(options.Seed).Derive("parent-child:" + key);
        var realRows = Sample(realJoin, options.MaxJoinedRows, random.Derive("real"));
        var syntheticRows = Sample(syntheticJoin, options.MaxJoinedRows, random.Derive("synthetic"));
        var parentNames = parentColumns.Select(c => key.IsSelfReference ? $"{key.ParentTable}.{c.Name} (parent)" : $"{key.ParentTable}.{c.Name}").ToArray();
        var childNames = childColumns.Select(c => $"{key.ChildTable}.{c.Name}").ToArray();
        var joinedMetadata = new TableMetadata
        {
            Columns = [.. parentColumns.Select((c, i) => c with { Name = parentNames[i] }), .. childColumns.Select((c, i) => c with { Name = childNames[i] })],
        };
        var columns = PreparedColumns.Prepare(
            Joined(realRows, parent.Real!, parentColumns, parentNames, child.Real!, childColumns, childNames),
            Joined(syntheticRows, parent.Synthetic!, parentColumns, parentNames, child.Synthetic!, childColumns, childNames),
            null, joinedMetadata, parallel);

        var total = parentColumns.Length * childColumns.Length;
        var chosen = Choose(total, options.MaxPairsPerKey, random.Derive("pairs"));
        var pairs = new ColumnPairScore[chosen.Length];
        Parallel.For(0, chosen.Length, parallel, p =>
        {
            var (a, b) = Math.DivRem(chosen[p], childColumns.Length);
            pairs[p] = QualityEvaluator.ScorePair(columns[a], columns[parentColumns.Length + b]);
        });
        return new ParentChildTrends
        {
            Score = pairs.Average(p => p.Score), Pairs = pairs, PairsTotal = total,
            RealJoinedRows = realJoin.Length, SyntheticJoinedRows = syntheticJoin.Length,
            RealRowsScored = realRows.Length, SyntheticRowsScored = syntheticRows.Length,
        };
    }

    /// <summary>(child row, parent row) for every child row whose key matches a parent, in child row order.</summary>
    private static (int Child, int Parent)[] Join(ForeignKey key, ParentKeys parents, Table child)
    {
        var joined = new List<(int, int)>();
        var values = KeyValues.Of(child, key.ChildColumns);
        for (var row = 0; row < values.Length; row++)
            if (values[row] is { } value && parents.Find(value) is var number and >= 0) joined.Add((row, parents.FirstRow(number)));
        return joined.ToArray();
    }

    /// <summary>At most <paramref name="limit"/> of <paramref name="rows"/>, a uniform seeded sample kept in row order.</summary>
    private static (int Child, int Parent)[] Sample((int Child, int Parent)[] rows, int limit, SynthRandom random) =>
        rows.Length <= limit ? rows : Choose(rows.Length, limit, random).Select(i => rows[i]).ToArray();

    /// <summary>
    /// <paramref name="take"/> distinct indices of 0 … <paramref name="count"/> − 1 in ascending order (all when fewer):
    /// a partial Fisher–Yates shuffle.
    /// </summary>
    private static int[] Choose(int count, int take, SynthRandom random)
    {
        var indices = Enumerable.Range(0, count).ToArray();
        if (count <= take) return indices;
        for (var i = 0; i < take; i++)
        {
            var j = i + random.NextInt(count - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        var chosen = indices[..take];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>The joined rows as one table: the parent's learned columns, then the child's, under their display names.</summary>
    private static Table Joined((int Child, int Parent)[] rows, Table parent, ColumnMetadata[] parentColumns, string[] parentNames,
        Table child, ColumnMetadata[] childColumns, string[] childNames)
    {
        string?[] Gather(Table table, string column, Func<(int Child, int Parent), int> row)
        {
            var source = table.Column(column);
            return rows.Select(r => source[row(r)]).ToArray();
        }
        var cells = parentColumns.Select(c => Gather(parent, c.Name, r => r.Parent))
            .Concat(childColumns.Select(c => Gather(child, c.Name, r => r.Child))).ToArray();
        return new Table([.. parentNames, .. childNames], cells);
    }
}
