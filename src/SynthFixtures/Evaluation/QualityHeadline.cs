using System.Globalization;

namespace SynthFixtures.Evaluation;

/// <summary>
/// The quality report's headline in words, shared by every writer (console, Markdown, HTML): how many columns the
/// overall runs over, and each column that is generated rather than learned with the reason it is not scored.
/// </summary>
public static class QualityHeadline
{
    /// <summary>"over 10 of 12 columns" (or "over all 5 columns").</summary>
    public static string Coverage(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.NotScored.Count == 0
            ? $"over all {report.Columns.Count} columns"
            : $"over {report.Columns.Count} of {report.TableColumns} columns";
    }

    /// <summary>"2 of 12 columns generated, not learned: Notes (free text), Email (personal data)"; <c>null</c> when every column is scored.</summary>
    public static string? NotScored(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.NotScored.Count == 0) return null;
        var list = string.Join(", ", report.NotScored.Select(c => $"{c.Column} ({c.ReasonText})"));
        return $"{report.NotScored.Count} of {report.TableColumns} columns generated, not learned, so not scored: {list}";
    }

    /// <summary>"Associated pairs (as SDMetrics): 13 of 105 (|ρ| &gt; 0.5 or Cramér's V &gt; 0.3 in the real data)".</summary>
    public static string AssociatedPairs(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.AssociatedPairs.Count} of {report.Pairs.Count} pairs associated in the real data (|ρ| > {Evaluation.AssociatedPairs.CorrelationThreshold} or Cramér's V > {Evaluation.AssociatedPairs.AssociationThreshold})");
    }
}
