using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.crawl.robots</c>: how much of robots.txt is read and honoured.</summary>
public sealed class RobotsSettings
{
    [ConfigurationKeyName("max-bytes")]
    public int MaxBytes { get; set; }

    [ConfigurationKeyName("max-crawl-delay")]
    public TimeSpan MaxCrawlDelay { get; set; }
}
