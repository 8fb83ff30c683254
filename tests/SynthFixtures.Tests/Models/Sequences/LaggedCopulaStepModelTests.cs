using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.LaggedCopula;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Tests.TestData;
using SynthFixtures.Transforms.Sequences;
using Xunit.Abstractions;
using static SynthFixtures.Tests.Models.Sequences.SequencePanel;

namespace SynthFixtures.Tests.Models.Sequences;

public sealed class LaggedCopulaStepModelTests(ITestOutputHelper output)
{
    private static readonly Lazy<(SequenceSet Data, ISequenceStepModel Model)> Ar1Model = new(() =>
    {
        var data = Ar1();
        return (data, Train(data));
    });

    [Fact]
    public void Ar1_panel_keeps_the_autocorrelation_and_the_context_mean_shift()
    {
        var (data, model) = Ar1Model.Value;
        var sample = Sample(model, data);
        var lengths = data.Entities.Select(e => e.Length).ToArray();
        Assert.Equal(lengths.Sum(), sample.RowCount);
        var x = sample["x"].Numbers!;
        var groups = data.Entities.Select(e => data.Table[e.Rows[0], data.Table.IndexOf("group")]!).ToArray();
        double GroupMean(string g) => Enumerable.Range(0, groups.Length).Where(e => groups[e] == g)
            .SelectMany(e => Enumerable.Range(e * 30, 30)).Average(r => x[r]);
        var meanA = GroupMean("A");
        var meanB = GroupMean("B");
        var rho = LagOneAutocorrelation(x, lengths, groups.Select(g => g == "A" ? meanA : meanB).ToArray());
        output.WriteLine($"sampled lag-1 autocorrelation {rho:F3}, group means A {meanA:F2}, B {meanB:F2}");
        Assert.InRange(rho, 0.75, 0.85);
        Assert.InRange(meanB - meanA, 2.7, 3.3);
        Assert.InRange(meanA, -0.3, 0.3);
    }

    [Fact]
    public void Markov_chain_transition_matrix_is_recovered()
    {
        // An ordinal sticky chain: low ⇄ mid ⇄ high, never low ⇄ high directly; stationary (¼, ½, ¼).
        string[] states = ["low", "mid", "high"];
        double[,] p = { { 0.8, 0.2, 0 }, { 0.1, 0.8, 0.1 }, { 0, 0.2, 0.8 } };
        var random = new SynthRandom(3);
        var id = new List<string?>();
        var state = new List<string?>();
        for (var e = 0; e < 300; e++)
        {
            var s = random.NextDouble() switch { < 0.25 => 0, < 0.75 => 1, _ => 2 };
            for (var t = 0; t < 30; t++)
            {
                if (t > 0) s = Next(random, p, s);
                id.Add("e" + e);
                state.Add(states[s]);
            }
        }
        var data = SequencePanel.Build(new() { ["id"] = [.. id], ["state"] = [.. state] }, [Categorical("id"), Categorical("state")], null);
        var sample = Sample(Train(data), data);
        var codes = sample["state"].Codes!;
        var labels = sample["state"].Categories!;
        var counts = new double[3, 3];
        for (var e = 0; e < 300; e++)
            for (var t = 1; t < 30; t++)
                counts[Array.IndexOf(states, labels[codes[e * 30 + t - 1]]), Array.IndexOf(states, labels[codes[e * 30 + t]])]++;
        for (var i = 0; i < 3; i++)
        {
            var total = Enumerable.Range(0, 3).Sum(j => counts[i, j]);
            var row = Enumerable.Range(0, 3).Select(j => counts[i, j] / total).ToArray();
            output.WriteLine($"{states[i]}: {string.Join(" ", row.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))}");
            for (var j = 0; j < 3; j++) Assert.InRange(row[j], p[i, j] - 0.08, p[i, j] + 0.08);
        }
    }

    private static int Next(SynthRandom random, double[,] p, int from)
    {
        var u = random.NextDouble();
        for (var to = 0; to < 2; to++)
        {
            if (u < p[from, to]) return to;
            u -= p[from, to];
        }
        return 2;
    }

