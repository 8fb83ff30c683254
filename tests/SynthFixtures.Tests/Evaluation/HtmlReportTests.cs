using System.Text.RegularExpressions;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Reports;
using static SynthFixtures.Tests.Evaluation.EvaluationTables;

namespace SynthFixtures.Tests.Evaluation;

public class HtmlReportTests
{
    private static readonly Lazy<EvaluationReport> Report = new(() =>
    {
        var (table, metadata) = Correlated(400, seed: 51);
        return Evaluator.Evaluate(new EvaluationInput { Training = table, Synthetic = ShuffleEachColumn(table, seed: 52), Metadata = metadata });
    });

    [Fact]
    public void Each_heatmap_draws_one_flat_cell_per_pair_of_numeric_columns()
    {
        var page = HtmlReport.Write(Report.Value);

        // x, y and day are numeric: two 3 × 3 matrices, real and synthetic.
        var cells = Regex.Matches(page, "<rect class=\"cell\"[^>]*>(?:<title>([^<]*)</title>)");
        Assert.Equal(2 * 3 * 3, cells.Count);
        Assert.Contains(cells, c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value).StartsWith("x × y: +0.99", StringComparison.Ordinal));
        Assert.DoesNotContain("data:image", page); // no bitmap, which a browser would smooth across cells
    }

    [Fact]
    public void The_page_names_both_pair_trend_views_with_an_overall_each()
    {
        var report = Report.Value;
        var page = HtmlReport.Write(report);

        Assert.Contains("Pair trends (all pairs)", page);
        Assert.Contains("Pair trends (associated pairs, as SDMetrics)", page);
        Assert.Contains(EvaluationMarkdown.F(report.Quality.Overall), page);
        Assert.Contains(EvaluationMarkdown.F(report.Quality.AssociatedOverall), page);
        Assert.Contains("1 of 6 columns generated, not learned, so not scored: id (identifier)", page);
    }

    [Fact]
    public void Every_detector_is_listed_and_the_detection_card_uses_the_strongest()
    {
        var utility = new UtilityReport
        {
            Scores = [],
            Detections = [new DetectionScore("logistic regression", 0.51, 3, 400), new DetectionScore("gradient-boosted trees", 0.83, 3, 400)],
        };
        var report = Report.Value with { Utility = utility };
        var page = HtmlReport.Write(report);

        Assert.Matches("<td>logistic regression</td><td class=\"num\">0.510</td>", page);
        Assert.Matches("<td>gradient-boosted trees</td><td class=\"num\">0.830</td>", page);
        Assert.Contains(EvaluationMarkdown.Rows(report), r => r.Section == "Detection" && Math.Abs(r.Score!.Value - (1 - (0.83 * 2 - 1))) < 1e-12);
    }
}
