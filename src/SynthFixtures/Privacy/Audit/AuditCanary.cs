using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;

namespace SynthFixtures.Privacy.Audit;

/// <summary>
/// The row an audit adds to half of its trainings: an outlier no other row resembles, so that any trace of it in the
/// synthetic output is evidence it was trained on. By default every categorical column gets a label the data does not
/// have (<c>canary</c>, or <c>canary-2</c> … if taken), every integer and decimal column a value at least 1000 times
/// the largest magnitude in the column (a power of ten, at most 10¹²), every date column a date ten spans past the last;
/// boolean, key, text and personal-data columns keep the first row's value. Given cells replace the defaults.
/// A column is traced when the canary's value lies outside what the data holds (an unseen label, a number beyond the
/// range); a synthetic cell is a trace when it is nearer the canary's value than any value of the data: the canary's
/// label itself, or a number past the midpoint between the canary and the data's nearest extreme.
/// </summary>
public sealed class AuditCanary
{
    /// <summary>Default label of the canary in categorical columns.</summary>
    public const string Label = "canary";

    private const double MagnitudeFactor = 1000;
    private const double LargestNumber = 1e12;
    private const double DateSpans = 10;

    private readonly string?[] _cells;
    private readonly Trace[] _traces;

    private AuditCanary(string?[] cells, IReadOnlyList<CanaryCell> columns, Trace[] traces)
    {
        _cells = cells;
        Columns = columns;
        _traces = traces;
    }

    /// <summary>The canary's cell per column, in table order, with whether and how it is traced.</summary>
    public IReadOnlyList<CanaryCell> Columns { get; }

    /// <summary>The columns whose traces the attack counts.</summary>
    public int TracedColumns => _traces.Length;

    /// <summary>The canary for <paramref name="table"/> (at least one row), with <paramref name="given"/> cells (column name → text) in place of the defaults.</summary>
    /// <exception cref="SynthDataException">A given column does not exist, a given number does not parse, or no column can be traced.</exception>
    public static AuditCanary Create(Table table, TableMetadata metadata, IReadOnlyDictionary<string, string>? given = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        if (table.RowCount == 0) throw new SynthDataException("An audit needs at least one row of data.", table.SourcePath);
        given ??= new Dictionary<string, string>();
        foreach (var name in given.Keys.Where(name => !table.HasColumn(name)))
            throw new SynthDataException($"The canary names a column '{name}' the data does not have.", table.SourcePath,
                hint: $"The columns are: {string.Join(", ", table.ColumnNames)}.");
        var cells = new string?[table.ColumnCount];
        var columns = new List<CanaryCell>();
        var traces = new List<Trace>();
        for (var c = 0; c < table.ColumnCount; c++)
        {
            var name = table.ColumnNames[c];
            var column = metadata.Find(name) ?? throw new ArgumentException($"The metadata has no column '{name}'.", nameof(metadata));
            var (cell, trace, why) = given.TryGetValue(name, out var text) ? Given(table, c, column, text) : Default(table, c, column);
            cells[c] = cell;
            columns.Add(new CanaryCell(name, cell, trace is not null, why));
            if (trace is not null) traces.Add(trace);
        }
        if (traces.Count == 0)
            throw new SynthDataException("The canary has no cell outside the data (no categorical, numeric or date column to give it an unseen value).",
                table.SourcePath, hint: "Give a column an unseen value with the canary cells, e.g. a label the data does not have.");
        return new AuditCanary(cells, columns, traces.ToArray());
    }

    /// <summary><paramref name="table"/> with the canary as one more row at the end.</summary>
    public Table AddTo(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new string?[table.ColumnCount][];
        for (var c = 0; c < columns.Length; c++)
        {
            var source = table.Column(c);
            var column = new string?[source.Count + 1];
            for (var r = 0; r < source.Count; r++) column[r] = source[r];
            column[^1] = _cells[c];
            columns[c] = column;
        }
        return new Table(table.ColumnNames, columns, table.MissingTokens);
    }

    /// <summary>The traced columns, in table order (the order of <see cref="CountTraces"/>).</summary>
    public IReadOnlyList<string> TracedColumnNames => _traces.Select(t => t.Column).ToArray();

