using SynthFixtures.Models.GaussianCopula.Marginals;

namespace SynthFixtures.Tests.Models.Marginals;

public sealed class ContinuousMarginalTests
{
    private static readonly Lazy<KdeMarginal> BimodalKde = new(() => KdeMarginal.Fit(TestData.Sorted(TestData.Bimodal(5000))));

    public static TheoryData<string> Marginals => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<ContinuousMarginal>> Cases = new()
    {
        ["uniform"] = () => new UniformMarginal(10, 20),
        ["normal"] = () => new NormalMarginal(100, 15),
        ["truncated normal, central"] = () => new TruncatedNormalMarginal(2, 3, 0, 10),
        ["truncated normal, upper tail"] = () => new TruncatedNormalMarginal(0, 1, 3, 8),
        ["truncated normal, lower tail"] = () => new TruncatedNormalMarginal(0, 1, -9, -4),
        ["gamma"] = () => new GammaMarginal(3, 2),
        ["gamma, shape < 1, shifted"] = () => new GammaMarginal(0.5, 1, -1),
        ["gamma, large shape"] = () => new GammaMarginal(2000, 0.01, 5),
        ["beta"] = () => new BetaMarginal(2, 5, 0, 1),
        ["beta, U-shaped"] = () => new BetaMarginal(0.5, 0.5, -1, 1),
        ["kde, bimodal"] = () => BimodalKde.Value,
        ["fitted normal"] = () => NormalMarginal.Fit(TestData.Sorted(TestData.Normal(1000, -3, 0.1))),
        ["fitted truncated normal"] = () => TruncatedNormalMarginal.Fit(TestData.Sorted(TestData.Normal(1000, 5, 2))),
        ["fitted gamma with location"] = () => GammaMarginal.Fit(TestData.Sorted(TestData.Normal(1000, 0, 1))),
        ["fitted beta"] = () => BetaMarginal.Fit(TestData.Sorted(TestData.Beta(1000, 0.7, 3))),
        ["fitted uniform"] = () => UniformMarginal.Fit(TestData.Sorted(TestData.Uniform(1000, -5, 5))),
    };

    private static readonly double[] Probabilities =
    [
        1e-12, 1e-9, 1e-6, 1e-4, 1e-3, .. Enumerable.Range(1, 999).Select(i => i / 1000.0), 1 - 1e-3, 1 - 1e-4, 1 - 1e-6, 1 - 1e-9,
    ];

    [Theory]
    [MemberData(nameof(Marginals))]
    public void InverseCdf_is_monotone_finite_and_inside_the_support(string name)
    {
        var m = Cases[name]();
        var previous = double.NegativeInfinity;
        foreach (var p in Probabilities.Concat([0.0, double.Epsilon, 1e-300, 1.0 - 1e-17, 1.0]).Order())
        {
            var x = m.InverseCdf(p);
            Assert.True(double.IsFinite(x), $"{name}: InverseCdf({p}) = {x}");
            Assert.InRange(x, m.LowerBound, m.UpperBound);
            Assert.True(x >= previous, $"{name}: InverseCdf({p}) = {x} < {previous}");
            previous = x;
        }
        Assert.True(double.IsNaN(m.InverseCdf(double.NaN)));
    }

    [Theory]
    [MemberData(nameof(Marginals))]
    public void Cdf_undoes_InverseCdf(string name)
    {
        var m = Cases[name]();
        // Closed forms are exact to rounding; the gamma/beta tables interpolate (monotone cubic in logit space).
        var tolerance = m.Family is MarginalFamily.Gamma or MarginalFamily.Beta ? 1e-6 : 1e-9;
        foreach (var p in Probabilities.Where(p => p is >= 1e-6 and <= 1 - 1e-6))
        {
            var back = m.Cdf(m.InverseCdf(p));
            Assert.True(Math.Abs(back - p) <= tolerance * Math.Max(1e-3, Math.Min(1, Math.Min(p, 1 - p) * 1e3)),
                $"{name}: Cdf(InverseCdf({p})) = {back}");
        }
    }

