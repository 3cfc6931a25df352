using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.crawl.sitemap</c>: caps of sitemap loading (--sitemap).</summary>
public sealed class SitemapSettings
{
    [ConfigurationKeyName("max-urls")]
    public int MaxUrls { get; set; }

    [ConfigurationKeyName("max-chars")]
    public long MaxChars { get; set; }

    [ConfigurationKeyName("max-files")]
    public int MaxFiles { get; set; }
}
