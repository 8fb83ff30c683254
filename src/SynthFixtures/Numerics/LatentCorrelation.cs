using SynthFixtures.Randomness;

namespace SynthFixtures.Numerics;

/// <summary>
/// The correlation of a latent standard bivariate normal pair from observations that may be exact (a normal score) or
/// known only to lie in an interval (a category's slice of the line, a point mass's jump, the missing side of a
/// missingness dimension): the maximum of the pair's likelihood over ρ (polychoric and polyserial correlation in one).
/// Pearson's correlation of scores drawn uniformly inside such intervals is biased towards zero (a two-label chain that
/// stays in its state 90 % of the time shows ρ ≈ 0.5 instead of 0.95), which is why a lagged model of categories needs this.
/// </summary>
internal static class LatentCorrelation
{
    private const double Bound = 0.999;
    private const int GoldenSteps = 48;
    private const double SmallestProbability = 1e-300;

    /// <summary>
    /// ρ for one pair: observation r is the interval [<paramref name="lowerX"/>[r], <paramref name="upperX"/>[r]] on the
    /// z scale (equal bounds: an exact score; NaN: unknown, the row is skipped), likewise for Y. 0 when fewer than three
    /// rows inform it or either side never varies.
    /// </summary>
    public static double Pair(ReadOnlySpan<double> lowerX, ReadOnlySpan<double> upperX, ReadOnlySpan<double> lowerY, ReadOnlySpan<double> upperY)
    {
        long exactRows = 0;
        double sxx = 0, syy = 0, sxy = 0;
        var mixed = new List<(double Score, double Lower, double Upper)>();
        var boxes = new Dictionary<(double, double, double, double), int>();
        var xSeen = new Variation();
        var ySeen = new Variation();
        for (var r = 0; r < lowerX.Length; r++)
        {
            double ax = lowerX[r], bx = upperX[r], ay = lowerY[r], by = upperY[r];
            if (double.IsNaN(ax) || double.IsNaN(ay) || Uninformative(ax, bx) || Uninformative(ay, by)) continue;
            xSeen.Add(ax, bx);
            ySeen.Add(ay, by);
            var xExact = ax == bx;
            var yExact = ay == by;
            if (xExact && yExact)
            {
                exactRows++;
                sxx += ax * ax;
                syy += ay * ay;
                sxy += ax * ay;
            }
            else if (xExact) mixed.Add((ax, ay, by));
            else if (yExact) mixed.Add((ay, ax, bx));
            else boxes[(ax, bx, ay, by)] = boxes.GetValueOrDefault((ax, bx, ay, by)) + 1;
        }
        var rows = exactRows + mixed.Count + boxes.Values.Sum();
        if (rows < 3 || !xSeen.Varies || !ySeen.Varies) return 0;

        double LogLikelihood(double rho)
        {
            var oneMinus = 1 - rho * rho;
            var total = exactRows == 0 ? 0 : -0.5 * exactRows * Math.Log(oneMinus) - (sxx - 2 * rho * sxy + syy) / (2 * oneMinus);
            var s = Math.Sqrt(oneMinus);
            foreach (var (score, lower, upper) in mixed)
                total += Math.Log(Math.Max(IntervalProbability((lower - rho * score) / s, (upper - rho * score) / s), SmallestProbability));
            foreach (var ((x1, x2, y1, y2), count) in boxes)
                total += count * Math.Log(Math.Max(BivariateNormal.Rectangle(x1, x2, y1, y2, rho), SmallestProbability));
            return total;
        }

        return GoldenSectionMaximum(LogLikelihood, -Bound, Bound);
    }

    /// <summary>Φ(b) − Φ(a), computed on the side of the mean where Φ keeps its precision.</summary>
    private static double IntervalProbability(double a, double b) =>
        a > 0 ? StandardNormal.Cdf(-a) - StandardNormal.Cdf(-b) : StandardNormal.Cdf(b) - StandardNormal.Cdf(a);

    private static bool Uninformative(double lower, double upper) => double.IsNegativeInfinity(lower) && double.IsPositiveInfinity(upper);

    /// <summary>Whether the intervals seen so far differ (a constant side carries no information about ρ).</summary>
    private struct Variation
    {
        private double _lower, _upper;
        private bool _any;

        public bool Varies { get; private set; }

        public void Add(double lower, double upper)
        {
            if (!_any) (_lower, _upper, _any) = (lower, upper, true);
            else if (lower != _lower || upper != _upper) Varies = true;
        }
    }

    // The likelihood of one correlation is unimodal in practice; golden-section search needs no derivatives.
    private static double GoldenSectionMaximum(Func<double, double> f, double lo, double hi)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c = hi - ratio * (hi - lo);
        var d = lo + ratio * (hi - lo);
        double fc = f(c), fd = f(d);
        for (var step = 0; step < GoldenSteps; step++)
        {
            if (fc >= fd)
            {
                hi = d;
                (d, fd) = (c, fc);
                c = hi - ratio * (hi - lo);
                fc = f(c);
            }
            else
            {
                lo = c;
                (c, fc) = (d, fd);
                d = lo + ratio * (hi - lo);
                fd = f(d);
            }
        }
        return (lo + hi) / 2;
    }
}
