using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// The order a seed writes tables in: parents before children. Foreign keys are checked at commit (deferred), so a
/// self-reference or a cycle needs no special order; when a cycle leaves no table whose parents are all written, the
/// first remaining table in metadata order goes next.
/// </summary>
internal static class SeedOrder
{
    /// <summary>The tables, parents first; ties keep metadata order so the order is the same on every run.</summary>
    public static IReadOnlyList<RelationalTable> ParentsFirst(RelationalMetadata metadata)
    {
        var remaining = metadata.Tables.ToList();
        var written = new HashSet<string>(StringComparer.Ordinal);
        var inDataset = metadata.Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var order = new List<RelationalTable>(remaining.Count);
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(table => metadata.KeysFrom(table.Name).All(key =>
                key.IsSelfReference || !inDataset.Contains(key.ParentTable) || written.Contains(key.ParentTable)))
                ?? remaining[0];
            remaining.Remove(next);
            written.Add(next.Name);
            order.Add(next);
        }
        return order;
    }
}
