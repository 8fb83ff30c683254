using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// Turns a row's other cells into the prefix tokens the text is conditioned on: one token per context column (see
/// <see cref="ContextColumn"/>), column after column, ids counted from 0 across all columns. Chosen automatically,
/// the context is the categorical and boolean columns with at most <see cref="MaxLabels"/> labels and the numeric
/// columns (few distinct values each get a bin, otherwise <see cref="QuantileBins"/> quantile bins), minus keys, personal
/// data, text and near-unique columns, ranked by how much they tell about the text's words and length, at most
/// <see cref="MaxColumns"/>. Stores labels and bin edges, never text.
/// </summary>
public sealed class TextContextEncoder
{
    /// <summary>Most labels a categorical column may have to be chosen automatically.</summary>
    public const int MaxLabels = 50;

    /// <summary>Bins of a numeric column with many distinct values.</summary>
    public const int QuantileBins = 5;

    /// <summary>A numeric column with at most this many frequent values gets one bin per value (a rating, a flag).</summary>
    public const int MaxDiscreteValues = 12;

    /// <summary>Most context columns chosen automatically.</summary>
    public const int MaxColumns = 8;

    /// <summary>A label (or discrete value) seen fewer times than this shares the column's <c>other</c> token.</summary>
    public const int MinLabelCount = 5;

    /// <summary>A column whose distinct values exceed this share of its cells is near-unique and is never chosen.</summary>
    public const double NearUniqueShare = 0.5;

    private readonly int[] _offsets;