    [Theory]
    [MemberData(nameof(Marginals))]
    public void InverseCdf_undoes_Cdf_inside_the_support(string name)
    {
        var m = Cases[name]();
        double lo = m.InverseCdf(0.01), hi = m.InverseCdf(0.99);
        var spread = hi - lo;
        for (var i = 0; i <= 200; i++)
        {
            var x = lo + spread * i / 200;
            var p = m.Cdf(x);
            Assert.InRange(p, 0, 1);
            Assert.True(Math.Abs(m.InverseCdf(p) - x) <= 1e-4 * spread, $"{name}: InverseCdf(Cdf({x})) = {m.InverseCdf(p)}");
        }
    }

    [Theory]
    [MemberData(nameof(Marginals))]
    public void Cdf_is_monotone_from_0_to_1(string name)
    {
        var m = Cases[name]();
        double lo = m.InverseCdf(1e-9), hi = m.InverseCdf(1 - 1e-9);
        var previous = 0.0;
        for (var i = -10; i <= 1010; i++)
        {
            var f = m.Cdf(lo + (hi - lo) * i / 1000);
            Assert.InRange(f, previous, 1);
            previous = f;
        }
        Assert.Equal(0, m.Cdf(double.NegativeInfinity));
        Assert.Equal(1, m.Cdf(double.PositiveInfinity));
        Assert.True(double.IsNaN(m.Cdf(double.NaN)));
    }

    [Theory]
    [MemberData(nameof(Marginals))]
    public void FromSpec_round_trips_exactly(string name)
    {
        var m = Cases[name]();
        var spec = m.ToSpec();
        var back = ContinuousMarginal.FromSpec(spec);
        Assert.Equal(m.GetType(), back.GetType());
        Assert.Equal(spec, back.ToSpec());
        Assert.Equal(spec.GetHashCode(), back.ToSpec().GetHashCode());
        Assert.Equal(m.LowerBound, back.LowerBound);
        Assert.Equal(m.UpperBound, back.UpperBound);
        foreach (var p in new[] { 1e-6, 0.1, 0.5, 0.9, 1 - 1e-6 })
        {
            Assert.Equal(m.InverseCdf(p), back.InverseCdf(p));
            Assert.Equal(m.Cdf(m.InverseCdf(p)), back.Cdf(m.InverseCdf(p)));
        }
    }

    [Fact]
    public void Named_parameters_are_exposed_in_spec_order()
    {
        Assert.Equal([10.0, 20.0], new UniformMarginal(10, 20).ToSpec().Parameters);
        var n = new NormalMarginal(1, 2);
        Assert.Equal([n.Mean, n.StdDev], n.ToSpec().Parameters);
        var t = new TruncatedNormalMarginal(1, 2, 0, 3);
        Assert.Equal([t.Mean, t.StdDev, t.Lower, t.Upper], t.ToSpec().Parameters);
        var g = new GammaMarginal(3, 2, 1);
        Assert.Equal([g.Shape, g.Scale, g.Location], g.ToSpec().Parameters);
        var b = new BetaMarginal(2, 5, -1, 1);
        Assert.Equal([b.Alpha, b.Beta, b.Lower, b.Upper], b.ToSpec().Parameters);
        var k = BimodalKde.Value;
        Assert.Equal([.. k.GridX, .. k.GridCdf], k.ToSpec().Parameters);
    }

    public static TheoryData<MarginalFamily, double[]> MalformedSpecs => new()
    {
        { MarginalFamily.Normal, [0] },
        { MarginalFamily.Normal, [0, 1, 2] },
        { MarginalFamily.Normal, [0, 0] },
        { MarginalFamily.Normal, [0, -1] },
        { MarginalFamily.Normal, [double.NaN, 1] },
        { MarginalFamily.Normal, [0, double.PositiveInfinity] },
        { MarginalFamily.Uniform, [1, 1] },
        { MarginalFamily.Uniform, [2, 1] },
        { MarginalFamily.Uniform, [-1e308, 1e308] },
        { MarginalFamily.TruncatedNormal, [0, 1, 5, 4] },
        { MarginalFamily.TruncatedNormal, [0, 0, 0, 1] },
        { MarginalFamily.TruncatedNormal, [0, 1, 40, 50] },
        { MarginalFamily.TruncatedNormal, [0, 1, 2] },
        { MarginalFamily.Gamma, [0, 1, 0] },
        { MarginalFamily.Gamma, [1, 0, 0] },
        { MarginalFamily.Gamma, [1, 1, double.NaN] },
        { MarginalFamily.Gamma, [2e6, 1, 0] },
        { MarginalFamily.Gamma, [1, 1] },
        { MarginalFamily.Beta, [0, 1, 0, 1] },
        { MarginalFamily.Beta, [1, -1, 0, 1] },
        { MarginalFamily.Beta, [1, 1, 1, 0] },
        { MarginalFamily.Beta, [] },
        { MarginalFamily.GaussianKde, [0, 1, 0] },
        { MarginalFamily.GaussianKde, [0, 1] },
        { MarginalFamily.GaussianKde, [0, 0, 0, 1] },
        { MarginalFamily.GaussianKde, [1, 0, 0, 1] },
        { MarginalFamily.GaussianKde, [0, 1, 2, 0, 0.6, 0.5, 1] },
        { MarginalFamily.GaussianKde, [0, 1, 2, 0.1, 0.5, 1] },
        { MarginalFamily.GaussianKde, [0, 1, 2, 0, 0.5, 0.9] },
        { MarginalFamily.GaussianKde, [0, 1, double.NaN, 0, 0.5, 1] },
        { MarginalFamily.GaussianKde, [.. Enumerable.Range(0, 513).Select(i => (double)i), .. Enumerable.Range(0, 513).Select(i => i / 512.0)] },
        { (MarginalFamily)99, [0, 1] },
    };

