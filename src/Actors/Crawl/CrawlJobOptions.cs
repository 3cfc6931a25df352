using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Protocol;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Crawl;

/// <summary>Everything one crawl or warm run needs, as the commands assemble it from configuration and flags.</summary>
public sealed record CrawlJobOptions(CrawlOptions Crawl)
{
    public FetcherOptions Fetcher { get; init; } = new();

    public FetchResilienceOptions Resilience { get; init; } = new();

    public ClientOptions Client { get; init; } = new();

    /// <summary>The mirror folder; null keeps nothing on disk (warm).</summary>
    public string? OutputDirectory { get; init; }

    public bool ConvertLinks { get; init; }

    /// <summary>
    /// Journal each URL's outcome in <see cref="OutputDirectory"/> (<see cref="CrawlJournal"/>), so that the crawl can be
    /// continued (crawler.crawl.journal).
    /// </summary>
    public bool Journal { get; init; } = true;

    /// <summary>
    /// Continue the crawl journalled in <see cref="OutputDirectory"/> (--continue): what the earlier run finished is
    /// taken from the journal and the mirror, not fetched again.
    /// </summary>
    public bool Continue { get; init; }

    /// <summary>Each host in a directory of its own under <see cref="OutputDirectory"/>; false is wget's -nH (one tree for all hosts).</summary>
    public bool HostDirectories { get; init; } = true;

    /// <summary>File-name limits of the mirror (crawler.crawl.mirror.*).</summary>
    public MirrorOptions Mirror { get; init; } = MirrorOptions.Default;

    /// <summary>Seed from each seed origin's /sitemap.xml as well.</summary>
    public bool UseSitemap { get; init; }

    /// <summary>Size and count caps of sitemap loading (crawler.crawl.sitemap.*).</summary>
    public SitemapOptions Sitemap { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }
}
