using Crawler.Host.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary>The effective configuration in three shapes: the resolved HOCON tree (with origins), IConfiguration, and bound settings.</summary>
public sealed class CrawlerConfiguration(HoconObject tree, IConfigurationRoot configuration, CrawlerSettings settings)
{
    public HoconObject Tree { get; } = tree;

    public IConfigurationRoot Configuration { get; } = configuration;

    public CrawlerSettings Settings { get; } = settings;
}
