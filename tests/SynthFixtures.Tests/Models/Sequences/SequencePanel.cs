using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Tests.Models.Sequences;

/// <summary>Invented panels (entity, step, context, step columns) and the helpers step-model tests share.</summary>
internal static class SequencePanel
{
    /// <summary>A table of <paramref name="columns"/> (name → cells), the entity column first, grouped into sequences.</summary>
    public static SequenceSet Build(Dictionary<string, string?[]> columns, IReadOnlyList<ColumnMetadata> metadata, string? index, params string[] contextColumns)
    {
        var names = columns.Keys.ToList();
        var table = new Table(names, names.Select(n => columns[n]).ToArray());
        return SequenceSet.From(table, new TableMetadata { Columns = metadata },
            new SequenceMetadata { EntityColumns = [names[0]], IndexColumn = index, ContextColumns = contextColumns });
    }

    /// <summary>The AR(1) panel: x_t − μ_g = 0.8 (x_{t−1} − μ_g) + ε, ε ~ N(0, 1), μ_A = 0, μ_B = 3, the first step stationary.</summary>
    public static SequenceSet Ar1(int entities = 200, int steps = 30, long seed = 7)
    {
        var random = new SynthRandom(seed);
        var id = new List<string?>();
        var t = new List<string?>();
        var group = new List<string?>();
        var x = new List<string?>();
        for (var e = 0; e < entities; e++)
        {
            var g = e % 2 == 0 ? "A" : "B";
            var mean = g == "A" ? 0 : 3;
            var value = mean + random.NextNormal() / Math.Sqrt(1 - 0.64);
            for (var s = 0; s < steps; s++)
            {
                if (s > 0) value = mean + 0.8 * (value - mean) + random.NextNormal();
                id.Add("e" + e);
                t.Add(s.ToString(CultureInfo.InvariantCulture));
                group.Add(g);
                x.Add(value.ToString("F3", CultureInfo.InvariantCulture));
            }
        }
        return Build(new() { ["id"] = [.. id], ["t"] = [.. t], ["group"] = [.. group], ["x"] = [.. x] },
            [Categorical("id"), Integer("t"), Categorical("group"), Decimal("x", 3)], "t", "group");
    }

    public static ColumnMetadata Categorical(string name) => new() { Name = name, Kind = ColumnKind.Categorical };

    public static ColumnMetadata Integer(string name) => new() { Name = name, Kind = ColumnKind.Integer };

    public static ColumnMetadata Decimal(string name, int places) => new() { Name = name, Kind = ColumnKind.Decimal, DecimalPlaces = places };

    /// <summary>Trains the lagged copula through its trainer on every step column of <paramref name="data"/>.</summary>
    public static ISequenceStepModel Train(SequenceSet data, int lags = 1, long seed = 1) =>
        new LaggedCopulaTrainer().Train(new SequenceStepTrainingInput(data, data.StepColumns,
                data.Sequence.ContextColumns.Select(c => data.Columns.Find(c)!).ToList(), seed,
                new Dictionary<string, string> { ["lags"] = lags.ToString(CultureInfo.InvariantCulture) }),
            null, CancellationToken.None);

    /// <summary>The real entities' contexts (one row each) and lengths.</summary>
    public static (Table Contexts, int[] Lengths) Contexts(SequenceSet data)
    {
        var names = data.Sequence.ContextColumns;
        var cells = names.Select(n => data.Entities.Select(e => data.Table[e.Rows[0], data.Table.IndexOf(n)]).ToArray()).ToArray();
        return (new Table(names, cells), data.Entities.Select(e => e.Length).ToArray());
    }

    /// <summary>Samples steps for the real contexts and lengths.</summary>
    public static SampledTable Sample(ISequenceStepModel model, SequenceSet data, long seed = 11)
    {
        var (contexts, lengths) = Contexts(data);
        return model.SampleSteps(new SequenceStepRequest(contexts, lengths, 0, new SynthRandom(seed)));
    }

    /// <summary>Pooled lag-1 autocorrelation of deviations from each entity's group mean.</summary>
    public static double LagOneAutocorrelation(IReadOnlyList<double> values, IReadOnlyList<int> lengths, IReadOnlyList<double> means)
    {
        double sxy = 0, sxx = 0;
        var offset = 0;
        for (var e = 0; e < lengths.Count; e++)
        {
            for (var s = 0; s < lengths[e]; s++)
            {
                var d = values[offset + s] - means[e];
                sxx += d * d;
                if (s > 0) sxy += d * (values[offset + s - 1] - means[e]);
            }
            offset += lengths[e];
        }
        return sxy / sxx;
    }
}
