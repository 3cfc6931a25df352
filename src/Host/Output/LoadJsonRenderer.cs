using System.Globalization;
using System.Text;
using System.Text.Json;
using Crawler.Actors.Load;

namespace Crawler.Host.Output;

/// <summary>
/// `crawler load --json`: one object with the totals, both histograms as percentile tables (in
/// microseconds, fractional) and the per-second series. Written by hand with <see cref="Utf8JsonWriter"/>
/// so the shape is stable and nothing depends on reflection.
/// </summary>
internal static class LoadJsonRenderer
{
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("target", report.Target);
            w.WriteString("model", report.Model.ToString().ToLowerInvariant());
            w.WriteNumber("connections", report.Connections);
            if (report.Rate is { } rate)
            {
                w.WriteNumber("rate", rate);
            }

            w.WriteString("startedAt", report.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteNumber("elapsedSeconds", Math.Round(report.Elapsed.TotalSeconds, 6));
            w.WriteNumber("operations", report.Operations);
            w.WriteNumber("requests", report.Requests);
            w.WriteNumber("bytes", report.Bytes);
            w.WriteNumber("operationsPerSecond", Math.Round(report.OperationsPerSecond, 3));
            w.WriteNumber("requestsPerSecond", Math.Round(report.RequestsPerSecond, 3));
            w.WriteNumber("bytesPerSecond", Math.Round(report.BytesPerSecond, 3));
            w.WriteNumber("connectionsOpened", report.ConnectionsOpened);
            WriteHistogram(w, "latency", report.Latency);
            if (report.Uncorrected is { } u)
            {
                WriteHistogram(w, "uncorrectedLatency", u);
            }

            w.WriteStartObject("errors");
            foreach (var (kind, count) in report.Errors)
            {
                w.WriteNumber(kind.ToString().ToLowerInvariant(), count);
            }

            w.WriteEndObject();
            w.WriteStartObject("statusCodes");
            foreach (var (code, count) in report.StatusCodes)
            {
                w.WriteNumber(code.ToString(CultureInfo.InvariantCulture), count);
            }

            w.WriteEndObject();
            if (report.Model == LoadModel.Page)
            {
                w.WriteStartArray("requisites");
                foreach (var r in report.Requisites)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("series");
            foreach (var s in report.Series)
            {
                w.WriteStartObject();
                w.WriteNumber("second", s.Second);
                w.WriteNumber("operations", s.Requests);
                w.WriteNumber("errors", s.Errors);
                w.WriteNumber("bytes", s.Bytes);
                w.WriteNumber("p99Us", Micros(s.P99Nanoseconds));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteHistogram(Utf8JsonWriter w, string name, LatencyHistogram h)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", h.Count);
        w.WriteNumber("minUs", Micros(h.Min));
        w.WriteNumber("meanUs", Micros(h.Mean));
        w.WriteNumber("stdevUs", Micros(h.StdDev));
        w.WriteNumber("maxUs", Micros(h.Max));
        w.WriteStartObject("percentilesUs");
        foreach (var p in LoadReport.ReportedPercentiles)
        {
            w.WriteNumber(p.ToString("0.###", CultureInfo.InvariantCulture), Micros(h.Percentile(p)));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static double Micros(double nanoseconds) => Math.Round(nanoseconds / 1_000, 3);
}
