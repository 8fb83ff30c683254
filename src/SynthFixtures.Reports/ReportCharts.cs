using System.Globalization;
using System.Text;
using ScottPlot;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;

namespace SynthFixtures.Reports;

/// <summary>The report's charts as inline SVG: bars and histograms drawn with ScottPlot, the correlation heatmaps written cell by cell.</summary>
internal static class ReportCharts
{
    private static readonly Color RealColor = Color.FromHex("#4C72B0");
    private static readonly Color SyntheticColor = Color.FromHex("#DD8452");

    /// <summary>Real and synthetic shares per bin or category, side by side.</summary>
    public static string Distribution(ColumnDistribution column, string valueLabel = "share of rows")
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
        plot.YLabel(valueLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return Svg(plot, 420, 320);
    }

    /// <summary>
    /// A correlation matrix as a heatmap, −1 (blue) … 0 (white) … 1 (red), with column names on both axes: one SVG
    /// <c>rect class="cell"</c> per entry, flat-coloured with its value in a tooltip, so each pair reads as one cell
    /// (a bitmap heatmap is smoothed when the browser scales it, blending neighbouring pairs). An undefined value is grey.
    /// </summary>
    public static string Heatmap(string title, IReadOnlyList<string> names, double[,] values)
    {
        var n = names.Count;
        var cell = Math.Clamp(360 / Math.Max(1, n), 14, 40);
        const int left = 130, top = 120, legend = 60;
        var width = left + n * cell + legend;
        var height = top + n * cell + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\" shape-rendering=\"crispEdges\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"16\" font-size=\"14\" font-weight=\"600\">{Xml(title)}</text>");
        for (var i = 0; i < n; i++)
        {
            var y = top + i * cell;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{y + cell / 2 + 4}\" text-anchor=\"end\">{Xml(Shorten(names[i]))}</text>");
            var x = left + i * cell + cell / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({x + 4},{top - 4}) rotate(-60)\">{Xml(Shorten(names[i]))}</text>");
        }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var v = values[i, j];
                var text = double.IsNaN(v) ? "undefined" : v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"cell\" x=\"{left + j * cell}\" y=\"{top + i * cell}\" width=\"{cell}\" height=\"{cell}\" fill=\"{Diverging(v)}\" stroke=\"#fff\" stroke-width=\"1\"><title>{Xml($"{names[i]} × {names[j]}: {text}")}</title></rect>");
                if (cell >= 30 && !double.IsNaN(v))
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{left + j * cell + cell / 2}\" y=\"{top + i * cell + cell / 2 + 4}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{(Math.Abs(v) > 0.6 ? "#fff" : "#222")}\">{v.ToString("0.00", CultureInfo.InvariantCulture)}</text>");
            }
        // The legend: five flat steps from −1 to 1.
        var legendX = left + n * cell + 16;
        for (var k = 0; k < 5; k++)
        {
            var v = 1 - k * 0.5;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{top + k * 16}\" width=\"14\" height=\"16\" fill=\"{Diverging(v)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 18}\" y=\"{top + k * 16 + 12}\">{v.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>White at 0, towards red for +1 and blue for −1; grey for NaN.</summary>
    private static string Diverging(double value)
    {
        if (double.IsNaN(value)) return "#c8c8c8";
        var t = Math.Clamp(Math.Abs(value), 0, 1);
        var (r, g, b) = value >= 0 ? (0xB2, 0x18, 0x2B) : (0x21, 0x66, 0xAC);
        static int Mix(int to, double t) => (int)Math.Round(255 + (to - 255) * t);
        return $"#{Mix(r, t):X2}{Mix(g, t):X2}{Mix(b, t):X2}";
    }

    private static string Xml(string text) => System.Net.WebUtility.HtmlEncode(text);

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
