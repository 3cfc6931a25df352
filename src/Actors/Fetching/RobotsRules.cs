using Crawler.Actors.Crawl;

namespace Crawler.Actors.Fetching;

/// <summary>The parse function <see cref="RobotsCache"/> takes, over <see cref="RobotsTxt"/>.</summary>
public static class RobotsRules
{
    public static Func<string, RobotsPolicy> For(string userAgent) => text =>
    {
        var robots = RobotsTxt.Parse(text);
        return new RobotsPolicy(pathAndQuery => robots.IsAllowed(pathAndQuery, userAgent), robots.CrawlDelay(userAgent));
    };
}
