using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Actors.Runtime;
using Crawler.Actors.Stats;
using Crawler.Protocol;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// Runs one crawl end to end: an actor system, the shared <see cref="CrawlerClient"/>, the sink (mirror or memory),
/// the <see cref="CrawlSupervisor"/>; returns its result. <c>stop</c> is the graceful Ctrl+C (in-flight requests finish,
/// the result still comes back, marked cancelled); <c>abort</c> cancels the requests themselves.
/// </summary>
public static class CrawlJob
{
    // A sitemap index may point at many sitemaps; reading the first few is enough to seed a crawl, and bounds the work.
    public const int MaxNestedSitemaps = 16;

    public static async Task<CrawlResult> RunAsync(CrawlJobOptions options, CrawlStats stats, CancellationToken stop, CancellationToken abort = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stats);
        var fetcher = options.Fetcher;
        await using var client = new CrawlerClient(ClientFor(options.Client, fetcher.PerHost), options.TimeProvider);
        await using var system = new ActorSystem("crawl", options.TimeProvider, options.LoggerFactory);
        MirrorWriter? writer = options.OutputDirectory is { } output ? new MirrorWriter(output, new MirrorLayout { HostDirectories = options.HostDirectories }) : null;
        IDocumentSink sink = writer is null ? new MemorySink() : new MirrorSink(writer);
        var robots = new RobotsCache(client, RobotsRules.For(ProductToken(fetcher.UserAgent)), fetcher.Headers);
        var work = new FetchWork(client, new FetchResilience(options.Resilience, options.TimeProvider), new HostPoliteness(fetcher.PerHost, fetcher.Delay, options.TimeProvider),
            robots, sink, fetcher, options.TimeProvider);

        var crawl = options.Crawl;
        if (options.UseSitemap)
        {
            crawl = crawl with { SitemapSeeds = token => LoadSitemapsAsync(client, crawl.Seeds, fetcher.Headers, token) };
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
        IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var found = new List<Url>();
        var pending = new Queue<Url>(seeds.Select(s => s.Resolve("/sitemap.xml")).Distinct());
        var read = 0;
        while (pending.TryDequeue(out var location) && read++ < MaxNestedSitemaps)
        {
            await using var response = await client.SendAsync(new FetchRequest(location) { Headers = headers, UseCache = false }, cancellationToken);
            if (response.StatusCode != 200)
            {
                continue;
            }

            var sitemap = SitemapParser.Parse(response.Body, response.Url);
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

        return found;
    }
}
