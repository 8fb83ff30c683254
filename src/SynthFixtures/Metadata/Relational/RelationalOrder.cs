namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// The order a database's tables are generated and written in: every parent before its children. A self-reference
/// (<c>Employee.ReportsTo</c>) does not constrain the order (its rows are ordered within the table). A cycle of
/// foreign keys between tables is broken by a key whose child columns are all nullable: its rows are written with the
/// key empty and the key is filled in a second pass (<see cref="Deferred"/>). A cycle with no such key cannot be ordered.
/// </summary>
public sealed class RelationalOrder
{
    private RelationalOrder(IReadOnlyList<string> tables, IReadOnlyList<ForeignKey> deferred)
    {
        Tables = tables;
        Deferred = deferred;
    }

    /// <summary>The table names, parents before children; among tables free to go, metadata order.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>The foreign keys that break a cycle: written empty first, filled in a second pass once both tables exist.</summary>
    public IReadOnlyList<ForeignKey> Deferred { get; }

    /// <summary>Whether <paramref name="key"/> is filled in the second pass.</summary>
    public bool IsDeferred(ForeignKey key) => Deferred.Any(d => SameKey(d, key));

    /// <summary>The generation order of <paramref name="metadata"/>'s tables.</summary>
    /// <exception cref="SynthDataException">The foreign keys form a cycle between tables in which no key's columns are all nullable.</exception>
    public static RelationalOrder Of(RelationalMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var names = metadata.Tables.Select(t => t.Name).ToList();
        var deferred = new List<ForeignKey>();
        while (true)
        {
            var edges = metadata.ForeignKeys.Where(k => !k.IsSelfReference && !deferred.Any(d => SameKey(d, k))
                && names.Contains(k.ChildTable) && names.Contains(k.ParentTable)).ToList();
            var (order, rest) = Sort(names, edges);
            if (rest.Count == 0) return new RelationalOrder(order, deferred);
            var cycle = FindCycle(rest, edges);
            // Break the cycle at its first link (in foreign-key declaration order) whose keys are all nullable.
            var breakable = cycle.Select(link => edges.Where(k => k.ChildTable == link.Child && k.ParentTable == link.Parent).ToList())
                .Where(keys => keys.All(k => IsNullable(metadata, k)))
                .OrderBy(keys => keys.Min(k => IndexOf(metadata.ForeignKeys, k)))
                .FirstOrDefault();
            if (breakable is null)
            {
                var keys = cycle.SelectMany(link => edges.Where(k => k.ChildTable == link.Child && k.ParentTable == link.Parent)).Select(k => k.ToString());
                throw new SynthDataException(
                    $"The foreign keys {string.Join("; ", keys)} form a cycle ({string.Join(" → ", cycle.Select(l => l.Child).Append(cycle[0].Child))}) that cannot be ordered: no key in it has only nullable columns.",
                    hint: "Make one of these foreign key columns nullable (its rows are then written empty and filled in a second pass), or remove a key from the metadata.");
            }
            deferred.AddRange(breakable);
        }
    }

    /// <summary>Whether two keys join the same columns of the same tables.</summary>
    internal static bool SameKey(ForeignKey a, ForeignKey b) =>
        a.ChildTable == b.ChildTable && a.ParentTable == b.ParentTable
        && a.ChildColumns.SequenceEqual(b.ChildColumns, StringComparer.Ordinal) && a.ParentColumns.SequenceEqual(b.ParentColumns, StringComparer.Ordinal);

    private static int IndexOf(IReadOnlyList<ForeignKey> keys, ForeignKey key)
    {
        for (var i = 0; i < keys.Count; i++) if (SameKey(keys[i], key)) return i;
        return int.MaxValue;
    }

    private static bool IsNullable(RelationalMetadata metadata, ForeignKey key)
    {
        var child = metadata.Table(key.ChildTable);
        return key.ChildColumns.All(name => child.Columns.FirstOrDefault(c => c.Name == name) is { Nullable: true });
    }

    // Kahn's sort, taking the first ready table in metadata order each time; returns the tables left in or below a cycle.
    private static (List<string> Order, List<string> Remaining) Sort(List<string> names, List<ForeignKey> edges)
    {
        var order = new List<string>(names.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var next = names.FirstOrDefault(n => !placed.Contains(n) && edges.All(k => k.ChildTable != n || placed.Contains(k.ParentTable)));
            if (next is null) break;
            order.Add(next);
            placed.Add(next);
        }
        return (order, names.Where(n => !placed.Contains(n)).ToList());
    }

    // Every unplaced table waits on an unplaced parent; walking parent to parent must revisit a table: the cycle.
    private static List<(string Child, string Parent)> FindCycle(List<string> rest, List<ForeignKey> edges)
    {
        var path = new List<string>();
        var current = rest[0];
        while (!path.Contains(current))
        {
            path.Add(current);
            current = edges.First(k => k.ChildTable == current && rest.Contains(k.ParentTable)).ParentTable;
        }
        var loop = path.Skip(path.IndexOf(current)).ToList();
        return loop.Select((child, i) => (child, loop[(i + 1) % loop.Count])).ToList();
    }
}
