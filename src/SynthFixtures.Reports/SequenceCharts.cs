using ScottPlot;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Sequences;

namespace SynthFixtures.Reports;

/// <summary>The sequence report's charts as inline SVG: a real and a synthetic sequence drawn over the step number, and autocorrelation by lag.</summary>
internal static class SequenceCharts
{
    private static readonly Color RealColor = Color.FromHex("#4C72B0");
    private static readonly Color SyntheticColor = Color.FromHex("#DD8452");

    /// <summary>One real and one synthetic sequence as two lines over the step number; a missing value is skipped (the line joins its neighbours).</summary>
    public static string Sequence(SequencePlot plot)
    {
        var chart = new Plot();
        AddLine(chart, plot.Real, RealColor, $"real: {plot.RealEntity}");
        AddLine(chart, plot.Synthetic, SyntheticColor, $"synthetic: {plot.SyntheticEntity}");
        chart.Title(plot.Column);
        chart.XLabel("step");
        chart.YLabel(plot.Column);
        chart.ShowLegend(Alignment.UpperRight);
        return Svg(chart, 640, 300);
    }

    /// <summary>Mean autocorrelation by lag, real and synthetic side by side (a lag no entity defines is drawn at 0).</summary>
    public static string Autocorrelation(AutocorrelationScore score) =>
        ReportCharts.Distribution(new ColumnDistribution($"{score.Column}: autocorrelation", false,
            Enumerable.Range(1, score.Real.Count).Select(k => $"lag {k}").ToArray(),
            score.Real.Select(v => v ?? 0).ToArray(), score.Synthetic.Select(v => v ?? 0).ToArray()), "mean ACF over entities");

    private static void AddLine(Plot chart, IReadOnlyList<double> values, Color color, string label)
    {
        var steps = Enumerable.Range(0, values.Count).Where(t => !double.IsNaN(values[t])).ToArray();
        if (steps.Length == 0) return;
        var line = chart.Add.Scatter(steps.Select(t => (double)t).ToArray(), steps.Select(t => values[t]).ToArray());
        line.Color = color;
        line.MarkerSize = steps.Length == 1 ? 5 : 0;
        line.LineWidth = 1.5f;
        line.LegendText = label;
    }

    private static string Svg(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
