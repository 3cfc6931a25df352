namespace Crawler.Actors.Fetching;

/// <summary>Politeness, robots and parse-limit settings of the fetchers (crawler.crawl.* in reference.conf).</summary>
public sealed record FetcherOptions
{
    /// <summary>Requests in flight to one host at most.</summary>
    public int PerHost { get; init; } = 2;

    /// <summary>Pause between the starts of two requests to the same host; zero for none.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public bool IgnoreRobots { get; init; }

    /// <summary>Bytes of robots.txt read; the rest is ignored (crawler.crawl.robots.max-bytes).</summary>
    public int MaxRobotsBytes { get; init; } = RobotsCache.DefaultMaxBytes;

    /// <summary>Longest robots.txt Crawl-delay honoured; longer ones are cut to it (crawler.crawl.robots.max-crawl-delay).</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = RobotsCache.DefaultMaxCrawlDelay;

    /// <summary>
    /// Longest HTML or CSS document parsed for links; a longer one is saved but its links are not followed, with a
    /// warning in the result (crawler.crawl.max-parsed-bytes).
    /// </summary>
    public int MaxParsedBytes { get; init; } = DocumentReader.DefaultMaxParsedBytes;

    /// <summary>The product token robots.txt groups are matched against.</summary>
    public string UserAgent { get; init; } = "crawler";

    /// <summary>Headers added to every request (User-Agent and the like).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// Test hook: called with each URL a fetcher receives; throwing from it crashes the fetcher mid-crawl
    /// the way a bug would, so tests can prove the supervisor loses nothing.
    /// </summary>
    public Action<FetchUrl>? FaultInjector { get; init; }
}