    /// <summary>An encoder over the given columns, in prefix order.</summary>
    public TextContextEncoder(IReadOnlyList<ContextColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ContextColumns = columns.ToArray();
        _offsets = new int[columns.Count];
        var offset = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            _offsets[c] = offset;
            offset += columns[c].TokenCount;
        }
        TokenCount = offset;
    }

    /// <summary>The context columns in prefix order, with their labels or bins.</summary>
    public IReadOnlyList<ContextColumn> ContextColumns { get; }

    /// <summary>The context column names in prefix order (the order <see cref="Encode"/> takes cells in).</summary>
    public IReadOnlyList<string> Columns => ContextColumns.Select(c => c.Name).ToArray();

    /// <summary>Context tokens over all columns.</summary>
    public int TokenCount { get; }

    /// <summary>The first token id of context column <paramref name="index"/>.</summary>
    public int OffsetOf(int index) => _offsets[index];

    /// <summary>One token id per context column for one row's cells (in <see cref="Columns"/> order, as the source writes them; <c>null</c>: missing).</summary>
    public int[] Encode(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != ContextColumns.Count)
            throw new ArgumentException($"{ContextColumns.Count} context cells are needed, not {cells.Count}.", nameof(cells));
        var tokens = new int[cells.Count];
        for (var c = 0; c < tokens.Length; c++) tokens[c] = _offsets[c] + ContextColumns[c].TokenOf(cells[c]);
        return tokens;
    }

    /// <summary>
    /// Learns the context of <paramref name="textColumn"/>: the given <paramref name="columns"/> in that order, or
    /// (<c>null</c>) the most informative suitable columns of the table.
    /// </summary>
    /// <exception cref="SynthDataException">A named column is missing, is the text column itself, or is a key, text or personal data.</exception>
    public static TextContextEncoder Fit(Table table, TableMetadata metadata, string textColumn, IReadOnlyList<string>? columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(textColumn);
        if (columns is not null) return new TextContextEncoder(columns.Select(name => FitNamed(table, metadata, textColumn, name)).ToArray());

        var candidates = new List<(ContextColumn Column, double Score)>();
        var features = TextFeatures.Of(table.Column(table.IndexOf(textColumn)));
        foreach (var column in metadata.Columns)
        {
            if (column.Name == textColumn || column.Name == metadata.PrimaryKey || !column.IsModelled || !table.HasColumn(column.Name)) continue;
            var cells = table.Column(table.IndexOf(column.Name));
            if (IsNearUnique(cells)) continue;
            if (column.IsCategorical && DistinctLabels(cells) > MaxLabels) continue;
            var fitted = FitColumn(table, column);
            if (fitted.TokenCount <= 2) continue;   // nothing but other and missing: no information
            var score = features.Informativeness(cells.Select(fitted.TokenOf).ToArray(), fitted.TokenCount);
            if (score > 0) candidates.Add((fitted, score));
        }
        return new TextContextEncoder(candidates
            .OrderByDescending(c => c.Score).ThenBy(c => c.Column.Name, StringComparer.Ordinal)
            .Take(MaxColumns).Select(c => c.Column).ToArray());
    }

    private static ContextColumn FitNamed(Table table, TableMetadata metadata, string textColumn, string name)
    {
        var column = metadata.Find(name);
        if (column is null || !table.HasColumn(name))
            throw new SynthDataException($"The text column '{textColumn}' cannot be conditioned on '{name}': there is no such column.",
                table.SourcePath, hint: $"Context columns must be columns of the table: {string.Join(", ", table.ColumnNames)}.", columnName: textColumn);
        if (name == textColumn || !column.IsModelled)
            throw new SynthDataException($"The text column '{textColumn}' cannot be conditioned on '{name}': it is {(name == textColumn ? "the text column itself" : column.Pii != PiiKind.None ? "personal data" : column.Kind.ToString().ToLowerInvariant())}.",
                table.SourcePath, hint: "Name categorical, boolean, numeric or datetime columns as context.", columnName: textColumn);
        return FitColumn(table, column);
    }

    private static ContextColumn FitColumn(Table table, ColumnMetadata column)
    {
        var cells = table.Column(table.IndexOf(column.Name));
        if (column.IsCategorical)
        {
            var labels = cells.Where(c => c is not null).GroupBy(c => CellText.Normalize(c!), StringComparer.Ordinal)
                .Where(g => g.Count() >= MinLabelCount).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();
            return new ContextColumn(column.Name, column.Kind, null, labels, null);
        }
        var values = new List<double>(cells.Count);
        foreach (var cell in cells)
            if (cell is not null && ColumnValues.TryParse(cell, column, out var value)) values.Add(value);
        values.Sort();
        return new ContextColumn(column.Name, column.Kind, column.DateTimeFormat, null, BinEdges(values));
    }

    /// <summary>Midpoints between frequent values when there are few of them, else quantile edges (duplicates dropped).</summary>
    internal static double[] BinEdges(List<double> sorted)
    {
        if (sorted.Count == 0) return [];
        var frequent = sorted.GroupBy(v => v).Where(g => g.Count() >= MinLabelCount).Select(g => g.Key).ToArray();
        var distinct = sorted.Distinct().Count();
        if (distinct <= MaxDiscreteValues)
        {
            var kept = frequent.Length > 0 ? frequent : [sorted[sorted.Count / 2]];
            return [.. kept.Zip(kept.Skip(1), (a, b) => a + (b - a) / 2)];
        }
        var edges = new List<double>();
        for (var q = 1; q < QuantileBins; q++)
        {
            var edge = sorted[(int)((long)q * sorted.Count / QuantileBins)];
            if (edge > sorted[0] && (edges.Count == 0 || edge > edges[^1])) edges.Add(edge);
        }
        return [.. edges];
    }

    private static bool IsNearUnique(IReadOnlyList<string?> cells)
    {
        var present = cells.Count(c => c is not null);
        return present > 0 && DistinctLabels(cells) > NearUniqueShare * present && present >= 2 * MinLabelCount;
    }

    private static int DistinctLabels(IReadOnlyList<string?> cells) =>
        cells.Where(c => c is not null).Select(c => CellText.Normalize(c!)).Distinct(StringComparer.Ordinal).Count();
}
