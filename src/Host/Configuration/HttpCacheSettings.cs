using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.http.cache</c>: the in-memory HTTP cache.</summary>
public sealed class HttpCacheSettings
{
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    [ConfigurationKeyName("max-entry-bytes")]
    public long MaxEntryBytes { get; set; }
}
