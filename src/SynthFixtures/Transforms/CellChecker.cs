using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Transforms;

/// <summary>
/// Checks every cell of a table against its column's kind. A few cells that do not parse (at most
/// 1 − <see cref="ProfileOptions.NumericMinShare"/> of a column's values) are bad cells: read as missing and listed, or an
/// error under <see cref="BadCellPolicy.Reject"/>. More than that means the kind contradicts the data, which is an error
/// naming the file and column: metadata that calls a 67-label column boolean, or text an integer.
/// </summary>
internal static class CellChecker
{
    /// <summary>
    /// Largest magnitude a number column holds: a double keeps integers exact only up to 2^53 ≈ 9·10^15, so ±1e308 is
    /// out of range, as are the infinities and NaN.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    public static (Table Table, IReadOnlyList<CellIssue> Issues) Check(Table table, TableMetadata metadata, BadCellPolicy policy, string what)
    {
        var issues = new List<CellIssue>();
        var replaced = new Dictionary<int, string?[]>();
        var maxBadShare = 1 - ProfileOptions.Default.NumericMinShare;
        foreach (var column in metadata.Columns)
        {
            var index = table.IndexOf(column.Name);
            if (column.Kind == ColumnKind.Boolean) CheckBoolean(table, index, column, what);
            if (!column.IsNumeric) continue;
            var cells = table.ColumnArray(index);
            string?[]? copy = null;
            var present = 0;
            var found = new List<CellIssue>();
            for (var row = 0; row < cells.Length; row++)
            {
                if (cells[row] is not { } cell) continue;
                present++;
                if (Parses(cell, column)) continue;
                var issue = new CellIssue(table.SourcePath, table.SourceLine(row), index + 1, column.Name, cell.Trim(), Expected(column));
                if (policy == BadCellPolicy.Reject)
                    throw new SynthDataException($"'{issue.Value}' in column '{column.Name}' is not {issue.Expected}.", table.SourcePath,
                        issue.Line, issue.Column,
                        "Fix the value, add it to the missing-value tokens, or read without strict mode to treat such cells as missing.", column.Name);
                found.Add(issue);
                copy ??= (string?[])cells.Clone();
                copy[row] = null;
            }
            if (found.Count > 0 && found.Count > maxBadShare * present)
            {
                var first = found[0];
                throw new SynthDataException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"The {what} declares column '{column.Name}' {Describe(column.Kind)}, but {found.Count:N0} of its {present:N0} values ({found.Count * 100.0 / present:0.#}%) are not {first.Expected}, e.g. '{first.Value}'{(first.Line is { } line ? $" at line {line}" : "")}."),
                    table.SourcePath, first.Line, first.Column,
                    $"Change the column's kind in the metadata (to categorical or text), or fix the values: at most {maxBadShare * 100:0.#}% of a column's values may be unparseable cells read as missing.",
                    column.Name);
            }
            issues.AddRange(found);
            if (copy is not null) replaced[index] = copy;
        }
        return (replaced.Count == 0 ? table : table.WithColumns(replaced), issues);
    }

    /// <summary>
    /// Every numeric cell that does not parse as its column's kind, read as missing: no share limit, no listing and no
    /// error, since under differential privacy whether training fails, or which cells are named, would depend on single rows.
    /// </summary>
    public static Table ReadUnparseableAsMissing(Table table, TableMetadata metadata)
    {
        var replaced = new Dictionary<int, string?[]>();
        foreach (var column in metadata.Columns.Where(c => c.IsNumeric))
        {
            var index = table.IndexOf(column.Name);
            var cells = table.ColumnArray(index);
            string?[]? copy = null;
            for (var row = 0; row < cells.Length; row++)
            {
                if (cells[row] is not { } cell || Parses(cell, column)) continue;
                copy ??= (string?[])cells.Clone();
                copy[row] = null;
            }
            if (copy is not null) replaced[index] = copy;
        }
        return replaced.Count == 0 ? table : table.WithColumns(replaced);
    }

    /// <summary>Whether a cell holds a value of the column's kind, in range.</summary>
    public static bool Parses(string cell, ColumnMetadata column) =>
        ColumnValues.TryParse(cell, column, out var value) && (column.Kind == ColumnKind.DateTime || Math.Abs(value) <= MaxMagnitude);

    private static void CheckBoolean(Table table, int index, ColumnMetadata column, string what)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        int? third = null; // where the third label first appears: the first cell a boolean cannot hold
        var cells = table.Column(index);
        for (var row = 0; row < cells.Count; row++)
            if (cells[row] is { } cell && labels.Add(CellText.Normalize(cell)) && labels.Count == 3) third = table.SourceLine(row) ?? row + 1;
        if (labels.Count <= 2) return;
        throw new SynthDataException(
            string.Create(CultureInfo.InvariantCulture,
                $"The {what} declares column '{column.Name}' boolean, but it has {labels.Count:N0} distinct labels ({string.Join(", ", labels.Take(5).Select(l => $"'{l}'"))}{(labels.Count > 5 ? ", …" : "")})."),
            table.SourcePath, third, index + 1,
            "A boolean column has two values (true/false, yes/no, 0/1): declare the column categorical instead.", column.Name);
    }

    private static string Describe(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => "integer",
        ColumnKind.Decimal => "decimal",
        ColumnKind.DateTime => "a datetime",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Expected(ColumnMetadata column) => column.Kind switch
    {
        ColumnKind.Integer => "an integer",
        ColumnKind.Decimal => "a finite number within ±10^15",
        ColumnKind.DateTime => column.DateTimeFormat is { } f ? $"a date in the format '{f}'" : "a date",
        _ => column.Kind.ToString(),
    };
}
