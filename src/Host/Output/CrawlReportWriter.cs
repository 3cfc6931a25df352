using System.Globalization;
using System.Text.Json;
using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;

namespace Crawler.Host.Output;

/// <summary>The final crawl report: a text summary with every failure and its referrer, or (--json) every URL's outcome.</summary>
internal static class CrawlReportWriter
{
    // A crawl with thousands of failures would bury the summary; the JSON report always has them all.
    public const int MaxListedFailures = 50;

    public static async Task WriteTextAsync(TextWriter output, CrawlResult result, string? outputDirectory, bool journalled = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Stats;
        var verb = result.Cancelled ? "Stopped after" : "Crawled";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{verb} {s.Done} URLs in {ProgressUnits.Duration(s.Elapsed)}: {s.Succeeded} ok, {s.Failed} failed, {ProgressUnits.Bytes(s.Bytes)} ({s.UrlsPerSecond:0.0} URLs/s)"));
        if (outputDirectory is not null)
        {
            // Distinct paths: a directory URL and its index.html share one file.
            var saved = result.Outcomes.Where(o => o.SavedPath is not null).Select(o => o.SavedPath).Distinct(StringComparer.Ordinal).Count();
            await output.WriteLineAsync($"Saved {saved} files under {outputDirectory}" + (result.LinksConverted > 0 ? $", links converted in {result.LinksConverted}" : ""));
        }

        if (s.Resumed > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Continued: {s.Resumed} of these URLs were finished by an earlier run (from its journal and the mirror)"));
        }

        if (result.Cancelled && journalled)
        {
            await output.WriteLineAsync("Run the same command with --continue to finish the crawl");
        }

        if (result.Skipped.Count > 0)
        {
            await output.WriteLineAsync($"Skipped {result.Skipped.Count} URLs disallowed by robots.txt");
        }

        if (s.StatusCodes.Count > 0)
        {
            await output.WriteLineAsync("Status codes: " + string.Join(", ", s.StatusCodes.Select(p => $"{p.Key} x{p.Value}")));
        }

        var failures = result.Outcomes.Where(o => !o.IsSuccess).ToArray();
        foreach (var failure in failures.Take(MaxListedFailures))
        {
            await output.WriteLineAsync($"  FAILED {failure.Url}: {failure.Error}" + (failure.Referrer is { } r ? $" (linked from {r})" : ""));
        }

        if (failures.Length > MaxListedFailures)
        {
            await output.WriteLineAsync($"  ... and {failures.Length - MaxListedFailures} more (use --json for all)");
        }

        foreach (var warning in result.Warnings)
        {
            await output.WriteLineAsync("  warning: " + warning);
        }
    }

    public static async Task WriteJsonAsync(Stream output, CrawlResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteBoolean("cancelled", result.Cancelled);
        json.WriteStartObject("summary");
        json.WriteNumber("done", result.Stats.Done);
        json.WriteNumber("succeeded", result.Stats.Succeeded);
        json.WriteNumber("failed", result.Stats.Failed);
        json.WriteNumber("bytes", result.Stats.Bytes);
        json.WriteNumber("resumed", result.Stats.Resumed);
        json.WriteNumber("elapsedMs", Math.Round(result.Stats.Elapsed.TotalMilliseconds, 1));
        json.WriteNumber("skippedByRobots", result.Skipped.Count);
        json.WriteNumber("linksConverted", result.LinksConverted);
        json.WriteEndObject();
        json.WriteStartArray("urls");
        foreach (var outcome in result.Outcomes)
        {
            WriteOutcome(json, outcome);
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var skipped in result.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("url", skipped.Job.Url.ToString());
            json.WriteString("reason", skipped.Reason);
            WriteNullable(json, "referrer", skipped.Job.Referrer?.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in result.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    /// <summary>
    /// One URL's outcome: status, bytes, time, error, referrer, depth, and whether it came from an earlier run's
    /// journal (crawl --continue) rather than the network (shared with the warm report).
    /// </summary>
    public static void WriteOutcome(Utf8JsonWriter json, UrlOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(outcome);
        json.WriteStartObject();
        json.WriteString("url", outcome.Url.ToString());
        if (outcome.StatusCode is { } status)
        {
            json.WriteNumber("status", status);
        }
        else
        {
            json.WriteNull("status");
        }

        json.WriteNumber("bytes", outcome.Bytes);
        json.WriteNumber("timeMs", Math.Round(outcome.Elapsed.TotalMilliseconds, 1));
        WriteNullable(json, "error", outcome.Error?.Message);
        WriteNullable(json, "errorKind", outcome.Error?.Kind.ToString());
        WriteNullable(json, "referrer", outcome.Referrer?.ToString());
        json.WriteNumber("depth", outcome.Depth);
        json.WriteBoolean("requisite", outcome.IsRequisite);
        json.WriteNumber("attempts", outcome.Attempts);
        WriteNullable(json, "contentType", outcome.ContentType);
        WriteNullable(json, "savedPath", outcome.SavedPath);
        WriteNullable(json, "redirectTo", outcome.RedirectTarget?.ToString());
        json.WriteString("cache", outcome.Cache.ToString());
        json.WriteBoolean("resumed", outcome.Resumed);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
