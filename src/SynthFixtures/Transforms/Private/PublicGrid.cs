using SynthFixtures.Metadata;

namespace SynthFixtures.Transforms.Private;

/// <summary>
/// The fine grid a numeric column is first measured on. It depends only on the column's kind, never on the data, so
/// its cells can be measured with noise and the noisy counts then decide the column's bins (post-processing, free):
/// integers get a cell per value from −128 to 128 (so spikes such as 0 and small counts are kept exactly) and
/// logarithmic cells beyond (16 a decade, up to ±10¹⁵); decimals a cell for 0 and logarithmic cells from ±10⁻⁹;
/// dates a cell per quarter year from 1900 to 2100. Values beyond the grid fall into its two end cells.
/// </summary>
internal sealed class PublicGrid
{
    private const int UnitCellsUpTo = 128;
    private const int CellsPerDecade = 16;
    private const double Largest = 1e15;
    private const double SmallestDecimal = 1e-9;
    private const double SecondsPerDay = 86_400;

    /// <summary>Edges: cell i covers [Edges[i], Edges[i + 1]); the first and last edges are infinite.</summary>
    private readonly double[] _edges;
    private readonly bool[] _points;

    private PublicGrid(double[] edges, bool[] points)
    {
        _edges = edges;
        _points = points;
    }

    /// <summary>Number of cells.</summary>
    public int Cells => _points.Length;

    /// <summary>
    /// The cell holding 0: every cell below it holds negative values only and every cell above it positive values only
    /// (for dates, whose values are all positive, it is the first cell). Cells merged across it would decode to values
    /// of both signs, so blocks are formed on either side of it, never over it.
    /// </summary>
    public int ZeroCell => CellOf(0);

    /// <summary>The grid for a column of <paramref name="kind"/>.</summary>
    public static PublicGrid For(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => Integers(),
        ColumnKind.DateTime => Dates(),
        _ => Decimals(),
    };

    /// <summary>The cell holding <paramref name="value"/> (not NaN).</summary>
    public int CellOf(double value)
    {
        var index = Array.BinarySearch(_edges, value);
        // An exact edge starts its cell; otherwise the complement is the next edge above.
        var cell = index >= 0 ? index : ~index - 1;
        return Math.Clamp(cell, 0, Cells - 1);
    }

    /// <summary>
    /// What a cell decodes to: a single value (<paramref name="cell"/> is a point, Low = High) or a finite interval
    /// [Low, High) to draw uniformly from; the end cells decode to their finite edge.
    /// </summary>
    public (double Low, double High) Decoded(int cell)
    {
        if (_points[cell]) return (PointValue(cell), PointValue(cell));
        var low = _edges[cell];
        var high = _edges[cell + 1];
        if (double.IsNegativeInfinity(low)) return (high, high);
        if (double.IsPositiveInfinity(high)) return (low, low);
        return (low, high);
    }

    /// <summary>
    /// What cells <paramref name="first"/> … <paramref name="last"/> decode to together: the first's own decoding when
    /// they are one cell, else the interval from the first's lower edge to the last's upper edge (infinite ends clamped).
    /// </summary>
    public (double Low, double High) Decoded(int first, int last)
    {
        if (first == last) return Decoded(first);
        var low = double.IsNegativeInfinity(_edges[first]) ? _edges[first + 1] : _edges[first];
        var high = double.IsPositiveInfinity(_edges[last + 1]) ? _edges[last] : _edges[last + 1];
        return (low, high);
    }

    private double PointValue(int cell) =>
        // Point cells are centred on their value: integers on k (edges k ± ½), the decimal zero on 0.
        0.5 * (_edges[cell] + _edges[cell + 1]);

    private static PublicGrid Integers()
    {
        var positive = new List<double>();
        for (var k = 0; k <= UnitCellsUpTo; k++) positive.Add(k + 0.5);
        var start = UnitCellsUpTo + 0.5;
        for (var j = 1; positive[^1] < Largest; j++) positive.Add(start * Math.Pow(10, j / (double)CellsPerDecade));
        var edges = Symmetric(positive, includeZeroEdge: false);
        var points = new bool[edges.Count - 1];
        for (var i = 0; i < points.Length; i++)
            points[i] = Math.Abs(edges[i]) <= UnitCellsUpTo + 0.5 && Math.Abs(edges[i + 1]) <= UnitCellsUpTo + 0.5 && edges[i + 1] - edges[i] == 1;
        return new PublicGrid([.. edges], points);
    }

    private static PublicGrid Decimals()
    {
        var positive = new List<double> { SmallestDecimal };
        for (var j = 1; positive[^1] < Largest; j++) positive.Add(SmallestDecimal * Math.Pow(10, j / (double)CellsPerDecade));
        var edges = Symmetric(positive, includeZeroEdge: false);
        var points = new bool[edges.Count - 1];
        var zero = edges.IndexOf(-SmallestDecimal);
        points[zero] = true;
        return new PublicGrid([.. edges], points);
    }

    private static PublicGrid Dates()
    {
        var from = (new DateTime(1900, 1, 1) - DateTime.MinValue).TotalSeconds;
        var to = (new DateTime(2100, 1, 1) - DateTime.MinValue).TotalSeconds;
        var step = 365.25 / 4 * SecondsPerDay;
        var edges = new List<double> { double.NegativeInfinity };
        for (var t = from; t <= to + 1; t += step) edges.Add(t);
        edges.Add(double.PositiveInfinity);
        return new PublicGrid([.. edges], new bool[edges.Count - 1]);
    }

    /// <summary>−∞, the negated positive edges (descending), then the positive edges, then +∞.</summary>
    private static List<double> Symmetric(List<double> positive, bool includeZeroEdge)
    {
        var edges = new List<double> { double.NegativeInfinity };
        for (var i = positive.Count - 1; i >= 0; i--) edges.Add(-positive[i]);
        if (includeZeroEdge) edges.Add(0);
        edges.AddRange(positive);
        edges.Add(double.PositiveInfinity);
        return edges;
    }
}
