namespace SynthFixtures.Numerics;

/// <summary>
/// Rows encoded for the DCR distance, column-major: <c>Data[column * Stride + row]</c>. Every column is encoded so that
/// the per-column distance is <c>min(|a − b|, 1)</c>: numbers as (value − min) / range of the reference, categories as
/// their integer code (two different codes are at least 1 apart), missing numbers as <see cref="MissingNumber"/>.
/// Rows past <see cref="Rows"/> up to <see cref="Stride"/> are padding at distance 1 from everything, so the search
/// reads whole SIMD vectors without a tail loop.
/// </summary>
internal sealed class DistanceRows
{
    /// <summary>A missing number: at distance ≥ 1 from any value (capped to 1) and 0 from another missing number.</summary>
    public const float MissingNumber = -1e30f;

    /// <summary>Padding: far from every value, the missing marker included.</summary>
    public const float Padding = 1e35f;

    public DistanceRows(float[] data, int rows, int stride, int columns)
    {
        Data = data;
        Rows = rows;
        Stride = stride;
        Columns = columns;
    }

    /// <summary>The encoded cells, column-major.</summary>
    public float[] Data { get; }

    /// <summary>Number of real (non-padding) rows.</summary>
    public int Rows { get; }

    /// <summary>Distance between the starts of two columns in <see cref="Data"/>: <see cref="Rows"/> rounded up to whole vectors.</summary>
    public int Stride { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>One encoded cell.</summary>
    public float this[int row, int column] => Data[column * Stride + row];

    /// <summary>An empty block of <paramref name="rows"/> rows, padding included, ready to fill.</summary>
    public static DistanceRows Allocate(int rows, int columns)
    {
        var width = System.Numerics.Vector<float>.Count;
        var stride = Math.Max(width, (rows + width - 1) / width * width);
        var data = new float[stride * columns];
        Array.Fill(data, Padding);
        return new DistanceRows(data, rows, stride, columns);
    }

    /// <summary>The exact distance of two encoded rows, the mean over columns (the reference for the fast search).</summary>
    public static double Distance(DistanceRows a, int rowA, DistanceRows b, int rowB)
    {
        float sum = 0;
        for (var c = 0; c < a.Columns; c++) sum += Math.Min(Math.Abs(a[rowA, c] - b[rowB, c]), 1f);
        return sum / a.Columns;
    }
}
