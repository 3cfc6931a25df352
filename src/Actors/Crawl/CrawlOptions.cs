using Crawler.Actors.Fetching;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>What to crawl and how hard (crawler.crawl.* in reference.conf; the CLI flags override).</summary>
public sealed record CrawlOptions(IReadOnlyList<Url> Seeds)
{
    /// <summary>Page links followed from the seeds (0 = the seeds only). Requisites of an accepted page are fetched regardless.</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Pages accepted at most (requisites not counted); null for no limit.</summary>
    public int? MaxPages { get; init; }

    /// <summary>Fetches in flight across all hosts.</summary>
    public int Concurrency { get; init; } = 8;

    public int Fetchers { get; init; } = 4;

    public int Parsers { get; init; } = 2;

    /// <summary>A URL whose fetcher crashed this many times is recorded as failed instead of being handed out again.</summary>
    public int MaxCrashesPerUrl { get; init; } = 3;

    /// <summary>Off for warm: only the seeds and their requisites (through CSS too), no other pages.</summary>
    public bool FollowPages { get; init; } = true;

    /// <summary>Which URLs may be fetched; null means "same host and port as a seed".</summary>
    public Func<Url, bool>? Scope { get; init; }

    /// <summary>Requisites on any host (a CDN) are fetched even when <see cref="Scope"/> refuses the host (warm).</summary>
    public bool RequisitesAnyHost { get; init; }

    /// <summary>Loads extra seeds (from sitemap.xml) before the crawl starts; null to skip.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<Url>>>? SitemapSeeds { get; init; }

    /// <summary>Runs after the last fetch (--convert-links): rewrites the saved documents, returns how many changed.</summary>
    public Func<IReadOnlyList<UrlOutcome>, CancellationToken, Task<int>>? ConvertLinks { get; init; }
}
