using Crawler.Actors.Stats;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Crawler.Host.Output;

/// <summary>
/// Shows a running crawl: on a terminal a live Spectre.Console panel on stderr (done, queued, in flight, rate, bytes,
/// errors); when stderr is piped, a plain log line every few seconds through the logger, so logs stay greppable.
/// </summary>
internal static class ProgressDisplay
{
    // Fast enough to feel live, slow enough not to cost the crawl anything.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    // Piped output gets a line this often: a heartbeat, not a flood.
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs until <paramref name="done"/> fires; <paramref name="stats"/> is read for each frame.</summary>
    public static async Task RunAsync(Func<CrawlStats> stats, bool live, ILogger logger, string title, CancellationToken done)
    {
        if (live)
        {
            await RunLiveAsync(stats, title, done);
            return;
        }

        while (!done.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(LogInterval, done);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var s = stats().Snapshot();
            ProgressLog.Progress(logger, title, s.Done, s.Queued, s.InFlight, s.UrlsPerSecond, s.Bytes, s.Failed);
        }
    }

    public static string Line(StatsSnapshot s) =>
        $"done {s.Done}  queued {s.Queued}  in flight {s.InFlight}  {s.UrlsPerSecond:0.0}/s  {ProgressUnits.Bytes(s.Bytes)}  errors {s.Failed}";

    private static async Task RunLiveAsync(Func<CrawlStats> stats, string title, CancellationToken done)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Live(Render(stats().Snapshot(), title)).AutoClear(true).StartAsync(async context =>
        {
            while (!done.IsCancellationRequested)
            {
                context.UpdateTarget(Render(stats().Snapshot(), title));
                context.Refresh();
                try
                {
                    await Task.Delay(RefreshInterval, done);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    private static Table Render(StatsSnapshot s, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in new[] { "done", "queued", "in flight", "rate", "bytes", "errors" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddRow(
            s.Done.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            s.Queued.ToString(System.Globalization.CultureInfo.InvariantCulture),
            s.InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{s.UrlsPerSecond:0.0}/s",
            ProgressUnits.Bytes(s.Bytes),
            s.Failed > 0 ? $"[red]{s.Failed}[/]" : "0");
        return table;
    }
}
