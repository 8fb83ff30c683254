using Microsoft.EntityFrameworkCore.Metadata;

namespace SynthFixtures.EntityFrameworkCore;

/// <summary>
/// The order entity types are inserted in: principals before their dependents, by the model's foreign keys. Types on a
/// cycle of foreign keys (a self-reference, or two tables that reference each other) form one group, saved in one
/// <c>SaveChanges</c> so EF Core orders their rows itself (and, for a nullable cycle, inserts then updates).
/// </summary>
internal static class EntityInsertOrder
{
    /// <summary>
    /// Groups of root entity types (an inheritance hierarchy is one node), principal groups first. Keys to types outside
    /// <paramref name="types"/> are ignored: their rows must already be in the database.
    /// </summary>
    public static IReadOnlyList<InsertGroup> Of(IEnumerable<IEntityType> types)
    {
        var nodes = types.Select(t => t.GetRootType()).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var members = nodes.ToHashSet();
        var edges = nodes.ToDictionary(n => n, n => PrincipalsOf(n).Where(members.Contains).ToList());
        return new Tarjan(edges).Components(nodes)
            .Select(component => new InsertGroup(component, component.Count > 1 || edges[component[0]].Contains(component[0])))
            .ToList();
    }

    private static IEnumerable<IEntityType> PrincipalsOf(IEntityType root) =>
        root.GetDerivedTypesInclusive()
            .SelectMany(t => t.GetDeclaredForeignKeys())
            .Select(k => k.PrincipalEntityType.GetRootType())
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// Tarjan's strongly connected components over dependent → principal edges: a component is emitted only after every
    /// component it reaches, so principals come out first.
    /// </summary>
    private sealed class Tarjan(Dictionary<IEntityType, List<IEntityType>> edges)
    {
        private readonly Dictionary<IEntityType, int> _index = [];
        private readonly Dictionary<IEntityType, int> _low = [];
        private readonly Stack<IEntityType> _stack = new();
        private readonly HashSet<IEntityType> _onStack = [];
        private readonly List<List<IEntityType>> _components = [];

        public List<List<IEntityType>> Components(IEnumerable<IEntityType> nodes)
        {
            foreach (var node in nodes)
                if (!_index.ContainsKey(node)) Visit(node);
            return _components;
        }

        // Recursive: a model has tens of entity types, never deep enough to matter for the stack.
        private void Visit(IEntityType node)
        {
            _index[node] = _low[node] = _index.Count;
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var next in edges[node])
            {
                if (!_index.ContainsKey(next))
                {
                    Visit(next);
                    _low[node] = Math.Min(_low[node], _low[next]);
                }
                else if (_onStack.Contains(next))
                    _low[node] = Math.Min(_low[node], _index[next]);
            }
            if (_low[node] != _index[node]) return;
            var component = new List<IEntityType>();
            IEntityType member;
            do
            {
                member = _stack.Pop();
                _onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            component.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            _components.Add(component);
        }
    }
}

/// <summary>Entity types saved together.</summary>
/// <param name="Types">The root entity types of the group.</param>
/// <param name="Cyclic">Whether the group's rows reference each other, so they must be saved in one <c>SaveChanges</c>.</param>
internal sealed record InsertGroup(IReadOnlyList<IEntityType> Types, bool Cyclic);
