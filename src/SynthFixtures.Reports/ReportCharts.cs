using ScottPlot;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;

namespace SynthFixtures.Reports;

/// <summary>The report's charts, drawn with ScottPlot and exported as SVG (bitmaps, such as heatmap cells, as data URIs).</summary>
internal static class ReportCharts
{
    private static readonly Color RealColor = Color.FromHex("#4C72B0");
    private static readonly Color SyntheticColor = Color.FromHex("#DD8452");

    /// <summary>Real and synthetic shares per bin or category, side by side.</summary>
    public static string Distribution(ColumnDistribution column)
    {
        var plot = new Plot();
        var n = column.Labels.Count;
        AddBars(plot, Enumerable.Range(0, n).Select(i => i - 0.2).ToArray(), column.Real, RealColor, "real");
        AddBars(plot, Enumerable.Range(0, n).Select(i => i + 0.2).ToArray(), column.Synthetic, SyntheticColor, "synthetic");
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, n).Select(i => (double)i).ToArray(), column.Labels.Select(Shorten).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 70; // room for the rotated labels, which ScottPlot does not measure
        plot.Axes.Margins(bottom: 0);
        plot.Title(column.Column + (column.IsNumeric ? " (bins from)" : ""));
        plot.YLabel("share of rows");
        plot.ShowLegend(Alignment.UpperRight);
        return Svg(plot, 420, 320);
    }

    /// <summary>A correlation matrix as a heatmap, −1 … 1, with column names on both axes.</summary>
    public static string Heatmap(string title, IReadOnlyList<string> names, double[,] values)
    {
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.MellowRainbow();
        heatmap.ManualRange = new ScottPlot.Range(-1, 1);
        plot.Add.ColorBar(heatmap);
        var n = names.Count;
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, names.Select(Shorten).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 70; // room for the rotated labels, which ScottPlot does not measure
        // Row 0 of the matrix is drawn at the top.
        plot.Axes.Left.SetTicks(positions.Select(p => n - 1 - p).ToArray(), names.Select(Shorten).ToArray());
        plot.Title(title);
        return Svg(plot, 460, 420);
    }

    /// <summary>Histograms of two sets of distances over [0, max].</summary>
    public static string DistanceHistogram(IReadOnlyList<double> synthetic, IReadOnlyList<double> random)
    {
        const int bins = 30;
        var max = Math.Max(synthetic.DefaultIfEmpty(0).Max(), random.DefaultIfEmpty(0).Max());
        if (max <= 0) max = 1;
        var width = max / bins;
        double[] Shares(IReadOnlyList<double> values)
        {
            var counts = new double[bins];
            foreach (var v in values) counts[Math.Min(bins - 1, (int)(v / width))]++;
            return counts.Select(c => c / Math.Max(1, values.Count)).ToArray();
        }
        var plot = new Plot();
        var centres = Enumerable.Range(0, bins).Select(i => (i + 0.5) * width).ToArray();
        AddBars(plot, centres, Shares(random), RealColor.WithAlpha(0.6), "random baseline rows", width);
        AddBars(plot, centres, Shares(synthetic), SyntheticColor.WithAlpha(0.75), "synthetic rows", width);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Distance to the closest training row (DCR)");
        plot.XLabel("DCR (mean per-column distance)");
        plot.YLabel("share of rows");
        plot.ShowLegend(Alignment.UpperRight);
        return Svg(plot, 640, 320);
    }

    private static void AddBars(Plot plot, double[] positions, IReadOnlyList<double> values, Color color, string label, double size = 0.4)
    {
        var bars = plot.Add.Bars(positions, values.ToArray());
        foreach (var bar in bars.Bars)
        {
            bar.FillColor = color;
            bar.LineWidth = 0;
            bar.Size = size;
        }
        bars.LegendText = label;
    }

    private static string Shorten(string label) => label.Length > 18 ? label[..17] + "…" : label;

    private static string Svg(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
