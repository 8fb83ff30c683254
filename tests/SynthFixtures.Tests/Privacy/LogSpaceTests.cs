using SynthFixtures.Privacy;

namespace SynthFixtures.Tests.Privacy;

/// <summary>The log-space helpers keep relative accuracy where the naive formulas lose it.</summary>
public class LogSpaceTests
{
    [Theory]
    // log erfc(x), from mpmath at 50 digits.
    [InlineData(-3.0, 0.69313613525044681)]
    [InlineData(0.5, -0.7350111298370844)]
    [InlineData(5.0, -27.200889545537434)]
    [InlineData(9.99, -102.67899829776834)]
    [InlineData(10.01, -103.08097878073203)]
    [InlineData(30.0, -903.97411711064388)]
    [InlineData(300.0, -90006.276152973059)]
    public void Log_erfc_is_accurate_on_both_sides_of_the_switch_and_where_erfc_underflows(double x, double expected) =>
        Assert.Equal(expected, LogSpace.LogErfc(x), Math.Abs(expected) * 1e-13);

    [Fact]
    public void Small_arguments_keep_their_digits()
    {
        Assert.Equal(1e-12 + 5e-25, LogSpace.ExpMinusOne(1e-12), 1e-27);
        Assert.Equal(1e-12 - 5e-25, LogSpace.LogOnePlus(1e-12), 1e-27);
        Assert.Equal(Math.Log(1e-12), LogSpace.LogExpMinusOne(1e-12), 1e-12);
        Assert.Equal(1e-20, LogSpace.SoftPlus(Math.Log(1e-20)), 1e-32);
        Assert.Equal(1000, LogSpace.SoftPlus(1000), 12);
        Assert.Equal(Math.Log(3), LogSpace.Add(Math.Log(1), Math.Log(2)), 15);
        Assert.Equal(Math.Log(2), LogSpace.Subtract(Math.Log(3), 0), 15);
    }

    [Theory]
    // log(½erfc(x)) from mpmath: just below 0 for negative x, where log ½ + log erfc(x) would cancel.
    [InlineData(-7.0, -2.0919128038897072e-23)]
    [InlineData(-3.0, -1.1045309498499094e-5)]
    [InlineData(2.0, -6.0580884451765829)]
    public void Log_of_half_erfc_keeps_tiny_values_below_zero(double x, double expected) =>
        Assert.Equal(expected, LogSpace.LogHalfErfc(x), Math.Abs(expected) * 1e-13);
}
