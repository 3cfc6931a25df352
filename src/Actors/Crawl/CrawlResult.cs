using Crawler.Actors.Fetching;
using Crawler.Actors.Stats;

namespace Crawler.Actors.Crawl;

/// <summary>The final report of a crawl or warm run: one outcome per URL taken, the URLs robots.txt kept us from, and the counts.</summary>
public sealed record CrawlResult(
    IReadOnlyList<UrlOutcome> Outcomes,
    IReadOnlyList<FetchSkipped> Skipped,
    StatsSnapshot Stats,
    bool Cancelled)
{
    public int LinksConverted { get; init; }

    /// <summary>Set when something outside a single URL went wrong (sitemap, link conversion).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
