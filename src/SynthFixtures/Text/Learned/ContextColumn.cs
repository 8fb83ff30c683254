using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// How one context column becomes one token: a label (categorical, boolean), or a bin of a number (integer, decimal,
/// datetime). Its tokens are the labels or bins, then <c>other</c> (a rare, unseen or unparseable cell), then
/// <c>missing</c>. Holds only aggregate facts: labels seen at least <see cref="TextContextEncoder.MinLabelCount"/> times
/// and bin edges.
/// </summary>
/// <param name="Name">The column.</param>
/// <param name="Kind">The column's kind, which says how a cell is read.</param>
/// <param name="DateTimeFormat">For datetimes, the format cells are written in.</param>
/// <param name="Labels">For labels: the labels with their own token (trimmed), in ordinal order; else <c>null</c>.</param>
/// <param name="Edges">For numbers: the ascending edges between bins (k edges make k + 1 bins; a value equal to an edge falls in the bin above it); else <c>null</c>.</param>
public sealed record ContextColumn(string Name, ColumnKind Kind, string? DateTimeFormat, IReadOnlyList<string>? Labels, IReadOnlyList<double>? Edges)
{
    private readonly Dictionary<string, int> _labelIndex = Labels is null ? [] : Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);

    /// <summary>Tokens of this column: labels or bins, <c>other</c>, <c>missing</c>.</summary>
    public int TokenCount => (Labels?.Count ?? (Edges!.Count + 1)) + 2;

    /// <summary>The index of <c>other</c> among this column's tokens.</summary>
    public int OtherToken => TokenCount - 2;

    /// <summary>The index of <c>missing</c> among this column's tokens.</summary>
    public int MissingToken => TokenCount - 1;

    /// <summary>The token (within this column) of one formatted cell.</summary>
    public int TokenOf(string? cell)
    {
        if (cell is null) return MissingToken;
        if (Labels is not null) return _labelIndex.TryGetValue(CellText.Normalize(cell), out var index) ? index : OtherToken;
        var column = new ColumnMetadata { Name = Name, Kind = Kind, DateTimeFormat = DateTimeFormat };
        if (!ColumnValues.TryParse(cell, column, out var value)) return OtherToken;
        return BinOf(Edges!, value);
    }

    /// <summary>What a token stands for, for <c>inspect</c> and tests: a label, a range, <c>other</c> or <c>missing</c>.</summary>
    public string Describe(int token)
    {
        if (token == MissingToken) return "missing";
        if (token == OtherToken) return "other";
        if (Labels is not null) return Labels[token];
        var low = token == 0 ? "-inf" : Edges![token - 1].ToString("G6", CultureInfo.InvariantCulture);
        var high = token == Edges!.Count ? "inf" : Edges[token].ToString("G6", CultureInfo.InvariantCulture);
        return $"[{low}, {high})";
    }

    internal static int BinOf(IReadOnlyList<double> edges, double value)
    {
        var bin = 0;
        while (bin < edges.Count && value >= edges[bin]) bin++;
        return bin;
    }

    /// <summary>Value equality over the labels and edges (records compare lists by reference otherwise).</summary>
    public bool Equals(ContextColumn? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && DateTimeFormat == other.DateTimeFormat
        && (Labels ?? []).SequenceEqual(other.Labels ?? []) && (Labels is null) == (other.Labels is null)
        && (Edges ?? []).SequenceEqual(other.Edges ?? []) && (Edges is null) == (other.Edges is null);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Labels?.Count, Edges?.Count);
}
