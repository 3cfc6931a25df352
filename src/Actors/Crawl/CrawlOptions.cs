using Crawler.Actors.Fetching;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>What to crawl and how hard (crawler.crawl.* in reference.conf; the CLI flags override).</summary>
public sealed record CrawlOptions(IReadOnlyList<Url> Seeds)
{
    /// <summary>Depth and page limits. Warm is MaxDepth 0: the seeds and their requisites, no other pages.</summary>
    public FrontierOptions Frontier { get; init; } = new() { MaxDepth = 5 };

    /// <summary>Hosts, domains, include/exclude, no-parent.</summary>
    public ScopeOptions Scope { get; init; } = new();

    /// <summary>Fetches in flight across all hosts.</summary>
    public int Concurrency { get; init; } = 8;

    public int Fetchers { get; init; } = 4;

    public int Parsers { get; init; } = 2;

    /// <summary>A URL whose fetcher crashed this many times is recorded as failed instead of being handed out again.</summary>
    public int MaxCrashesPerUrl { get; init; } = 3;

    /// <summary>Redirects in a row before the last is recorded as failed (crawler.http.max-redirects).</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Loads extra seeds (from sitemap.xml) before the crawl starts; null to skip.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<Url>>>? SitemapSeeds { get; init; }

    /// <summary>
    /// An earlier run's outcomes by normalised URL, from its journal (crawl --continue): a URL found here is replayed
    /// (see <see cref="FetchUrl.Earlier"/>) instead of fetched.
    /// </summary>
    public IReadOnlyDictionary<Url, UrlOutcome>? Earlier { get; init; }

    /// <summary>Called with each URL's final outcome as it comes (the journal that makes the crawl resumable); null for none.</summary>
    public Action<UrlOutcome>? RecordOutcome { get; init; }

    /// <summary>Runs after the last fetch (--convert-links): rewrites the saved documents, returns how many changed.</summary>
    public Func<IReadOnlyList<UrlOutcome>, CancellationToken, Task<int>>? ConvertLinks { get; init; }
}
