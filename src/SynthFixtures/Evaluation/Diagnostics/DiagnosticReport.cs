namespace SynthFixtures.Evaluation.Diagnostics;

/// <summary>What a diagnostic check measures.</summary>
public enum DiagnosticCheck
{
    /// <summary>Share of synthetic numbers and datetimes within the real column's [min, max] (missing ignored).</summary>
    BoundaryAdherence,

    /// <summary>Share of synthetic categories (missing counted as one) that occur in the real column.</summary>
    CategoryAdherence,

    /// <summary>Share of synthetic key cells that are present and unique.</summary>
    KeyUniqueness,
}

/// <summary>One column's validity check.</summary>
/// <param name="Column">The column.</param>
/// <param name="Check">What was checked.</param>
/// <param name="Score">The share of valid synthetic cells, in [0, 1].</param>
/// <param name="InvalidCells">Number of synthetic cells that failed the check.</param>
public sealed record DiagnosticColumnScore(string Column, DiagnosticCheck Check, double Score, int InvalidCells);

/// <summary>How many synthetic rows break one of the metadata's rules.</summary>
/// <param name="Rule">The rule as written.</param>
/// <param name="BrokenRows">Synthetic rows breaking it.</param>
/// <param name="Score">The share of synthetic rows keeping it, in [0, 1].</param>
public sealed record RuleAdherence(string Rule, int BrokenRows, double Score);

/// <summary>How often a column is missing on each side.</summary>
/// <param name="Column">The column.</param>
/// <param name="RealRate">Share of missing cells in the real table.</param>
/// <param name="SyntheticRate">Share of missing cells in the synthetic table.</param>
public sealed record MissingValueRate(string Column, double RealRate, double SyntheticRate)
{
    /// <summary>1 − |real rate − synthetic rate| (SDMetrics' MissingValueSimilarity).</summary>
    public double Similarity => 1.0 - Math.Abs(RealRate - SyntheticRate);
}

/// <summary>
/// Whether the synthetic table is valid and shaped like the real one, as SDMetrics' diagnostic report checks: Data
/// Validity (boundary and category adherence, key uniqueness, per column) and Data Structure (the same columns), with
/// the overall score their mean; missing-value rates are reported beside them. Scores are in [0, 1], 1 best.
/// </summary>
public sealed class DiagnosticReport
{
    /// <summary>The mean of <see cref="Validity"/> and <see cref="Structure"/>.</summary>
    public double Overall => (Validity + Structure) / 2.0;

    /// <summary>The mean of the per-column validity scores.</summary>
    public required double Validity { get; init; }

    /// <summary>Columns present in both tables over columns present in either (1 when the headers name the same columns).</summary>
    public required double Structure { get; init; }

    /// <summary>Real columns the synthetic table lacks.</summary>
    public required IReadOnlyList<string> MissingColumns { get; init; }

    /// <summary>Synthetic columns the real table lacks.</summary>
    public required IReadOnlyList<string> ExtraColumns { get; init; }

    /// <summary>The columns with their kinds, in real-table order (the table structure the synthetic data should have).</summary>
    public required IReadOnlyList<(string Column, string Kind)> ColumnKinds { get; init; }

    /// <summary>Per-column validity scores, in metadata order.</summary>
    public required IReadOnlyList<DiagnosticColumnScore> Columns { get; init; }

    /// <summary>Missing-value rates of the evaluated columns, in metadata order.</summary>
    public required IReadOnlyList<MissingValueRate> MissingValues { get; init; }

    /// <summary>Rule adherence: one entry per rule of the metadata (empty when it has none), in rule order.</summary>
    public IReadOnlyList<RuleAdherence> Rules { get; init; } = [];

    /// <summary>The mean of the missing-value similarities (1 when no column has missing values).</summary>
    public double MissingValueSimilarity => MissingValues.Count == 0 ? 1.0 : MissingValues.Average(m => m.Similarity);

    /// <summary>Columns that failed a check (score below 1), worst first; ties in metadata order.</summary>
    public IReadOnlyList<DiagnosticColumnScore> Failures =>
        Columns.Where(c => c.Score < 1.0).OrderBy(c => c.Score).ToArray();
}
