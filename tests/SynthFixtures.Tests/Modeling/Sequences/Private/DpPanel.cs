using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Private;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Modeling.Sequences.Private;

/// <summary>
/// An invented panel for the private sequence model: entities E1 … with a group (a or b), a yearly integer index from
/// 2000 (every entity starts there) and a reading following x_t = φ·x_{t−1} + ε, stationary with unit variance, plus
/// a constant offset of +2 for group b.
/// </summary>
internal static class DpPanel
{
    public const double Phi = 0.8;

    public static readonly SequenceMetadata Sequence = new() { EntityColumns = ["entity"], IndexColumn = "year", ContextColumns = ["group"] };

    public static TableMetadata Metadata { get; } = new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "entity", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "year", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "group", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "reading", Kind = ColumnKind.Decimal, DecimalPlaces = 3 },
        ],
    };

    /// <summary><paramref name="entities"/> entities of <paramref name="steps"/> steps, then <paramref name="extra"/> rows appended as they are.</summary>
    public static Table Write(int entities, int steps = 12, long seed = 5, IEnumerable<string?[]>? extra = null)
    {
        var random = new SynthRandom(seed);
        var rows = new List<string?[]>();
        for (var e = 0; e < entities; e++)
        {
            var b = e % 2 == 1;
            var x = random.NextNormal();
            for (var s = 0; s < steps; s++)
            {
                if (s > 0) x = Phi * x + Math.Sqrt(1 - Phi * Phi) * random.NextNormal();
                rows.Add([$"E{e + 1}", (2000 + s).ToString(CultureInfo.InvariantCulture), b ? "b" : "a", (x + (b ? 2 : 0)).ToString("F3", CultureInfo.InvariantCulture)]);
            }
        }
        if (extra is not null) rows.AddRange(extra);
        var names = new[] { "entity", "year", "group", "reading" };
        return new Table(names, names.Select((_, c) => rows.Select(r => r[c]).ToArray()).ToArray(), sourcePath: "panel.csv");
    }

    public static DpSequenceOptions Options(double epsilon, long noiseSeed, double? delta = null) =>
        new() { Epsilon = epsilon, Delta = delta, IndexStep = "units", IndexStepSize = 1, NoiseSeed = noiseSeed, MaxSteps = 12 };

    public static SequenceModel Fit(Table table, DpSequenceOptions options) =>
        DpSequenceFitter.Fit(table, Metadata, Sequence, options, SettingValues.Parse(DpMarginalsKind.Instance, new Dictionary<string, string>(), new ModelCatalog([DpMarginalsKind.Instance])),
            null, CancellationToken.None);

    /// <summary>φ of a sample: the pooled lag-1 regression of each group's centred readings.</summary>
    public static double PhiOf(SampledSequences sample)
    {
        var reading = sample.Rows["reading"].Numbers!;
        var group = sample.Rows["group"].Cells();
        double numerator = 0, denominator = 0;
        var means = new Dictionary<string, double>();
        foreach (var g in new[] { "a", "b" })
        {
            var values = Enumerable.Range(0, reading.Length).Where(r => group[r] == g).Select(r => reading[r]).ToList();
            means[g] = values.Count == 0 ? 0 : values.Average();
        }
        for (var e = 0; e < sample.EntityCount; e++)
        {
            var start = sample.EntityStart(e);
            var mean = means.GetValueOrDefault(group[start] ?? "a");
            for (var s = 1; s < sample.Lengths[e]; s++)
            {
                numerator += (reading[start + s] - mean) * (reading[start + s - 1] - mean);
                denominator += (reading[start + s - 1] - mean) * (reading[start + s - 1] - mean);
            }
        }
        return numerator / denominator;
    }
}
