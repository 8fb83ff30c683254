using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Tests.Evaluation.Sequences;

/// <summary>
/// An invented panel with known dynamics: per entity a context region, an AR(1) reading x (x_t = φ·x_{t−1} + ε), a
/// second reading y = x + noise (correlated with x within entities), a two-state Markov column that mostly stays, a
/// constant level (no autocorrelation), a free-text note (not scored) and an integer step index.
/// </summary>
internal static class SequencePanel
{
    public static readonly string[] Columns = ["entity", "t", "region", "x", "y", "state", "level", "note"];

    public static SequenceMetadata Sequence { get; } = new() { EntityColumns = ["entity"], IndexColumn = "t", ContextColumns = ["region"] };

    public static TableMetadata Metadata() => new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "entity", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "t", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "region", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "x", Kind = ColumnKind.Decimal },
            new ColumnMetadata { Name = "y", Kind = ColumnKind.Decimal },
            new ColumnMetadata { Name = "state", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "level", Kind = ColumnKind.Decimal },
            new ColumnMetadata { Name = "note", Kind = ColumnKind.Text },
        ],
    };

    /// <summary>Rows of <paramref name="entities"/> entities of <paramref name="steps"/> steps each (or a length per entity from <paramref name="lengthOf"/>).</summary>
    public static Table Create(int entities, int steps, long seed, double phi = 0.8, string prefix = "e", Func<int, int>? lengthOf = null)
    {
        var random = new SynthRandom(seed);
        var rows = new List<string?[]>();
        for (var e = 0; e < entities; e++)
        {
            var stream = random.Derive(e);
            var region = e % 3 == 0 ? "north" : "south";
            var x = stream.NextNormal() / Math.Sqrt(1 - phi * phi);
            var state = "on";
            var length = lengthOf?.Invoke(e) ?? steps;
            for (var t = 0; t < length; t++)
            {
                if (t > 0)
                {
                    x = phi * x + stream.NextNormal();
                    if (stream.NextDouble() < 0.1) state = state == "on" ? "off" : "on";
                }
                var y = x + 0.5 * stream.NextNormal();
                rows.Add([$"{prefix}{e:D3}", N(t), region, N(Math.Round(x, 4)), N(Math.Round(y, 4)), state, "5", $"reading {t}"]);
            }
        }
        return FromRows(rows);
    }

    public static SequenceSet Set(Table table) => SequenceSet.From(table, Metadata(), Sequence);

    public static Table FromRows(IReadOnlyList<string?[]> rows) =>
        new(Columns, Enumerable.Range(0, Columns.Length).Select(c => rows.Select(r => r[c]).ToArray()).ToArray());

    public static IReadOnlyList<string?[]> Rows(Table table) =>
        Enumerable.Range(0, table.RowCount).Select(r => Enumerable.Range(0, table.ColumnCount).Select(c => table[r, c]).ToArray()).ToArray();

    /// <summary>The same rows with the step columns' values permuted within each entity (index and context kept): the same values, no dynamics.</summary>
    public static Table ShuffledWithinEntities(Table table, long seed)
    {
        var rows = Rows(table).Select(r => r.ToArray()).ToArray();
        var random = new SynthRandom(seed);
        var stepColumns = new[] { 3, 4, 5 };
        foreach (var group in Enumerable.Range(0, rows.Length).GroupBy(r => rows[r][0]))
        {
            var members = group.ToArray();
            var order = members.ToArray();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            var original = members.Select(r => stepColumns.Select(c => rows[r][c]).ToArray()).ToArray();
            for (var i = 0; i < members.Length; i++)
            {
                var source = Array.IndexOf(members, order[i]);
                for (var k = 0; k < stepColumns.Length; k++) rows[members[i]][stepColumns[k]] = original[source][k];
            }
        }
        return FromRows(rows);
    }

    /// <summary>The rows of the entities whose number (in first-appearance order) <paramref name="keep"/> accepts.</summary>
    public static Table Entities(Table table, Func<int, bool> keep)
    {
        var order = new List<string>();
        foreach (var r in Rows(table))
            if (!order.Contains(r[0]!)) order.Add(r[0]!);
        return FromRows(Rows(table).Where(r => keep(order.IndexOf(r[0]!))).ToArray());
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
