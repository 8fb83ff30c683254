using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Models.Relational;

namespace SynthFixtures.Modeling.Relational;

/// <summary>
/// Finds child columns that (nearly) repeat a column of a parent row (<c>Invoice.BillingCountry</c> = its customer's
/// <c>Country</c>, <c>InvoiceLine.UnitPrice</c> = its track's <c>UnitPrice</c>), through any foreign key of the child
/// that is filled while the child is generated (not a self-reference, not a key closing a cycle). A per-table model sees
/// an identity between labels only as a blurred association (the copula's frequency-interval encoding puts labels on one
/// line), so such a column is copied from the generated parent instead, on as many rows as give the source's share of
/// agreement (the sampler counts the model's own draws that already agree); the other rows keep the model's draw.
/// </summary>
/// <remarks>
/// A column is taken when, over the child rows that have a parent through the key, its value equals the parent column's
/// (<see cref="SameCell"/>) on at least <see cref="MinShare"/> of them, and the exceptions are at most
/// <see cref="MaxExceptionRatio"/> of those independence would give (1 − Σ p_child(v)·p_parent(v)): a column that agrees only because
/// both sides are nearly constant is no evidence of a copy. At least <see cref="MinRows"/> linked rows and two distinct
/// parent values are needed. Each child column copies at most one parent column: the best match, the primary key's first.
/// A column the child's model learns copies only a column the parent's model learns: a generated parent cell (a fake
/// address, placeholder prose) would replace learned values with invented ones; a column the child generates anyway may
/// copy any parent column, which keeps the two consistent (the billing address is the customer's fake address).
/// </remarks>
internal static class ParentCopyFinder
{
    /// <summary>The least share of linked rows whose value equals the parent's.</summary>
    public const double MinShare = 0.8;

    /// <summary>The most exceptions, as a share of those independent columns would show.</summary>
    public const double MaxExceptionRatio = 0.25;

    /// <summary>The fewest linked child rows that can show a copy.</summary>
    public const int MinRows = 20;

    public static List<CopiedColumn> Find(RelationalDataset data, RelationalTable table, IReadOnlyList<string> childColumns,
        IReadOnlyList<int> keys, KeyLinks[] links, IReadOnlyDictionary<string, TableMetadata> profiles)
    {
        var metadata = data.Metadata;
        var rows = data[table.Name];
        var found = new List<CopiedColumn>();
        foreach (var column in childColumns)
        {
            var cells = rows.Column(column);
            var learned = profiles[table.Name].Find(column)?.IsModelled == true;
            CopiedColumn? best = null;
            foreach (var k in keys)
            {
                var key = metadata.ForeignKeys[k];
                var parentRows = data[key.ParentTable];
                var rowOf = links[k].ParentRowOf;
                if (rowOf.Count(r => r >= 0) < MinRows) continue;
                foreach (var parentColumn in parentRows.ColumnNames)
                {
                    if (learned && profiles[key.ParentTable].Find(parentColumn)?.IsModelled != true) continue;
                    // A sum rule's column is written only once every table exists: there is nothing to copy yet.
                    if (metadata.SumRules.Any(r => r.Key.ParentTable == key.ParentTable && r.Column == parentColumn)) continue;
                    var parentCells = parentRows.Column(parentColumn);
                    if (Agreement(cells, parentCells, rowOf) is not { } share) continue;
                    if (best is null || share > best.Share) best = new CopiedColumn(k, parentColumn, column, share);
                }
            }
            if (best is not null) found.Add(best);
        }
        return found;
    }

    // The share of linked rows whose cell equals the parent's, when it is evidence of a copy; otherwise null.
    private static double? Agreement(IReadOnlyList<string?> child, IReadOnlyList<string?> parent, int[] parentRowOf)
    {
        var linked = 0;
        var equal = 0;
        var childLabels = new Dictionary<string, int>(StringComparer.Ordinal);
        var parentLabels = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < parentRowOf.Length; row++)
        {
            if (parentRowOf[row] < 0) continue;
            linked++;
            var c = SameCell.Canonical(child[row]);
            var p = SameCell.Canonical(parent[parentRowOf[row]]);
            if (c == p) equal++;
            childLabels[c] = childLabels.GetValueOrDefault(c) + 1;
            parentLabels[p] = parentLabels.GetValueOrDefault(p) + 1;
        }
        if (linked < MinRows || parentLabels.Count < 2) return null;
        var share = equal / (double)linked;
        if (share < MinShare) return null;
        var chance = childLabels.Sum(l => l.Value / (double)linked * parentLabels.GetValueOrDefault(l.Key) / linked);
        return 1 - share <= MaxExceptionRatio * (1 - chance) ? share : null;
    }
}
