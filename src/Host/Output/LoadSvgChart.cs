using System.Globalization;
using System.Net;
using System.Text;

namespace Crawler.Host.Output;

/// <summary>
/// Draws a line chart as inline SVG, so the HTML report opens without network or scripts. Deliberately
/// small: linear axes (callers pre-transform x for log-scale plots), "nice" y ticks from 0, a legend.
/// </summary>
internal static class LoadSvgChart
{
    private const int Width = 860;
    private const int Height = 320;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 34;
    private const int Bottom = 44;

    public static string Render(
        string title,
        IReadOnlyList<LoadChartSeries> series,
        IReadOnlyList<(double X, string Label)> xTicks,
        string xTitle,
        string yTitle,
        Func<double, string> yFormat)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(xTicks);
        ArgumentNullException.ThrowIfNull(yFormat);
        var all = series.SelectMany(s => s.Points).ToList();
        var xs = all.Select(p => p.X).Concat(xTicks.Select(t => t.X)).DefaultIfEmpty(0).ToList();
        var xMin = xs.Min();
        var xMax = Math.Max(xs.Max(), xMin + 1);
        var yMax = NiceCeiling(all.Select(p => p.Y).DefaultIfEmpty(0).Max());
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Px(double x) => Left + ((x - xMin) / (xMax - xMin) * plotW);
        double Py(double y) => Top + plotH - (y / yMax * plotH);

        var sb = new StringBuilder();
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Encode(title)}\">"));
        sb.Append(Inv($"<text x=\"{Left}\" y=\"20\" class=\"title\">{Encode(title)}</text>"));
        for (var i = 0; i <= 5; i++)
        {
            var y = yMax * i / 5;
            var py = Py(y);
            sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{py:0.#}\" x2=\"{Width - Right}\" y2=\"{py:0.#}\" class=\"grid\"/>"));
            sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{py + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{Encode(yFormat(y))}</text>"));
        }

        foreach (var (x, label) in xTicks)
        {
            var px = Px(x);
            sb.Append(Inv($"<line x1=\"{px:0.#}\" y1=\"{Top}\" x2=\"{px:0.#}\" y2=\"{Top + plotH}\" class=\"grid\"/>"));
            sb.Append(Inv($"<text x=\"{px:0.#}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\" class=\"tick\">{Encode(label)}</text>"));
        }

        sb.Append(Inv($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" class=\"frame\"/>"));
        sb.Append(Inv($"<text x=\"{Left + (plotW / 2)}\" y=\"{Height - 6}\" text-anchor=\"middle\" class=\"axis\">{Encode(xTitle)}</text>"));
        sb.Append(Inv($"<text transform=\"translate(14 {Top + (plotH / 2)}) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">{Encode(yTitle)}</text>"));

        var legendX = Width - Right - 10;
        foreach (var s in series.Reverse())
        {
            if (s.Points.Count > 0)
            {
                var path = string.Join(' ', s.Points.Select((p, i) => Inv($"{(i == 0 ? 'M' : 'L')}{Px(p.X):0.##},{Py(p.Y):0.##}")));
                sb.Append(Inv($"<path d=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"><title>{Encode(s.Name)}</title></path>"));
            }

            var labelWidth = 8 * s.Name.Length;
            legendX -= labelWidth + 24;
            sb.Append(Inv($"<rect x=\"{legendX}\" y=\"12\" width=\"14\" height=\"4\" fill=\"{s.Color}\"/>"));
            sb.Append(Inv($"<text x=\"{legendX + 18}\" y=\"18\" class=\"tick\">{Encode(s.Name)}</text>"));
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The smallest 1, 2, 2.5 or 5 × 10^k at or above <paramref name="value"/>, so y ticks read well.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            if (step * magnitude >= value * 0.999_999)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
