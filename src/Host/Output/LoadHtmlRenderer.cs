using System.Globalization;
using System.Net;
using System.Text;
using Crawler.Actors.Load;

namespace Crawler.Host.Output;

/// <summary>
/// `crawler load --report FILE.html`: one self-contained page (inline CSS and SVG, no scripts, no
/// network) with the summary, latency by percentile on HdrHistogram's log axis, and the per-second
/// operations and p99 series.
/// </summary>
internal static class LoadHtmlRenderer
{
    private const string CorrectedColor = "#d9480f";
    private const string UncorrectedColor = "#1c7ed6";
    private const string RateColor = "#2b8a3e";

    // HdrHistogram plots stop at 99.999 %; beyond log10(count) there are no samples to show anyway.
    private const double MaxNines = 5;

    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<title>crawler load: ").Append(Encode(report.Target)).Append("</title>");
        sb.Append("""
            <style>
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:24px;color:#212529;max-width:900px}
            h1{font-size:20px} h2{font-size:16px;margin-top:28px}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums} td,th{padding:3px 12px;border-bottom:1px solid #dee2e6;text-align:right}
            th:first-child,td:first-child{text-align:left}
            svg .title{font-size:14px;font-weight:600} svg .tick{font-size:11px;fill:#495057} svg .axis{font-size:12px;fill:#212529}
            svg .grid{stroke:#e9ecef} svg .frame{fill:none;stroke:#adb5bd}
            pre{background:#f8f9fa;padding:12px;overflow:auto}
            </style></head><body>
            """);
        sb.Append("<h1>Load test of ").Append(Encode(report.Target)).Append("</h1>");
        sb.Append("<p>").Append(Encode(Describe(report))).Append("</p>");

        sb.Append("<h2>Summary</h2><table>");
        Row(sb, report.Model == LoadModel.Page ? "Pages" : "Requests", report.Operations.ToString(CultureInfo.InvariantCulture));
        Row(sb, report.Model == LoadModel.Page ? "Pages/s" : "Requests/s", LoadUnits.Number(report.OperationsPerSecond));
        if (report.Model == LoadModel.Page)
        {
            Row(sb, "HTTP requests", report.Requests.ToString(CultureInfo.InvariantCulture));
        }

