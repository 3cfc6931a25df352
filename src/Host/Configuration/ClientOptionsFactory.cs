using Crawler.Protocol;
using Crawler.Protocol.Caching;
using Crawler.Protocol.Decoding;

namespace Crawler.Host.Configuration;

/// <summary>Turns the bound <c>crawler.http</c> settings into the protocol layer's <see cref="ClientOptions"/>.</summary>
internal static class ClientOptionsFactory
{
    public static ClientOptions Create(HttpSettings http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new ClientOptions
        {
            UserAgent = http.UserAgent,
            MaxRedirects = http.MaxRedirects,
            MaxConnectionsPerOrigin = http.MaxConnectionsPerOrigin,
            ConnectTimeout = http.ConnectTimeout,
            FirstByteTimeout = http.FirstByteTimeout,
            IdleTimeout = http.IdleTimeout,
            TotalTimeout = http.TotalTimeout,
            Insecure = http.Insecure,
            MaxResponseHeaderBytes = http.MaxHeaderBytes,
            MaxResponseHeaderCount = http.MaxHeaderCount,
            DecodingLimits = DecodingLimits.Default with { MaxDecodedBytes = http.MaxDecodedBytes, MaxExpansionRatio = http.MaxExpansionRatio },
            UseLibdeflate = http.UseLibdeflate,
            DnsCacheTtl = http.DnsTtl,
            PooledConnectionIdleTimeout = http.PooledIdleTimeout,
            Cache = http.Cache.Enabled ? new MemoryHttpCache(http.Cache.MaxEntryBytes) : null,
        };
    }
}
