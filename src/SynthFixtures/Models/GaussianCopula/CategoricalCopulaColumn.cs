using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// A categorical or boolean column under the frequency-interval encoding: [0, 1] is split into one interval per
/// category, as wide as its frequency, and a row maps to a uniform draw inside its category's interval. A missing
/// value is a category of its own (<c>null</c>), so missingness correlates with other columns like any label.
/// Decoding is a binary search over the interval edges on the z scale, so sampling never evaluates Φ.
/// </summary>
internal sealed class CategoricalCopulaColumn : CopulaColumn
{
    private readonly double[] _upperEdges;   // cumulative probability at each category's upper edge
    private readonly double[] _zUpperEdges;  // the same edges on the z scale

    public CategoricalCopulaColumn(ColumnMetadata metadata, int sourceIndex, string?[] categories, double[] probabilities)
        : base(metadata, sourceIndex)
    {
        Categories = categories;
        Probabilities = probabilities;
        _upperEdges = new double[categories.Length];
        _zUpperEdges = new double[categories.Length];
        var cumulative = 0.0;
        for (var k = 0; k < categories.Length; k++)
        {
            cumulative += probabilities[k];
            _upperEdges[k] = k == categories.Length - 1 ? 1.0 : cumulative;
            _zUpperEdges[k] = k == categories.Length - 1 ? double.PositiveInfinity : StandardNormal.InverseCdf(cumulative);
        }
    }

    /// <summary>Category labels as written in the source (<c>null</c> = missing), in encoding order.</summary>
    public string?[] Categories { get; }

    /// <summary>Frequency of each category.</summary>
    public double[] Probabilities { get; }

    public override int Dimensions => 1;

    public override string Describe() =>
        $"{Categories.Count(c => c is not null)} labels{(Categories.Any(c => c is null) ? $", {Probabilities[Array.IndexOf(Categories, null)]:P1} missing" : "")}";

    /// <summary>The probability interval of category <paramref name="code"/>.</summary>
    public (double Lower, double Upper) Interval(int code) => (code == 0 ? 0 : _upperEdges[code - 1], _upperEdges[code]);

    /// <summary>The z interval of category <paramref name="code"/>.</summary>
    public (double Lower, double Upper) ZInterval(int code) =>
        (code == 0 ? double.NegativeInfinity : _zUpperEdges[code - 1], _zUpperEdges[code]);

    /// <summary>u for a row of category <paramref name="code"/>.</summary>
    public double Encode(int code, SynthRandom random)
    {
        var (lower, upper) = Interval(code);
        return lower + (upper - lower) * random.NextOpenDouble();
    }

    /// <summary>The category whose interval holds <paramref name="z"/>.</summary>
    public int Decode(double z)
    {
        int lo = 0, hi = _zUpperEdges.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (z < _zUpperEdges[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>The code of a label compared after trimming, or -1 when the column never held it.</summary>
    public int FindCode(string label)
    {
        var wanted = CellText.Normalize(label);
        for (var k = 0; k < Categories.Length; k++)
            if (Categories[k] is { } c && string.Equals(CellText.Normalize(c), wanted, StringComparison.Ordinal)) return k;
        return -1;
    }
}
