using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.crawl.mirror</c>: file-name limits of the mirror.</summary>
public sealed class MirrorSettings
{
    [ConfigurationKeyName("max-name-bytes")]
    public int MaxNameBytes { get; set; }

    [ConfigurationKeyName("max-collision-suffix")]
    public int MaxCollisionSuffix { get; set; }
}
