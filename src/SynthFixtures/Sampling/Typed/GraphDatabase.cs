using SynthFixtures.Metadata.Relational;
using SynthFixtures.Models.Relational;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// One sample of a learned database inside a <see cref="SynthGraph"/>: the relational model's whole database at the
/// graph's scale and seed (so foreign keys resolve, children-per-parent counts and parent-conditioned child columns are
/// the model's), with one <see cref="DatabaseRows"/> per table that the bound types' streams read. Not thread-safe.
/// </summary>
public sealed class GraphDatabase
{
    private readonly Dictionary<string, DatabaseRows> _tables = new(StringComparer.Ordinal);

    internal GraphDatabase(SynthGraph graph, RelationalModel model)
    {
        Graph = graph;
        Model = model;
        Data = model.Sample(graph.Scale, graph.Seed);
    }

    /// <summary>The graph the sample belongs to.</summary>
    public SynthGraph Graph { get; }

    /// <summary>The learned database.</summary>
    public RelationalModel Model { get; }

    /// <summary>The sampled tables, exactly as <see cref="RelationalModel.Sample"/> makes them for the graph's scale and seed.</summary>
    public RelationalDataset Data { get; }

    /// <summary>The rows of <paramref name="table"/>; an error naming the tables when the model has no such table (the build is stale).</summary>
    public DatabaseRows Rows(string table)
    {
        if (_tables.TryGetValue(table, out var rows)) return rows;
        if (!Model.Metadata.Tables.Any(t => t.Name == table))
            throw new SynthDataException($"The embedded database has no table '{table}', which the compiled binding expects; its tables are: "
                + string.Join(", ", Model.Metadata.Tables.Select(t => t.Name)) + ".",
                hint: "Rebuild the project so the model and the generated code come from the same database.");
        rows = new DatabaseRows(this, Model.Metadata.Table(table), Data[table]);
        _tables.Add(table, rows);
        return rows;
    }
}
