using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.warm</c>: the cache warmer.</summary>
public sealed class WarmSettings
{
    [ConfigurationKeyName("repeat")]
    public int Repeat { get; set; }
}
