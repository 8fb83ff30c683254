using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// A modelled column's cells as the marginal model sees them. A numeric column has one cell per bin and a last cell
/// for missing values; each bin decodes to a value through its pieces (a point such as 0, or an interval drawn
/// uniformly), chosen by weight. A categorical column has one cell per released label, then an <em>other</em> cell
/// for labels whose noisy count did not pass the threshold (learned, never emitted), then a missing cell.
/// </summary>
internal sealed class DpColumn
{
    private DpColumn(Metadata.ColumnMetadata metadata, int sourceIndex, string[]? labels, DpPiece[][]? bins)
    {
        Metadata = metadata;
        SourceIndex = sourceIndex;
        Labels = labels;
        Bins = bins;
        Cells = bins is not null ? bins.Length + 1 : labels!.Length + 2;
    }

    /// <summary>A numeric column cut into <paramref name="bins"/>.</summary>
    public static DpColumn Numeric(Metadata.ColumnMetadata metadata, int sourceIndex, DpPiece[][] bins) => new(metadata, sourceIndex, null, bins);

    /// <summary>A categorical column with <paramref name="labels"/> released.</summary>
    public static DpColumn Categorical(Metadata.ColumnMetadata metadata, int sourceIndex, string[] labels) => new(metadata, sourceIndex, labels, null);

    /// <summary>The column's metadata.</summary>
    public Metadata.ColumnMetadata Metadata { get; }

    /// <summary>The column's index in the table metadata.</summary>
    public int SourceIndex { get; }

    /// <summary>Released labels (categorical), most frequent by noisy count first.</summary>
    public string[]? Labels { get; }

    /// <summary>Bins (numeric), in increasing order of value.</summary>
    public DpPiece[][]? Bins { get; }

    /// <summary>Whether the column is numeric.</summary>
    public bool IsNumeric => Bins is not null;

    /// <summary>Number of cells, the missing cell included.</summary>
    public int Cells { get; }

    /// <summary>The missing cell (the last).</summary>
    public int MissingCell => Cells - 1;

    /// <summary>The cell for labels that were not released (categorical only), or −1.</summary>
    public int OtherCell => IsNumeric ? -1 : Labels!.Length;

    /// <summary>The value a numeric cell decodes to: NaN for the missing cell, else a piece by weight, then within it.</summary>
    public double DecodeNumber(int cell, SynthRandom random)
    {
        if (cell == MissingCell) return double.NaN;
        var pieces = Bins![cell];
        var u = random.NextDouble();
        var chosen = pieces[^1];
        foreach (var piece in pieces)
        {
            if (u < piece.Weight) { chosen = piece; break; }
            u -= piece.Weight;
        }
        var value = chosen.Low == chosen.High ? chosen.Low : chosen.Low + random.NextDouble() * (chosen.High - chosen.Low);
        return ColumnValues.Quantize(value, Metadata);
    }

    /// <summary>
    /// The cell a numeric value falls in: the bin with a point piece at the value, else the bin whose interval holds it,
    /// else (a value in a gap or beyond the range) the bin nearest to it; NaN is the missing cell.
    /// </summary>
    public int CellOfNumber(double value)
    {
        if (double.IsNaN(value)) return MissingCell;
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        var bins = Bins!;
        for (var cell = 0; cell < bins.Length; cell++)
        {
            foreach (var piece in bins[cell])
            {
                if (piece.Low == piece.High && piece.Low == value) return cell;
                var distance = Math.Max(0, Math.Max(piece.Low - value, value - piece.High));
                if (distance < bestDistance)
                {
                    best = cell;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /// <summary>The cell of a label (compared after trimming): its released label, else the other cell; <c>null</c> is the missing cell.</summary>
    public int CellOfLabel(string? label)
    {
        if (label is null) return MissingCell;
        var wanted = Data.CellText.Normalize(label);
        var labels = Labels!;
        for (var k = 0; k < labels.Length; k++)
            if (string.Equals(Data.CellText.Normalize(labels[k]), wanted, StringComparison.Ordinal)) return k;
        return OtherCell;
    }

    /// <summary>How it is modelled, for <c>inspect</c>.</summary>
    public string Describe() => IsNumeric
        ? $"{Bins!.Length} bins{(Bins.Count(b => b.Length == 1 && b[0].Low == b[0].High) is > 0 and var points ? $" ({points} point masses)" : "")}, range {Bins[0][0].Low:G6} … {Bins[^1][^1].High:G6}"
        : $"{Labels!.Length} labels released";
}

/// <summary>Part of a numeric bin: a point (Low = High) or an interval [Low, High), with its share of the bin.</summary>
/// <param name="Low">Lower end (or the point).</param>
/// <param name="High">Upper end (or the point).</param>
/// <param name="Weight">Share of the bin, the pieces of a bin summing to 1.</param>
internal sealed record DpPiece(double Low, double High, double Weight);
