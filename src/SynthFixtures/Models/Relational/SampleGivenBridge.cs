using SynthFixtures.Data;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// Child rows given their parent's columns until <c>SynthModel.SampleGiven</c> (per-row conditional sampling) is merged:
/// rows with the same context are drawn together with the context as fixed-value conditions, each group on its own
/// derived seed. The instance method replaces this as soon as it exists (instance methods win over extensions).
/// </summary>
internal static class SampleGivenBridge
{
    public static SampledTable SampleGiven(this SynthModel model, Table given, long seed, SamplingOptions? options, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var row = 0; row < given.RowCount; row++)
        {
            var key = string.Join('\u001f', Enumerable.Range(0, given.ColumnCount).Select(c => given[row, c] is { } cell ? "v" + cell : "-"));
            if (!groups.TryGetValue(key, out var rows)) { groups[key] = rows = []; order.Add(key); }
            rows.Add(row);
        }
        var random = new Randomness.SynthRandom(seed);
        var tables = new List<(List<int> Rows, Table Drawn)>();
        foreach (var (key, index) in order.Select((k, i) => (k, i)))
        {
            var rows = groups[key];
            var conditions = Enumerable.Range(0, given.ColumnCount).Where(c => given[rows[0], c] is not null)
                .Select(c => (Condition)new EqualsCondition(given.ColumnNames[c], given[rows[0], c]!)).ToList();
            tables.Add((rows, model.Sample(rows.Count, random.Derive(index).Seed, conditions, options, cancellationToken).ToTable()));
        }
        var names = model.Metadata.Columns.Select(c => c.Name).ToArray();
        var cells = names.Select(_ => new string?[given.RowCount]).ToArray();
        foreach (var (rows, drawn) in tables)
            for (var c = 0; c < names.Length; c++)
            {
                var column = drawn.Column(names[c]);
                for (var i = 0; i < rows.Count; i++) cells[c][rows[i]] = column[i];
            }
        var columns = model.Metadata.Columns.Select((meta, c) => new SampledColumn(meta, null, texts: cells[c])).ToArray();
        return new SampledTable(model.Metadata, columns, given.RowCount);
    }
}
