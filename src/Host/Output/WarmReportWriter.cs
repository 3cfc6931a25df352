using System.Globalization;
using System.Text.Json;
using Crawler.Actors.Warm;

namespace Crawler.Host.Output;

/// <summary>
/// The warm report: a table per round (status, bytes, time, cache status per resource), the round's warnings (a page
/// whose requisites were not warmed must say so) and the hit-ratio trend.
/// </summary>
internal static class WarmReportWriter
{
    public static async Task WriteTextAsync(TextWriter output, IReadOnlyList<WarmRound> rounds)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rounds);
        foreach (var round in rounds)
        {
            if (rounds.Count > 1)
            {
                await output.WriteLineAsync($"Round {round.Number}");
            }

            var outcomes = round.Result.Outcomes;
            await output.WriteLineAsync($"{"STATUS",6}  {"BYTES",10}  {"TIME",9}  {"CACHE",-7}  URL");
            foreach (var o in outcomes)
            {
                var status = o.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "ERR";
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{status,6}  {o.Bytes,10}  {ProgressUnits.Duration(o.Elapsed),9}  {o.Cache,-7}  {o.Url}");
                if (o.Error is { } error)
                {
                    line += $"  ({error}{(o.Referrer is { } r ? $", needed by {r}" : "")})";
                }

                await output.WriteLineAsync(line);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{outcomes.Count} resources, {round.Broken} broken, {ProgressUnits.Bytes(round.Result.Stats.Bytes)}, cache hits {round.Hits}/{outcomes.Count} ({round.HitRatio:P0})"));
            foreach (var warning in round.Result.Warnings)
            {
                await output.WriteLineAsync("  warning: " + warning);
            }
        }

        if (rounds.Count > 1)
        {
            var first = rounds[0].HitRatio;
            var last = rounds[^1].HitRatio;
            var trend = last > first ? "rose" : last < first ? "fell" : "stayed";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Hit ratio {trend}: {string.Join(" -> ", rounds.Select(r => r.HitRatio.ToString("P0", CultureInfo.InvariantCulture)))}"));
        }
    }

    public static async Task WriteJsonAsync(Stream output, IReadOnlyList<WarmRound> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("rounds");
        foreach (var round in rounds)
        {
            json.WriteStartObject();
            json.WriteNumber("round", round.Number);
            json.WriteNumber("hitRatio", Math.Round(round.HitRatio, 4));
            json.WriteNumber("broken", round.Broken);
            json.WriteStartArray("resources");
            foreach (var outcome in round.Result.Outcomes)
            {
                CrawlReportWriter.WriteOutcome(json, outcome);
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in round.Result.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }
}
