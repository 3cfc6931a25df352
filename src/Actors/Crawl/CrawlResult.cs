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

    /// <summary>
    /// Set when something went wrong that no URL's outcome shows: the sitemap or link conversion failed, or a page
    /// was fetched but its links were not extracted (a parser error, or a document past crawler.crawl.max-parsed-bytes).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