    [Fact]
    public void Mixed_types_with_missing_values_and_unequal_lengths()
    {
        // A machine's mode (idle/run, constant over runs of steps), its power (high when running, 10 % missing) and a
        // flag; entities of 5 to 40 steps; the region context shifts the power.
        var random = new SynthRandom(5);
        var columns = new Dictionary<string, List<string?>> { ["id"] = [], ["region"] = [], ["mode"] = [], ["power"] = [], ["flag"] = [] };
        for (var e = 0; e < 120; e++)
        {
            var region = e % 3 == 0 ? "north" : "south";
            var running = random.NextDouble() < 0.5;
            var length = 5 + random.NextInt(36);
            for (var t = 0; t < length; t++)
            {
                if (random.NextDouble() < 0.1) running = !running;
                var watts = (running ? 50 : 5) + (region == "north" ? 20 : 0) + 3 * random.NextNormal();
                columns["id"].Add("m" + e);
                columns["region"].Add(region);
                columns["mode"].Add(running ? "run" : "idle");
                columns["power"].Add(random.NextDouble() < 0.1 ? null : watts.ToString("F1", CultureInfo.InvariantCulture));
                columns["flag"].Add(random.NextDouble() < 0.3 ? "true" : "false");
            }
        }
        var data = SequencePanel.Build(columns.ToDictionary(c => c.Key, c => c.Value.ToArray()),
            [Categorical("id"), Categorical("region"), Categorical("mode"), Decimal("power", 1), new ColumnMetadata { Name = "flag", Kind = ColumnKind.Boolean }],
            null, "region");
        var model = Train(data);
        var sample = Sample(model, data);
        var lengths = data.Entities.Select(e => e.Length).ToArray();
        Assert.Equal(lengths.Sum(), sample.RowCount);
        Assert.Equal(["mode", "power", "flag"], sample.Metadata.Columns.Select(c => c.Name));

        var power = sample["power"].Numbers!;
        var mode = sample["mode"];
        var missing = power.Count(double.IsNaN) / (double)power.Length;
        Assert.InRange(missing, 0.06, 0.14);
        double MeanPower(string label) => Enumerable.Range(0, power.Length)
            .Where(r => mode.Categories![mode.Codes![r]] == label && !double.IsNaN(power[r])).Average(r => power[r]);
        Assert.True(MeanPower("run") - MeanPower("idle") > 30, $"run {MeanPower("run"):F1} vs idle {MeanPower("idle"):F1}");
        // Modes persist: the sampled share of steps that keep the previous step's mode is near the real 90 %.
        var kept = 0;
        var pairs = 0;
        for (int e = 0, offset = 0; e < lengths.Length; offset += lengths[e], e++)
            for (var t = 1; t < lengths[e]; t++, pairs++)
                if (mode.Codes![offset + t] == mode.Codes[offset + t - 1]) kept++;
        output.WriteLine($"mode kept in {kept / (double)pairs:P1} of steps; missing power {missing:P1}");
        Assert.InRange(kept / (double)pairs, 0.84, 0.96);
        var flags = sample["flag"];
        Assert.InRange(flags.Codes!.Count(c => flags.Categories![c] == "true") / (double)flags.Codes!.Length, 0.25, 0.35);
    }

    [Fact]
    public void Entities_draw_the_same_steps_in_one_request_or_split_in_two()
    {
        var (data, model) = Ar1Model.Value;
        var (contexts, lengths) = Contexts(data);
        var whole = model.SampleSteps(new SequenceStepRequest(contexts, lengths, 0, new SynthRandom(42))).ToTable();
        var split = 73;
        var rowsBefore = lengths.Take(split).Sum();
        var first = model.SampleSteps(new SequenceStepRequest(Rows(contexts, 0, split), lengths[..split], 0, new SynthRandom(42))).ToTable();
        var second = model.SampleSteps(new SequenceStepRequest(Rows(contexts, split, lengths.Length - split), lengths[split..], split, new SynthRandom(42))).ToTable();
        Assert.Equal(rowsBefore, first.RowCount);
        Assert.Equal(whole.Column("x").Take(rowsBefore), first.Column("x"));
        Assert.Equal(whole.Column("x").Skip(rowsBefore), second.Column("x"));
        var other = model.SampleSteps(new SequenceStepRequest(contexts, lengths, 0, new SynthRandom(43))).ToTable();
        Assert.NotEqual(whole.Column("x"), other.Column("x"));
    }

    private static Table Rows(Table table, int start, int count) =>
        new(table.ColumnNames, Enumerable.Range(0, table.ColumnCount).Select(c => table.Column(c).Skip(start).Take(count).ToArray()).ToArray());

    [Fact]
    public void Bytes_round_trip_gives_identical_samples()
    {
        var (data, model) = Ar1Model.Value;
        var bytes = model.ToBytes();
        var decoded = LaggedCopulaTrainer.Decode(bytes, "test");
        Assert.Equal(bytes, decoded.ToBytes());
        Assert.Equal(Sample(model, data).ToTable().Column("x"), Sample(decoded, data).ToTable().Column("x"));
    }

