using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.crawl</c>: breadth, politeness, retries and output of <c>crawler crawl</c>.</summary>
public sealed class CrawlSettings
{
    [ConfigurationKeyName("concurrency")]
    public int Concurrency { get; set; }

    [ConfigurationKeyName("per-host")]
    public int PerHost { get; set; }

    [ConfigurationKeyName("fetchers")]
    public int Fetchers { get; set; }

    [ConfigurationKeyName("parsers")]
    public int Parsers { get; set; }

    [ConfigurationKeyName("max-crashes-per-url")]
    public int MaxCrashesPerUrl { get; set; }

    [ConfigurationKeyName("delay")]
    public TimeSpan Delay { get; set; }

    [ConfigurationKeyName("depth")]
    public int Depth { get; set; }

    /// <summary>0 means no limit.</summary>
    [ConfigurationKeyName("max-pages")]
    public int MaxPages { get; set; }

    /// <summary>Longest HTML or CSS document parsed for links; a longer one is saved, not parsed, and warned about.</summary>
    [ConfigurationKeyName("max-parsed-bytes")]
    public int MaxParsedBytes { get; set; }

    [ConfigurationKeyName("span-hosts")]
    public bool SpanHosts { get; set; }

    [ConfigurationKeyName("ignore-robots")]
    public bool IgnoreRobots { get; set; }

    [ConfigurationKeyName("convert-links")]
    public bool ConvertLinks { get; set; }

    [ConfigurationKeyName("journal")]
    public bool Journal { get; set; }

    [ConfigurationKeyName("continue")]
    public bool Continue { get; set; }

    [ConfigurationKeyName("host-directories")]
    public bool HostDirectories { get; set; }

    [ConfigurationKeyName("output")]
    public string Output { get; set; } = string.Empty;

    [ConfigurationKeyName("mirror")]
    public MirrorSettings Mirror { get; set; } = new();

    [ConfigurationKeyName("robots")]
    public RobotsSettings Robots { get; set; } = new();

    [ConfigurationKeyName("sitemap")]
    public SitemapSettings Sitemap { get; set; } = new();

    [ConfigurationKeyName("retries")]
    public int Retries { get; set; }

    [ConfigurationKeyName("retry-backoff")]
    public TimeSpan RetryBackoff { get; set; }

    [ConfigurationKeyName("retry-max-backoff")]
    public TimeSpan RetryMaxBackoff { get; set; }

    [ConfigurationKeyName("circuit-breaker")]
    public CircuitBreakerSettings CircuitBreaker { get; set; } = new();
}
