using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>Invented panels with a known sequential structure for the PAR tests, and the statistics that recover it.</summary>
internal static class ParPanels
{
    public const double Phi = 0.8;

    /// <summary>The mean of x in each regime: the context shifts the level.</summary>
    public static double MeanOf(string regime) => regime == "high" ? 5 : 0;

    /// <summary>
    /// An AR(1) panel: entity e (regime "low" or "high", alternating) has x_t = m + φ(x_{t−1} − m) + ε, ε ~ N(0, 1), starting
    /// from the stationary N(m, 1/(1 − φ²)).
    /// </summary>
    public static SequenceSet Autoregressive(int entities, int steps, long seed)
    {
        var random = new SynthRandom(seed);
        var (ids, index, regimes, xs) = (new List<string?>(), new List<string?>(), new List<string?>(), new List<string?>());
        for (var e = 0; e < entities; e++)
        {
            var regime = e % 2 == 0 ? "low" : "high";
            var mean = MeanOf(regime);
            var x = mean + random.NextNormal() / Math.Sqrt(1 - Phi * Phi);
            for (var t = 0; t < steps; t++)
            {
                if (t > 0) x = mean + Phi * (x - mean) + random.NextNormal();
                ids.Add("e" + e.ToString(CultureInfo.InvariantCulture));
                index.Add(t.ToString(CultureInfo.InvariantCulture));
                regimes.Add(regime);
                xs.Add(x.ToString("F3", CultureInfo.InvariantCulture));
            }
        }
        var table = new Table(["entity", "t", "regime", "x"], [[.. ids], [.. index], [.. regimes], [.. xs]]);
        var metadata = new TableMetadata
        {
            Columns =
            [
                new ColumnMetadata { Name = "entity", Kind = ColumnKind.Identifier },
                new ColumnMetadata { Name = "t", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "regime", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "x", Kind = ColumnKind.Decimal, DecimalPlaces = 3 },
            ],
        };
        return SequenceSet.From(table, metadata, new SequenceMetadata { EntityColumns = ["entity"], IndexColumn = "t", ContextColumns = ["regime"] });
    }

    /// <summary>A Markov chain over A, B, C that stays with probability <paramref name="stay"/> and otherwise moves to one of the other two.</summary>
    public static SequenceSet Markov(int entities, int steps, double stay, long seed)
    {
        var random = new SynthRandom(seed);
        string[] states = ["A", "B", "C"];
        var (ids, chain) = (new List<string?>(), new List<string?>());
        for (var e = 0; e < entities; e++)
        {
            var state = random.NextInt(3);
            for (var t = 0; t < steps; t++)
            {
                if (t > 0 && random.NextDouble() >= stay) state = (state + 1 + random.NextInt(2)) % 3;
                ids.Add("e" + e.ToString(CultureInfo.InvariantCulture));
                chain.Add(states[state]);
            }
        }
        var table = new Table(["entity", "state"], [[.. ids], [.. chain]]);
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "entity", Kind = ColumnKind.Identifier }, new ColumnMetadata { Name = "state", Kind = ColumnKind.Categorical }],
        };
        return SequenceSet.From(table, metadata, new SequenceMetadata { EntityColumns = ["entity"] });
    }

    /// <summary>The entities' contexts as the sequence model would hand them over: one row per entity, its first row's cells.</summary>
    public static Table Contexts(SequenceSet set, IReadOnlyList<string> columns) =>
        new([.. columns], columns.Select(c => set.Entities.Select(e => set.Table[e.Rows[0], set.Table.IndexOf(c)]).ToArray()).ToArray());

    /// <summary>Each entity's values of <paramref name="column"/> from a sampled table, cut by <paramref name="lengths"/>.</summary>
    public static List<double[]> Split(SampledTable sampled, string column, IReadOnlyList<int> lengths)
    {
        var values = sampled[column].Numbers!;
        var result = new List<double[]>();
        var at = 0;
        foreach (var length in lengths)
        {
            result.Add(values[at..(at + length)]);
            at += length;
        }
        return result;
    }

    /// <summary>Each entity's values of <paramref name="column"/> in the training set.</summary>
    public static List<double[]> Real(SequenceSet set, string column) =>
        set.Entities.Select(e => e.Rows.Select(r => double.Parse(set.Table[r, set.Table.IndexOf(column)]!, CultureInfo.InvariantCulture)).ToArray()).ToList();

    /// <summary>
    /// The pooled lag-1 autoregression coefficient within entities: Σ (x_t − m)(x_{t−1} − m) / Σ (x_{t−1} − m)², m each
    /// entity's group mean (<paramref name="groupOf"/>), so a level that differs between groups is not read as persistence.
    /// </summary>
    public static double LagOneCoefficient(IReadOnlyList<double[]> sequences, Func<int, int> groupOf)
    {
        var groups = Enumerable.Range(0, sequences.Count).GroupBy(groupOf).ToDictionary(g => g.Key, g => g.SelectMany(i => sequences[i]).Average());
        double cross = 0, square = 0;
        for (var i = 0; i < sequences.Count; i++)
        {
            var m = groups[groupOf(i)];
            for (var t = 1; t < sequences[i].Length; t++)
            {
                cross += (sequences[i][t] - m) * (sequences[i][t - 1] - m);
                square += (sequences[i][t - 1] - m) * (sequences[i][t - 1] - m);
            }
        }
        return cross / square;
    }
}
