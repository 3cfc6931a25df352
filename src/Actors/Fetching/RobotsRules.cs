using Crawler.Actors.Crawl;

namespace Crawler.Actors.Fetching;

/// <summary>The parse function <see cref="RobotsCache"/> takes, over <see cref="RobotsTxt"/>.</summary>
public static class RobotsRules
{
    /// <param name="maxChars">Characters parsed; what follows is ignored (the cache's byte cap bounds it too).</param>
    public static Func<string, RobotsPolicy> For(string userAgent, int maxChars = RobotsTxt.DefaultMaxParsedChars) => text =>
    {
        var robots = RobotsTxt.Parse(text, maxChars);
        return new RobotsPolicy(pathAndQuery => robots.IsAllowed(pathAndQuery, userAgent), robots.CrawlDelay(userAgent));
    };
}
