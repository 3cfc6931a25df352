namespace Crawler.Actors.Fetching;

/// <summary>What one origin's robots.txt says to us: which paths we may fetch, and how long to wait between requests.</summary>
public sealed record RobotsPolicy(Func<string, bool> IsAllowed, TimeSpan? CrawlDelay);