        Row(sb, "Transfer/s", LoadUnits.Bytes(report.BytesPerSecond));
        Row(sb, "Duration", LoadUnits.Number(report.Elapsed.TotalSeconds) + "s");
        foreach (var (kind, count) in report.Errors)
        {
            Row(sb, "Errors: " + kind.ToString().ToLowerInvariant(), count.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (code, count) in report.StatusCodes)
        {
            Row(sb, "Status " + code.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append("</table>");

        sb.Append("<h2>Latency</h2><table><tr><th>percentile</th><th>")
            .Append(report.Uncorrected is null ? "latency" : "corrected (from schedule)").Append("</th>");
        if (report.Uncorrected is not null)
        {
            sb.Append("<th>uncorrected (from send)</th>");
        }

        sb.Append("</tr>");
        foreach (var p in LoadReport.ReportedPercentiles)
        {
            sb.Append("<tr><td>").Append(LoadUnits.Percent(p)).Append("</td><td>").Append(LoadUnits.Duration(report.Latency.Percentile(p))).Append("</td>");
            if (report.Uncorrected is { } u)
            {
                sb.Append("<td>").Append(LoadUnits.Duration(u.Percentile(p))).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("<tr><td>mean ± stdev</td><td>").Append(LoadUnits.Duration(report.Latency.Mean)).Append(" ± ").Append(LoadUnits.Duration(report.Latency.StdDev)).Append("</td>");
        if (report.Uncorrected is { } uc)
        {
            sb.Append("<td>").Append(LoadUnits.Duration(uc.Mean)).Append(" ± ").Append(LoadUnits.Duration(uc.StdDev)).Append("</td>");
        }

        sb.Append("</tr></table>");

        sb.Append(PercentileChart(report));
        sb.Append(SeriesCharts(report));

        if (report.Requisites.Count > 0)
        {
            sb.Append("<h2>Page requisites</h2><ul>");
            foreach (var r in report.Requisites)
            {
                sb.Append("<li>").Append(Encode(r)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("<h2>Text report</h2><pre>").Append(Encode(LoadTextRenderer.Render(report))).Append("</pre>");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>x = log10(1 / (1 - p)): 0 is the median's left edge, 1 is 90 %, 2 is 99 %, …</summary>
    internal static double NinesOf(double percentile) => -Math.Log10(1 - (percentile / 100));

    private static string PercentileChart(LoadReport report)
    {
        var count = Math.Max(report.Latency.Count, report.Uncorrected?.Count ?? 0);
        var maxNines = Math.Clamp(Math.Ceiling(Math.Log10(Math.Max(count, 10))), 1, MaxNines);
        var series = new List<LoadChartSeries>
        {
            new(report.Uncorrected is null ? "latency" : "corrected", CorrectedColor, Curve(report.Latency, maxNines)),
        };
        if (report.Uncorrected is { } u)
        {
            series.Add(new LoadChartSeries("uncorrected", UncorrectedColor, Curve(u, maxNines)));
        }

        var ticks = Enumerable.Range(0, (int)maxNines + 1)
            .Select(n => ((double)n, n == 0 ? "0%" : LoadUnits.Percent(100 * (1 - Math.Pow(10, -n)))))
            .ToList();
        return "<h2>Latency by percentile</h2>" + LoadSvgChart.Render(
            "Latency by percentile (log scale of 1/(1-p))", series, ticks, "percentile", "latency (ms)", Milliseconds);
    }

    private static List<(double X, double Y)> Curve(LatencyHistogram h, double maxNines)
    {
        var points = new List<(double X, double Y)>();
        if (h.Count == 0)
        {
            return points;
        }

        for (var x = 0.0; x < maxNines; x += 0.02)
        {
            var p = 100 * (1 - Math.Pow(10, -x));
            points.Add((x, h.Percentile(p) / 1e6));
        }

        points.Add((maxNines, h.Max / 1e6));
        return points;
    }

    private static string SeriesCharts(LoadReport report)
    {
        var seconds = report.Series;
        var step = Math.Max(1, (int)Math.Ceiling(seconds.Count / 10.0));
        var ticks = Enumerable.Range(0, seconds.Count + 1).Where(s => s % step == 0)
            .Select(s => ((double)s, s.ToString(CultureInfo.InvariantCulture) + "s")).ToList();
        var rate = seconds.Select(s => ((double)s.Second + 0.5, (double)s.Requests)).ToList();
        var p99 = seconds.Select(s => ((double)s.Second + 0.5, s.P99Nanoseconds / 1e6)).ToList();
        var what = report.Model == LoadModel.Page ? "pages/s" : "requests/s";
        return "<h2>Over time</h2>"
            + LoadSvgChart.Render(what + " per second", [new LoadChartSeries(what, RateColor, rate)], ticks, "time since start", what, v => v.ToString("0", CultureInfo.InvariantCulture))
            + LoadSvgChart.Render("p99 latency per second", [new LoadChartSeries("p99", CorrectedColor, p99)], ticks, "time since start", "p99 (ms)", Milliseconds);
    }

    private static string Milliseconds(double ms) => ms.ToString(ms < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture);

    private static string Describe(LoadReport r) => r.Model switch
    {
        LoadModel.Open => string.Create(CultureInfo.InvariantCulture, $"Open model: {r.Rate:0.##} requests/s over {r.Connections} connections; corrected latency counts from each request's scheduled time. Started {r.StartedAt:u}, ran {r.Elapsed.TotalSeconds:0.00}s."),
        LoadModel.Page => string.Create(CultureInfo.InvariantCulture, $"Page model: {r.Connections} virtual users each loading the page and its {r.Requisites.Count} requisites. Started {r.StartedAt:u}, ran {r.Elapsed.TotalSeconds:0.00}s."),
        _ => string.Create(CultureInfo.InvariantCulture, $"Closed model: {r.Connections} keep-alive connections. Started {r.StartedAt:u}, ran {r.Elapsed.TotalSeconds:0.00}s."),
    };

    private static void Row(StringBuilder sb, string name, string value)
        => sb.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Encode(value)).Append("</td></tr>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