    /// <summary>Per traced column (<see cref="TracedColumnNames"/>), how many cells of <paramref name="sample"/> are traces of the canary (nearer its value than any value of the data).</summary>
    public int[] CountTraces(SampledTable sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var counts = new int[_traces.Length];
        for (var t = 0; t < _traces.Length; t++)
        {
            var trace = _traces[t];
            var column = sample.Columns.FirstOrDefault(c => c.Metadata.Name == trace.Column);
            if (column is null) continue;
            if (trace.Label is { } label && column.Codes is { } codes && column.Categories is { } categories)
            {
                var hits = categories.Select(l => l is not null && CellText.Normalize(l) == label).ToArray();
                foreach (var code in codes) if (code >= 0 && code < hits.Length && hits[code]) counts[t]++;
            }
            else if (trace.Label is null && column.Numbers is { } numbers)
            {
                foreach (var value in numbers) if (trace.Above ? value > trace.Midpoint : value < trace.Midpoint) counts[t]++;
            }
        }
        return counts;
    }

    private static (string? Cell, Trace? Trace, string Why) Default(Table table, int index, ColumnMetadata column)
    {
        var template = table[0, index];
        if (!column.IsModelled) return (template, null, "generated column: as in the first row, not traced");
        if (column.Kind == ColumnKind.Boolean) return (template, null, "boolean: as in the first row, not traced");
        if (column.Kind == ColumnKind.Categorical)
        {
            var seen = Labels(table, index);
            var label = Label;
            for (var i = 2; seen.Contains(label); i++) label = string.Create(CultureInfo.InvariantCulture, $"{Label}-{i}");
            return (label, new Trace(column.Name, label, 0, false), "a label the data does not have");
        }
        var (min, max) = Range(table, index, column);
        double target;
        if (column.Kind == ColumnKind.DateTime)
        {
            var span = Math.Max(max - min, TimeSpan.FromDays(365).TotalSeconds);
            target = Math.Min(max + DateSpans * span, new DateTime(9999, 1, 1).Ticks / (double)TimeSpan.TicksPerSecond);
        }
        else
        {
            var magnitude = Math.Max(1, Math.Max(Math.Abs(min), Math.Abs(max)));
            target = Math.Min(LargestNumber, Math.Pow(10, Math.Ceiling(Math.Log10(magnitude * MagnitudeFactor))));
        }
        var cell = ColumnValues.Format(target, column);
        if (!ColumnValues.TryParse(cell, column, out var value) || !(value > max))
            return (template, null, "already as large as the canary would be: as in the first row, not traced");
        return (cell, new Trace(column.Name, null, (value + max) / 2, true),
            column.Kind == ColumnKind.DateTime ? "a date far past the last in the data" : "a number far beyond the range of the data");
    }

    private static (string? Cell, Trace? Trace, string Why) Given(Table table, int index, ColumnMetadata column, string text)
    {
        if (!column.IsModelled) return (text, null, "given; generated column, not traced");
        if (column.IsCategorical)
        {
            var label = CellText.Normalize(text);
            return Labels(table, index).Contains(label) ? (text, null, "given; a label the data has, not traced")
                : (text, new Trace(column.Name, label, 0, false), "given; a label the data does not have");
        }
        if (!ColumnValues.TryParse(text, column, out var value))
            throw new SynthDataException($"The canary's value '{text}' for column '{column.Name}' is not a valid {column.Kind.ToString().ToLowerInvariant()}.",
                table.SourcePath, hint: "Give a value the column's kind can hold, written as the data writes it.");
        var (min, max) = Range(table, index, column);
        if (value > max) return (text, new Trace(column.Name, null, (value + max) / 2, true), "given; above the range of the data");
        if (value < min) return (text, new Trace(column.Name, null, (value + min) / 2, false), "given; below the range of the data");
        return (text, null, "given; inside the range of the data, not traced");
    }

    private static HashSet<string> Labels(Table table, int index) =>
        table.Column(index).Where(cell => cell is not null).Select(cell => CellText.Normalize(cell!)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The column's smallest and largest value; an all-missing column counts as [0, 0].</summary>
    private static (double Min, double Max) Range(Table table, int index, ColumnMetadata column)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var cell in table.Column(index))
        {
            if (cell is null || !ColumnValues.TryParse(cell, column, out var value)) continue;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        return double.IsInfinity(min) ? (0, 0) : (min, max);
    }

    /// <summary>A traced column: a synthetic cell is a trace when it equals <paramref name="Label"/>, or (numbers) lies past <paramref name="Midpoint"/> on the canary's side.</summary>
    private sealed record Trace(string Column, string? Label, double Midpoint, bool Above);
}

/// <summary>One cell of the canary.</summary>
/// <param name="Column">The column.</param>
/// <param name="Value">The canary's cell (<c>null</c>: missing).</param>
/// <param name="Traced">Whether the attack counts this column's traces.</param>
/// <param name="Why">How the value was chosen, in words.</param>
public sealed record CanaryCell(string Column, string? Value, bool Traced, string Why);
