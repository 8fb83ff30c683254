using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Private;

namespace SynthFixtures.Tests.Transforms.Private;

/// <summary>
/// The DP-SGD models' preprocessing measurements: everything released comes from noisy counts, so one rare row changes
/// only the counts it sits in (by exactly one, under the same noise) and nothing released.
/// </summary>
public class PrivateTableStatisticsTests
{
    private static readonly TableMetadata Metadata = new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "age", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "colour", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "note", Kind = ColumnKind.Text },
        ],
    };

    [Fact]
    public void One_rare_row_moves_only_its_own_noisy_counts_and_changes_nothing_released()
    {
        var without = Table(3_000);
        var with = Table(3_000, ["1000000000", "ultraviolet", "hello"]);
        var a = PrivateTableStatistics.Measure(without, Metadata, sigma: 8, labelDelta: 1e-9, new SynthRandom(5));
        var b = PrivateTableStatistics.Measure(with, Metadata, sigma: 8, labelDelta: 1e-9, new SynthRandom(5));

        Assert.Equal(2, a.Columns.Count);   // the text column is generated, not measured
        var (ageA, ageB) = (a["age"], b["age"]);
        Assert.Equal(ageA.Histogram!.Units, ageB.Histogram!.Units);
        Assert.Equal((ageA.Minimum, ageA.Maximum), (ageB.Minimum, ageB.Maximum));
        Assert.Equal(ageA.RepresentativeValues(1_000), ageB.RepresentativeValues(1_000));
        Assert.InRange(ageB.Maximum, 50, 100);   // the tail of N(40, 8) as far as its noisy counts show it, nowhere near 10⁹
        // Under the same noise the counts differ in the rare value's cell alone, by one.
        var rareCell = ageA.Histogram.Grid.CellOf(1e9);
        for (var cell = 0; cell < ageA.Histogram.Counts.Length; cell++)
            Assert.Equal(cell == rareCell ? 1.0 : 0.0, ageB.Histogram.Counts[cell] - ageA.Histogram.Counts[cell], 1e-9);

        var (colourA, colourB) = (a["colour"], b["colour"]);
        Assert.Equal(colourA.Labels, colourB.Labels);
        Assert.Equal(colourA.LabelCounts, colourB.LabelCounts);
        Assert.DoesNotContain("ultraviolet", colourB.Labels!);
        Assert.Equal((colourA.HasMissing, colourA.MissingRate), (colourB.HasMissing, colourB.MissingRate));
        // Labels and their counts are noisy: released ones are those well above the threshold, none exactly its count.
        Assert.Equal(["red", "green", "blue"], colourA.Labels!);
        Assert.DoesNotContain("grey", colourA.Labels!);   // held by 2 rows: far below 1 + 8·z(10⁻⁹)
        Assert.All(colourA.LabelCounts!, c => Assert.NotEqual(Math.Round(c), c));
    }

    [Fact]
    public void Missing_values_are_flagged_and_rated_from_noisy_counts_and_another_noise_gives_other_values()
    {
        var table = Table(4_000, missingEvery: 10);
        var one = PrivateTableStatistics.Measure(table, Metadata, sigma: 5, labelDelta: 1e-9, new SynthRandom(1));
        var other = PrivateTableStatistics.Measure(table, Metadata, sigma: 5, labelDelta: 1e-9, new SynthRandom(2));
        Assert.True(one["age"].HasMissing);
        Assert.InRange(one["age"].MissingRate, 0.09, 0.11);
        Assert.NotEqual(one["age"].MissingRate, other["age"].MissingRate);
        Assert.NotEqual(one["colour"].LabelCounts, other["colour"].LabelCounts);
        // No missing colour: the flag stays off (a missing count of 0 clears σ·1.645 with probability 0.05 only).
        Assert.False(one["colour"].HasMissing);
        Assert.Equal(0, one["colour"].MissingRate);
    }

    [Fact]
    public void The_plan_step_counts_one_measurement_per_modelled_column()
    {
        var step = PrivateTableStatistics.Step(Metadata);
        Assert.Equal((2, 1, DpSgdPreprocessing.DefaultShare), (step.Measurements, step.ThresholdedMeasurements, step.Share));
    }

    [Fact]
    public void A_unit_of_several_rows_raises_the_label_threshold_by_its_rows()
    {
        // Grey is held by 2 rows. At noise 0.01 and δ = 10⁻⁶ the threshold is 1.05 per row, but 5.05 when the unit is a
        // pac group of 5: a group could hold every grey row, so releasing grey would reveal the group.
        string?[] cells = ["grey", "grey", .. Enumerable.Repeat("red", 50)];
        var perRow = NoisyLabelCounts.Measure(cells, 0.01, 1e-6, new SynthRandom(3), measureMissing: false);
        var perGroup = NoisyLabelCounts.Measure(cells, 0.01, 1e-6, new SynthRandom(3), measureMissing: false, unitRows: 5);
        Assert.Equal(["red", "grey"], perRow.Labels);
        Assert.Equal(["red"], perGroup.Labels);
    }

    [Fact]
    public void A_pac_group_unit_scales_the_preprocessing_noise_per_count_by_its_rows()
    {
        IReadOnlyList<DpSgdPreprocessing> steps = [PrivateTableStatistics.Step(Metadata)];
        var perRow = DpSgdPlan.For(1_000, 50, 5, 2, null, 1e-7, 1, preprocessing: steps);
        var perGroup = DpSgdPlan.For(1_000, 50, 5, 2, null, 1e-7, 1, preprocessing: steps, rowsPerUnit: 10);
        Assert.Equal(perRow.Epsilon, perGroup.Epsilon);
        Assert.Equal(10 * perRow.Preprocessing[0].NoiseStandardDeviation!.Value, perGroup.Preprocessing[0].NoiseStandardDeviation!.Value, 1e-9);
    }

    /// <summary>Ages around 40, colours red/green/blue (60/30/10 %) and two rows of grey, a text note; optionally extra rows.</summary>
    private static Table Table(int rows, string?[]? extra = null, int missingEvery = 0)
    {
        var random = new SynthRandom(17);
        var age = new List<string?>();
        var colour = new List<string?>();
        var note = new List<string?>();
        for (var i = 0; i < rows; i++)
        {
            age.Add(missingEvery > 0 && i % missingEvery == 0 ? null : Math.Round(40 + 8 * random.NextNormal()).ToString(CultureInfo.InvariantCulture));
            var u = random.NextDouble();
            colour.Add(i < 2 ? "grey" : u < 0.6 ? "red" : u < 0.9 ? "green" : "blue");
            note.Add("n" + i.ToString(CultureInfo.InvariantCulture));
        }
        if (extra is not null)
        {
            age.Add(extra[0]);
            colour.Add(extra[1]);
            note.Add(extra[2]);
        }
        return new Table(["age", "colour", "note"], [[.. age], [.. colour], [.. note]]);
    }
}