    [Theory]
    [MemberData(nameof(MalformedSpecs))]
    public void FromSpec_rejects_malformed_specs(MarginalFamily family, double[] parameters)
    {
        var error = Assert.Throws<SynthDataException>(() => ContinuousMarginal.FromSpec(new MarginalSpec(family, parameters)));
        Assert.Contains("model", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void FromSpec_accepts_a_valid_kde_table()
    {
        var m = ContinuousMarginal.FromSpec(new MarginalSpec(MarginalFamily.GaussianKde, [0, 1, 3, 0, 0.5, 1]));
        Assert.Equal(0.5, m.Cdf(1));
        Assert.Equal(2, m.InverseCdf(0.75), 12);
    }

    [Fact]
    public void Spec_equality_is_by_value_and_the_parameters_are_copied()
    {
        var array = new[] { 1.0, 2.0 };
        var a = new MarginalSpec(MarginalFamily.Normal, array);
        var b = new MarginalSpec(MarginalFamily.Normal, new List<double> { 1.0, 2.0 });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new MarginalSpec(MarginalFamily.Uniform, array));
        Assert.NotEqual(a, new MarginalSpec(MarginalFamily.Normal, [1.0, 2.5]));
        Assert.NotEqual(a, new MarginalSpec(MarginalFamily.Normal, [1.0]));
        array[0] = 9;
        Assert.Equal(1.0, a.Parameters[0]);
        Assert.Contains("Normal", a.ToString());
        Assert.Contains("2", a.ToString());
    }

    [Fact]
    public void Fits_reject_unsorted_or_non_finite_input()
    {
        Assert.Throws<ArgumentException>(() => NormalMarginal.Fit([2.0, 1.0]));
        Assert.Throws<ArgumentException>(() => UniformMarginal.Fit([1.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => KdeMarginal.Fit([1.0]));
        Assert.Throws<ArgumentException>(() => GammaMarginal.Fit([double.NegativeInfinity, 1.0]));
    }

    [Fact]
    public void Fits_handle_constant_data()
    {
        double[] constant = [7, 7, 7];
        Assert.Equal(7, NormalMarginal.Fit(constant).Mean);
        Assert.InRange(UniformMarginal.Fit(constant).InverseCdf(0.3), 7 - 1e-6, 7 + 1e-6);
        Assert.InRange(KdeMarginal.Fit(constant).InverseCdf(0.3), 7 - 1e-6, 7 + 1e-6);
        Assert.Throws<ArgumentException>(() => GammaMarginal.Fit(constant));
        Assert.Throws<ArgumentException>(() => BetaMarginal.Fit(constant));
        Assert.Throws<ArgumentException>(() => TruncatedNormalMarginal.Fit(constant));
    }

    [Fact]
    public void Gamma_fit_shifts_the_location_below_the_minimum_when_values_are_not_positive()
    {
        var values = TestData.Sorted(TestData.Gamma(5000, 2, 3).Select(v => v - 10).ToArray());
        var g = GammaMarginal.Fit(values);
        Assert.True(g.Location < values[0]);
        Assert.True(values[0] - g.Location <= (values[^1] - values[0]) / values.Length * 1.000001);
        Assert.InRange(g.Shape, 1.7, 2.3);
    }
}
