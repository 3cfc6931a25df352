using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Actors.Runtime;
using Crawler.Actors.Stats;
using Crawler.Protocol;
using Crawler.Protocol.Urls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Actors.Crawl;

/// <summary>
/// Runs one crawl end to end: an actor system, the shared <see cref="CrawlerClient"/>, the sink (mirror or memory),
/// the <see cref="CrawlSupervisor"/>; returns its result. <c>stop</c> is the graceful Ctrl+C (in-flight requests finish,
/// the result still comes back, marked cancelled); <c>abort</c> cancels the requests themselves.
/// </summary>
public static class CrawlJob
{
    public static async Task<CrawlResult> RunAsync(CrawlJobOptions options, CrawlStats stats, CancellationToken stop, CancellationToken abort = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stats);
        var fetcher = options.Fetcher;
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(typeof(CrawlJob).FullName!);
        MirrorWriter? writer = options.OutputDirectory is { } output ? new MirrorWriter(output, new MirrorLayout { HostDirectories = options.HostDirectories, Options = options.Mirror }) : null;
        var crawl = options.Crawl;

        // Declared before the actor system, so it is disposed (flushed) after the system has stopped the supervisor.
        using var journal = writer is null ? null : OpenJournal(options, writer, logger, ref crawl);
        await using var client = new CrawlerClient(ClientFor(options.Client, fetcher.PerHost), options.TimeProvider);
        await using var system = new ActorSystem("crawl", options.TimeProvider, options.LoggerFactory);
        IDocumentSink sink = writer is null
            ? new MemorySink { MaxParsedBytes = fetcher.MaxParsedBytes }
            : new MirrorSink(writer) { MaxParsedBytes = fetcher.MaxParsedBytes };
        var robots = new RobotsCache(client, RobotsRules.For(ProductToken(fetcher.UserAgent), fetcher.MaxRobotsBytes), fetcher.Headers)
        {
            MaxBytes = fetcher.MaxRobotsBytes,
            MaxCrawlDelay = fetcher.MaxCrawlDelay,
        };
        var work = new FetchWork(client, new FetchResilience(options.Resilience, options.TimeProvider), new HostPoliteness(fetcher.PerHost, fetcher.Delay, options.TimeProvider),
            robots, sink, fetcher, options.TimeProvider);

        if (options.UseSitemap)
        {
            crawl = crawl with { SitemapSeeds = token => LoadSitemapsAsync(client, crawl.Seeds, fetcher.Headers, options.Sitemap, logger, token) };
        }

        if (options.ConvertLinks && writer is not null)
        {
            crawl = crawl with { ConvertLinks = (outcomes, token) => LinkConversion.ConvertAsync(writer, outcomes, token) };
        }

        var supervisor = system.ActorOf(Props.Create(() => new CrawlSupervisor(crawl, work, null, stats, abort)), "crawl");
        using var onStop = stop.Register(() => supervisor.Tell(StopCrawl.Instance));
        return await supervisor.Ask<CrawlResult>(StartCrawl.Instance, Timeout.InfiniteTimeSpan, CancellationToken.None);
    }

    /// <summary>
    /// The journal that makes the crawl resumable, and with --continue the earlier run's outcomes it replays: each
    /// saved file keeps its name in the layout, and an outcome whose file cannot keep it (or lies outside the mirror)
    /// is dropped, so the URL is fetched again and placed afresh.
    /// </summary>
    private static CrawlJournal? OpenJournal(CrawlJobOptions options, MirrorWriter writer, ILogger logger, ref CrawlOptions crawl)
    {
        writer.Layout.Reserve(CrawlJournal.FileName);
        if (options.Continue)
        {
            var earlier = CrawlJournal.Load(writer.Root, out var unreadable);
            foreach (var (url, outcome) in earlier.ToArray())
            {
                if (outcome.SavedPath is { } saved && !(IsInsideMirror(writer, saved) && writer.Layout.Reserve(url, saved)))
                {
                    earlier.Remove(url);
                }
            }

            logger.LogContinuing(earlier.Count, writer.Root, unreadable);
            crawl = crawl with { Earlier = earlier };
        }
        else if (options.Journal && CrawlJournal.Exists(writer.Root))
        {
            // Starting over is what was asked for, but a forgotten --continue costs the whole earlier crawl.
            logger.LogStartingAfresh(writer.Root);
        }

        if (!options.Journal)
        {
            return null;
        }

        var journal = CrawlJournal.Open(writer.Root, append: options.Continue);
        crawl = crawl with { RecordOutcome = journal.Record };
        return journal;
    }

    // A journal is a file anyone could have edited: a path that would leave the mirror is not an earlier run's file.
    private static bool IsInsideMirror(MirrorWriter writer, string relativePath)
    {
        try
        {
            writer.FullPath(relativePath);
            return true;
        }
        catch (UnsafePathException)
        {
            return false;
        }
    }

    /// <summary>
    /// The client options with room for <paramref name="perHost"/> connections to one origin. An HTTP/1.1 request in
    /// flight holds a connection of its own, so a pool smaller than per-host (the client's default is a browser's 6)
    /// would quietly cap the requests in flight below what per-host asks for, leaving the server idle between them.
    /// </summary>
    public static ClientOptions ClientFor(ClientOptions client, int perHost)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.MaxConnectionsPerOrigin >= perHost ? client : client with { MaxConnectionsPerOrigin = perHost };
    }

    /// <summary>The robots.txt product token of a User-Agent: "crawler/0.1 (+url)" matches groups for "crawler".</summary>
    public static string ProductToken(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        var token = userAgent.Split([' ', '/'], 2, StringSplitOptions.RemoveEmptyEntries);
        return token.Length > 0 ? token[0] : "crawler";
    }

    private static async Task<IReadOnlyList<Url>> LoadSitemapsAsync(CrawlerClient client, IReadOnlyList<Url> seeds,
        IReadOnlyList<KeyValuePair<string, string>> headers, SitemapOptions limits, ILogger logger, CancellationToken cancellationToken)
    {
        var found = new List<Url>();
        var pending = new Queue<Url>(seeds.Select(s => s.Resolve("/sitemap.xml")).Distinct());
        var read = 0;
        while (pending.Count > 0 && read < limits.MaxFiles)
        {
            var location = pending.Dequeue();
            read++;
            await using var response = await client.SendAsync(new FetchRequest(location) { Headers = headers, UseCache = false }, cancellationToken);
            if (response.StatusCode != 200)
            {
                continue;
            }

            var sitemap = SitemapParser.Parse(response.Body, response.Url, limits.MaxUrls, limits.MaxChars);
            if (sitemap.Truncated)
            {
                logger.LogSitemapTruncated(response.Url.ToString(), limits.MaxUrls);
            }

            if (sitemap.Error is { } error)
            {
                logger.LogSitemapBroken(response.Url.ToString(), error);
            }

            foreach (var url in sitemap.Locations)
            {
                if (sitemap.Kind == SitemapKind.Index)
                {
                    pending.Enqueue(url);
                }
                else
                {
                    found.Add(url);
                }
            }
        }

        if (pending.Count > 0)
        {
            logger.LogSitemapFilesCapped(pending.Count, limits.MaxFiles);
        }

        return found;
    }
}
