using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>Starts the crawl; the sender gets a <see cref="CrawlResult"/> when it is over.</summary>
public sealed record StartCrawl
{
    public static StartCrawl Instance { get; } = new();
}

/// <summary>Ctrl+C: take no new URLs, let the requests in flight finish, then reply as usual (marked cancelled).</summary>
public sealed record StopCrawl
{
    public static StopCrawl Instance { get; } = new();
}

/// <summary>Extra seeds found in sitemap.xml (or the error that prevented reading it).</summary>
internal sealed record SitemapLoaded(IReadOnlyList<Url> Urls, string? Error);

/// <summary>Link conversion finished; the crawl can reply.</summary>
internal sealed record ConversionDone(int Converted, string? Error);
