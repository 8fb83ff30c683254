using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Modeling.Relational;

/// <summary>
/// The order tables are generated in: every parent before its children (self-references aside), ties in metadata order.
/// </summary>
internal static class TableOrder
{
    /// <exception cref="SynthDataException">Keys between tables form a cycle, so no table of it can come first.</exception>
    public static IReadOnlyList<RelationalTable> Of(RelationalMetadata metadata)
    {
        var waiting = metadata.Tables.ToDictionary(t => t.Name,
            t => metadata.KeysFrom(t.Name).Where(k => !k.IsSelfReference).Select(k => k.ParentTable).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var order = new List<RelationalTable>();
        while (order.Count < metadata.Tables.Count)
        {
            var next = metadata.Tables.FirstOrDefault(t => waiting.ContainsKey(t.Name) && waiting[t.Name].Count == 0);
            if (next is null)
            {
                var stuck = metadata.Tables.Where(t => waiting.ContainsKey(t.Name)).Select(t => t.Name);
                throw new SynthDataException($"The foreign keys between {string.Join(", ", stuck)} form a cycle, so no table of it can be generated first.",
                    hint: "A multi-table model generates parents before children: remove one key of the cycle from the relational metadata.");
            }
            order.Add(next);
            waiting.Remove(next.Name);
            foreach (var parents in waiting.Values) parents.Remove(next.Name);
        }
        return order;
    }
}
