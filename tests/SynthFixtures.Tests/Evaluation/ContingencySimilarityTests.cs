using SynthFixtures.Evaluation;
using static SynthFixtures.Tests.Evaluation.EvaluationTables;

namespace SynthFixtures.Tests.Evaluation;

public class ContingencySimilarityTests
{
    [Fact]
    public void Bins_are_equal_width_over_the_real_range_and_clamp_outside_it()
    {
        var bins = EqualWidthBins.Create([0, 10, double.NaN, 5]);
        Assert.Equal(10, bins.Count);
        Assert.Equal([0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], bins.Edges);
        Assert.Equal(0, bins.BinOf(0));
        Assert.Equal(0, bins.BinOf(0.999));
        Assert.Equal(1, bins.BinOf(1));      // an inner edge opens the bin above it
        Assert.Equal(9, bins.BinOf(10));     // the maximum closes the last bin
        Assert.Equal(0, bins.BinOf(-3));     // below the real range: first bin
        Assert.Equal(9, bins.BinOf(1e9));    // above: last bin
        Assert.Equal(-1, bins.BinOf(double.NaN));
    }

    [Fact]
    public void Constant_real_column_gets_a_unit_range_around_its_value()
    {
        var bins = EqualWidthBins.Create([4, 4, 4]);
        Assert.Equal(3.5, bins.Edges[0]);
        Assert.Equal(4.5, bins.Edges[10]);
        Assert.Equal(5, bins.BinOf(4));
    }

    [Fact]
    public void Hand_computed_value_for_two_categorical_columns()
    {
        // real (a,x) (a,x) (b,y) (b,x): P = {ax .5, by .25, bx .25}
        // synth (a,x) (b,y) (b,y) (a,y): P = {ax .25, by .5, ay .25}
        // Σ|Δ| = .25 + .25 + .25 (bx) + .25 (ay) = 1 → 1 − ½ = 0.5
        // codes: a=0, b=1; x=0, y=1
        Assert.Equal(0.5, ContingencySimilarity.Compute([0, 0, 1, 1], [0, 0, 1, 0], [0, 1, 1, 0], [0, 1, 1, 1], 2, 2));
    }

    [Fact]
    public void Out_of_range_synthetic_values_land_in_the_outer_bins()
    {
        // Real 0, 5, 10 bin to 0, 5, 9; synthetic −3 and 15 clamp to 0 and 9: the same joint distribution.
        var real = Make(("n", Numbers(0, 5, 10, double.NaN)), ("c", ["x", "y", "x", "y"]));
        var synthetic = Make(("n", Numbers(-3, 5, 15, double.NaN)), ("c", ["x", "y", "x", "y"]));
        var report = QualityEvaluator.Evaluate(real, synthetic, MetadataOf(Decimal("n"), Categorical("c")));
        var pair = Assert.Single(report.Pairs);
        Assert.Equal(QualityMetric.ContingencySimilarity, pair.Metric);
        Assert.Equal(1.0, pair.Score);
    }

    [Fact]
    public void Missing_values_are_a_category_of_their_own()
    {
        // real: (bin0,x) (bin5,y) (bin9,x) (missing,y), a quarter each.
        // synth: (missing,x) (bin5,y) (bin9,x) (missing,y): (bin0,x) lost .25, (missing,x) gained .25
        // → Σ|Δ| = .5 → 1 − .25 = 0.75. Had missing been dropped, the two rows would not differ in this way.
        var real = Make(("n", Numbers(0, 5, 10, double.NaN)), ("c", ["x", "y", "x", "y"]));
        var synthetic = Make(("n", Numbers(double.NaN, 5, 10, double.NaN)), ("c", ["x", "y", "x", "y"]));
        var report = QualityEvaluator.Evaluate(real, synthetic, MetadataOf(Decimal("n"), Categorical("c")));
        Assert.Equal(0.75, Assert.Single(report.Pairs).Score, 12);
    }

    [Fact]
    public void Missing_categorical_cells_count_in_the_joint_distribution()
    {
        string?[] a = ["p", null, "p", "q"];
        var real = Make(("a", a), ("b", ["1", "1", "2", "2"]));
        var synthetic = Make(("a", ["p", "p", "p", "q"]), ("b", ["1", "1", "2", "2"]));
        var report = QualityEvaluator.Evaluate(real, synthetic, MetadataOf(Categorical("a"), Categorical("b")));
        // Column shape ignores the missing cell (real p 2/3, q 1/3 vs synth p 3/4, q 1/4 → 1 − 1/12),
        // the pair sees (missing,1) .25 turn into (p,1): 1 − ½(.25 + .25) = 0.75.
        Assert.Equal(1 - 1.0 / 12, report.Columns[0].Score, 12);
        Assert.Equal(0.75, Assert.Single(report.Pairs).Score, 12);
    }

    [Fact]
    public void High_cardinality_pairs_take_the_sparse_path_with_the_same_result()
    {
        var random = new Random(3);
        var n = 2000;
        var a = Enumerable.Range(0, n).Select(_ => random.Next(1000)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => random.Next(1000)).ToArray();
        var sa = Enumerable.Range(0, n).Select(_ => random.Next(1000)).ToArray();
        var sb = Enumerable.Range(0, n).Select(_ => random.Next(1000)).ToArray();
        var sparse = ContingencySimilarity.Compute(a, b, sa, sb, 1000, 1000);
        // Brute force over the union of observed cells.
        var real = a.Zip(b).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count() / (double)n);
        var synth = sa.Zip(sb).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count() / (double)n);
        var expected = 1 - 0.5 * real.Keys.Union(synth.Keys).Sum(k => Math.Abs(real.GetValueOrDefault(k) - synth.GetValueOrDefault(k)));
        Assert.Equal(expected, sparse, 12);
    }
}