    [Fact]
    public void Damaged_bytes_are_refused_with_a_clear_error()
    {
        var bytes = Ar1Model.Value.Model.ToBytes();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var damaged = System.Text.Encoding.UTF8.GetBytes(text.Replace("\"lags\":1", "\"lags\":0", StringComparison.Ordinal));
        var error = Assert.Throws<SynthDataException>(() => LaggedCopulaStepModel.FromBytes(damaged, "w.synth"));
        Assert.Contains("inconsistent", error.Message, StringComparison.Ordinal);
        Assert.Throws<SynthDataException>(() => LaggedCopulaStepModel.FromBytes(bytes.AsSpan(0, bytes.Length / 2), "w.synth"));
    }

    [Fact]
    public void Two_lags_capture_a_second_order_process()
    {
        // x_t = 0.5 x_{t−1} + 0.4 x_{t−2} + ε: lag-2 autocorrelation (≈ 0.73) is far above an AR(1)'s ρ₁² (≈ 0.69²).
        var random = new SynthRandom(9);
        var id = new List<string?>();
        var x = new List<string?>();
        for (var e = 0; e < 150; e++)
        {
            double a = 0, b = 0;
            for (var t = -50; t < 40; t++)
            {
                var v = 0.5 * a + 0.4 * b + random.NextNormal();
                (b, a) = (a, v);
                if (t < 0) continue;
                id.Add("e" + e);
                x.Add(v.ToString("F3", CultureInfo.InvariantCulture));
            }
        }
        var data = SequencePanel.Build(new() { ["id"] = [.. id], ["x"] = [.. x] }, [Categorical("id"), Decimal("x", 3)], null);
        var lengths = data.Entities.Select(e => e.Length).ToArray();
        var zeros = new double[lengths.Length];
        double LagTwo(IReadOnlyList<double> values)
        {
            double s2 = 0, s0 = 0;
            var mean = values.Average();
            for (int e = 0, o = 0; e < lengths.Length; o += lengths[e], e++)
                for (var t = 0; t < lengths[e]; t++)
                {
                    s0 += (values[o + t] - mean) * (values[o + t] - mean);
                    if (t > 1) s2 += (values[o + t] - mean) * (values[o + t - 2] - mean);
                }
            return s2 / s0;
        }
        var real = data.Table.Column("x").Select(c => double.Parse(c!, CultureInfo.InvariantCulture)).ToArray();
        var one = Sample(Train(data, lags: 1), data)["x"].Numbers!;
        var two = Sample(Train(data, lags: 2), data)["x"].Numbers!;
        output.WriteLine($"lag-2 autocorrelation: real {LagTwo(real):F3}, 1 lag {LagTwo(one):F3}, 2 lags {LagTwo(two):F3}");
        Assert.InRange(LagTwo(two), LagTwo(real) - 0.06, LagTwo(real) + 0.06);
        Assert.True(LagTwo(real) - LagTwo(one) > 0.1);
    }

    [Fact]
    public void A_lag_count_out_of_range_is_a_setting_error()
    {
        var data = Ar1(entities: 4, steps: 5);
        var error = Assert.Throws<SettingException>(() => Train(data, lags: 17));
        Assert.Contains("17", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Weather_temp_max_keeps_its_lag_one_autocorrelation()
    {
        var path = Datasets.Path("timeseries_weather_stocks", "weather.csv");
        Skip.If(path is null, Datasets.Missing("timeseries_weather_stocks", "weather.csv"));
        var table = CsvTableReader.Read(path!);
        var metadata = TableProfiler.Profile(table);
        var data = SequenceSet.From(table, metadata, new SequenceMetadata { EntityColumns = ["location"], IndexColumn = "date" });
        var model = Train(data);
        var sample = Sample(model, data);
        var lengths = data.Entities.Select(e => e.Length).ToArray();
        var position = table.IndexOf("temp_max");
        var real = data.Entities.SelectMany(e => e.Rows).Select(r => double.Parse(table[r, position]!, CultureInfo.InvariantCulture)).ToArray();
        var synthetic = sample["temp_max"].Numbers!;
        double[] Means(IReadOnlyList<double> values)
        {
            var means = new double[lengths.Length];
            for (int e = 0, o = 0; e < lengths.Length; o += lengths[e], e++) means[e] = values.Skip(o).Take(lengths[e]).Average();
            return means;
        }
        var realRho = LagOneAutocorrelation(real, lengths, Means(real));
        var syntheticRho = LagOneAutocorrelation(synthetic, lengths, Means(synthetic));
        output.WriteLine($"temp_max lag-1 autocorrelation: real {realRho:F3}, lagged copula {syntheticRho:F3}");
        Assert.InRange(syntheticRho, realRho - 0.1, realRho + 0.1);
    }
}
