using Crawler.Protocol;
using Crawler.Protocol.Caching;
using Crawler.Protocol.Decoding;

namespace Crawler.Host.Configuration;

/// <summary>From the bound <c>crawler.http</c> section to the protocol layer's options, so every command maps them alike.</summary>
public static class HttpSettingsExtensions
{
    public static ClientOptions ToClientOptions(this HttpSettings http)
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
            DecodingLimits = DecodingLimits.Default with
            {
                MaxDecodedBytes = http.MaxDecodedBytes,
                MaxExpansionRatio = http.MaxExpansionRatio,
            },
            DnsCacheTtl = http.DnsTtl,
            Cache = http.Cache.Enabled ? new MemoryHttpCache(maxBodyBytes: http.Cache.MaxEntryBytes) : null,
        };
    }
}
