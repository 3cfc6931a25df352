using Crawler.Protocol.Caching;
using Crawler.Protocol.Decoding;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol;

// The knobs of the protocol layer. Every one is surfaced in hocon/reference.conf under crawler.http.*;
// the values here are the defaults.
/// <summary>Settings for <see cref="CrawlerClient"/>.</summary>
public sealed record ClientOptions
{
    public string UserAgent { get; init; } = "crawler/0.1";

    public int MaxRedirects { get; init; } = 10;

    /// <summary>Open connections per scheme+host+port; further requests queue for one.</summary>
    public int MaxConnectionsPerOrigin { get; init; } = 6;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstByteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Turns TLS certificate validation off (the CLI's --insecure).</summary>
    public bool Insecure { get; init; }

    /// <summary>Most bytes of status line plus headers (and of chunked trailers).</summary>
    public int MaxResponseHeaderBytes { get; init; } = ProtocolLimits.MaxResponseHeaderBytes;

    public int MaxResponseHeaderCount { get; init; } = ProtocolLimits.MaxResponseHeaderCount;

    public DecodingLimits DecodingLimits { get; init; } = DecodingLimits.Default;

    /// <summary>
    /// Decode gzip bodies of up to 256 KiB whole with the system's libdeflate, when installed (about 1.7 times as fast as
    /// streaming through zlib); same results and errors. See <see cref="Decoding.WholeGzipStream"/>.
    /// </summary>
    public bool UseLibdeflate { get; init; } = true;

    /// <summary>How long resolved addresses are reused; DNS TTLs are not visible through the OS resolver.</summary>
    public TimeSpan DnsCacheTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>An idle pooled connection older than this is closed instead of reused (servers drop them around 60-75 s).</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>The HTTP cache; null turns caching off. The default is a private in-memory cache per client.</summary>
    public IHttpCache? Cache { get; init; } = new MemoryHttpCache();
}
