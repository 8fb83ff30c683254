using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation.Diagnostics;

/// <summary>Computes the <see cref="DiagnosticReport"/> of a synthetic table against the real one.</summary>
public static class DiagnosticEvaluator
{
    /// <summary>Checks <paramref name="synthetic"/> against <paramref name="real"/>.</summary>
    /// <param name="real">The real table.</param>
    /// <param name="synthetic">The synthetic table.</param>
    /// <param name="metadata">Column kinds and the primary key.</param>
    /// <exception cref="SynthDataException">A table lacks a modelled column or has no rows, or a numeric cell does not parse.</exception>
    public static DiagnosticReport Evaluate(Table real, Table synthetic, TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        var columns = PreparedColumns.Prepare(real, synthetic, null, metadata, new ParallelOptions());
        return FromColumns(columns, real, synthetic, metadata);
    }

    /// <summary>The report from prepared columns and the raw tables (for keys and headers).</summary>
    internal static DiagnosticReport FromColumns(IReadOnlyList<EvaluatedColumn> columns, Table real, Table synthetic, TableMetadata metadata)
    {
        var scores = new List<DiagnosticColumnScore>();
        foreach (var column in metadata.Columns)
        {
            if (IsKey(column, metadata))
            {
                if (synthetic.HasColumn(column.Name)) scores.Add(KeyUniqueness(column.Name, synthetic.Column(column.Name)));
                continue;
            }
            if (columns.FirstOrDefault(c => c.Metadata.Name == column.Name) is not { } prepared) continue;
            scores.Add(prepared.IsNumeric ? BoundaryAdherence(prepared) : CategoryAdherence(prepared));
        }
        var realNames = real.ColumnNames.ToHashSet(StringComparer.Ordinal);
        var syntheticNames = synthetic.ColumnNames.ToHashSet(StringComparer.Ordinal);
        var union = realNames.Union(syntheticNames).Count();
        var common = realNames.Intersect(syntheticNames).Count();
        return new DiagnosticReport
        {
            Validity = scores.Count == 0 ? 1.0 : scores.Average(s => s.Score),
            Structure = union == 0 ? 1.0 : (double)common / union,
            MissingColumns = real.ColumnNames.Where(n => !syntheticNames.Contains(n)).ToArray(),
            ExtraColumns = synthetic.ColumnNames.Where(n => !realNames.Contains(n)).ToArray(),
            ColumnKinds = real.ColumnNames.Select(n => (n, metadata.Find(n)?.Kind.ToString() ?? "(not in metadata)")).ToArray(),
            Columns = scores,
            MissingValues = columns.Select(MissingRate).ToArray(),
            Rules = RuleAdherence(real, synthetic, metadata),
        };
    }

    /// <summary>
    /// Rows of the synthetic table breaking each of the metadata's rules (fixed combinations: combinations the real
    /// table lacks), computed from the cells as written; rules over a column either table lacks are left out.
    /// </summary>
    private static IReadOnlyList<RuleAdherence> RuleAdherence(Table real, Table synthetic, TableMetadata metadata)
    {
        if (metadata.Rules is not { Count: > 0 } rules) return [];
        var present = rules.Where(r => r.Columns.All(c => real.HasColumn(c) && synthetic.HasColumn(c))).ToList();
        var checkedMetadata = metadata with { Rules = present };
        return Transforms.Rules.RuleViolations.Find(synthetic, checkedMetadata, real)
            .Select(v => new RuleAdherence(v.Rule.Text, v.Count, synthetic.RowCount == 0 ? 1.0 : 1.0 - v.Count / (double)synthetic.RowCount)).ToArray();
    }

    private static bool IsKey(ColumnMetadata column, TableMetadata metadata) =>
        column.Kind == ColumnKind.Identifier || string.Equals(column.Name, metadata.PrimaryKey, StringComparison.Ordinal);

    private static DiagnosticColumnScore BoundaryAdherence(EvaluatedColumn column)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in column.RealValues!)
        {
            if (double.IsNaN(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        int present = 0, outside = 0;
        foreach (var v in column.SyntheticValues!)
        {
            if (double.IsNaN(v)) continue;
            present++;
            if (v < min || v > max) outside++;
        }
        var score = present == 0 ? 1.0 : 1.0 - (double)outside / present;
        return new DiagnosticColumnScore(column.Metadata.Name, DiagnosticCheck.BoundaryAdherence, score, outside);
    }

    private static DiagnosticColumnScore CategoryAdherence(EvaluatedColumn column)
    {
        var seen = new bool[column.CodeCount];
        foreach (var code in column.RealCodes) seen[code] = true;
        var unseen = column.SyntheticCodes.Count(code => !seen[code]);
        var rows = column.SyntheticCodes.Length;
        return new DiagnosticColumnScore(column.Metadata.Name, DiagnosticCheck.CategoryAdherence,
            rows == 0 ? 1.0 : 1.0 - (double)unseen / rows, unseen);
    }

    private static DiagnosticColumnScore KeyUniqueness(string name, IReadOnlyList<string?> cells)
    {
        // A missing key and every repeat of an earlier key are invalid; the first occurrence of each key is valid.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invalid = 0;
        foreach (var cell in cells)
            if (cell is null || !seen.Add(CellText.Normalize(cell))) invalid++;
        return new DiagnosticColumnScore(name, DiagnosticCheck.KeyUniqueness,
            cells.Count == 0 ? 1.0 : 1.0 - (double)invalid / cells.Count, invalid);
    }

    private static MissingValueRate MissingRate(EvaluatedColumn column) => new(column.Metadata.Name,
        Rate(column.RealCodes), Rate(column.SyntheticCodes));

    private static double Rate(int[] codes) =>
        codes.Length == 0 ? 0 : (double)codes.Count(c => c == CategoryCodes.Missing) / codes.Length;
}
