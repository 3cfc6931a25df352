using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary>
/// The <c>crawler</c> section of the effective configuration, bound by <see cref="ConfigurationBinder"/>.
/// Defaults live in <c>hocon/reference.conf</c> only (a test fails if a property here has no key there, or the reverse),
/// so the initial values below are never seen by a real run.
/// Keys are HOCON kebab-case and map to properties through <see cref="ConfigurationKeyNameAttribute"/>.
/// </summary>
public sealed class CrawlerSettings
{
    public const string SectionName = "crawler";

    [ConfigurationKeyName("http")]
    public HttpSettings Http { get; set; } = new();

    [ConfigurationKeyName("crawl")]
    public CrawlSettings Crawl { get; set; } = new();

    [ConfigurationKeyName("warm")]
    public WarmSettings Warm { get; set; } = new();

    [ConfigurationKeyName("load")]
    public LoadSettings Load { get; set; } = new();

    [ConfigurationKeyName("actors")]
    public ActorSettings Actors { get; set; } = new();

    [ConfigurationKeyName("log")]
    public LogSettings Log { get; set; } = new();
}
