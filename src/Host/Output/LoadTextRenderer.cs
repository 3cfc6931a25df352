using System.Globalization;
using Crawler.Actors.Load;

namespace Crawler.Host.Output;

/// <summary>The wrk-like plain-text summary printed at the end of `crawler load`.</summary>
internal static class LoadTextRenderer
{
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        var w = new StringWriter(inv) { NewLine = "\n" };
        var what = report.Model == LoadModel.Page ? "pages" : "requests";

        w.WriteLine($"Load test @ {report.Target}");
        w.WriteLine(report.Model switch
        {
            LoadModel.Open => string.Create(inv, $"  open model: {report.Rate:0.##} req/s over {report.Connections} connections, latency from the schedule"),
            LoadModel.Page => $"  page model: {report.Connections} virtual users, page + {report.Requisites.Count} requisites, up to 6 connections per host",
            _ => $"  closed model: {report.Connections} keep-alive connections",
        });

        var h = report.Latency;
        w.WriteLine($"  {"Latency",-10}{"Avg",10}{"Stdev",10}{"Max",10}");
        w.WriteLine($"  {(report.Model == LoadModel.Page ? "page" : "request"),-10}{LoadUnits.Duration(h.Mean),10}{LoadUnits.Duration(h.StdDev),10}{LoadUnits.Duration(h.Max),10}");
        if (report.Uncorrected is { } u)
        {
            w.WriteLine($"  {"uncorr.",-10}{LoadUnits.Duration(u.Mean),10}{LoadUnits.Duration(u.StdDev),10}{LoadUnits.Duration(u.Max),10}");
        }

        w.WriteLine(report.Uncorrected is null
            ? "  Latency distribution"
            : $"  Latency distribution {"corrected",12}{"uncorrected",14}");
        foreach (var p in LoadReport.ReportedPercentiles)
        {
            var line = $"  {LoadUnits.Percent(p),10}{LoadUnits.Duration(h.Percentile(p)),13}";
            if (report.Uncorrected is { } uc)
            {
                line += $"{LoadUnits.Duration(uc.Percentile(p)),14}";
            }

            w.WriteLine(line);
        }

        w.WriteLine(string.Create(inv, $"  {report.Operations} {what} in {report.Elapsed.TotalSeconds:0.00}s, {LoadUnits.Bytes(report.Bytes)} read"));
        if (report.Model == LoadModel.Page)
        {
            w.WriteLine($"  {report.Requests} HTTP requests");
        }

        var errors = report.Errors;
        if (report.TotalErrors > 0)
        {
            w.WriteLine($"  Errors: connect {errors[LoadErrorKind.Connect]}, timeout {errors[LoadErrorKind.Timeout]}, read {errors[LoadErrorKind.Read]}, protocol {errors[LoadErrorKind.Protocol]}, status>=400 {errors[LoadErrorKind.Status]}");
        }

        if (report.StatusCodes.Count > 0)
        {
            w.WriteLine("  Status codes: " + string.Join(", ", report.StatusCodes.Select(kv => $"{kv.Key.ToString(inv)} x{kv.Value.ToString(inv)}")));
        }

        w.WriteLine(string.Create(inv, $"{(report.Model == LoadModel.Page ? "Pages" : "Requests")}/sec: {report.OperationsPerSecond,10:0.00}"));
        if (report.Model == LoadModel.Page)
        {
            w.WriteLine(string.Create(inv, $"Requests/sec: {report.RequestsPerSecond,10:0.00}"));
        }

        w.WriteLine($"Transfer/sec: {LoadUnits.Bytes(report.BytesPerSecond),10}");
        return w.ToString();
    }
}
