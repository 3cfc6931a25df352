using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.http</c>: the HTTP/1.1 client's identity, limits and timeouts.</summary>
public sealed class HttpSettings
{
    [ConfigurationKeyName("user-agent")]
    public string UserAgent { get; set; } = string.Empty;

    [ConfigurationKeyName("max-redirects")]
    public int MaxRedirects { get; set; }

    [ConfigurationKeyName("max-connections-per-origin")]
    public int MaxConnectionsPerOrigin { get; set; }

    [ConfigurationKeyName("connect-timeout")]
    public TimeSpan ConnectTimeout { get; set; }

    [ConfigurationKeyName("first-byte-timeout")]
    public TimeSpan FirstByteTimeout { get; set; }

    [ConfigurationKeyName("idle-timeout")]
    public TimeSpan IdleTimeout { get; set; }

    [ConfigurationKeyName("total-timeout")]
    public TimeSpan TotalTimeout { get; set; }

    [ConfigurationKeyName("insecure")]
    public bool Insecure { get; set; }

    [ConfigurationKeyName("max-header-bytes")]
    public int MaxHeaderBytes { get; set; }

    [ConfigurationKeyName("max-header-count")]
    public int MaxHeaderCount { get; set; }

    [ConfigurationKeyName("max-decoded-bytes")]
    public long MaxDecodedBytes { get; set; }

    [ConfigurationKeyName("max-expansion-ratio")]
    public int MaxExpansionRatio { get; set; }

    [ConfigurationKeyName("use-libdeflate")]
    public bool UseLibdeflate { get; set; }

    [ConfigurationKeyName("dns-ttl")]
    public TimeSpan DnsTtl { get; set; }

    [ConfigurationKeyName("pooled-idle-timeout")]
    public TimeSpan PooledIdleTimeout { get; set; }

    [ConfigurationKeyName("cache")]
    public HttpCacheSettings Cache { get; set; } = new();
}
