using System.Diagnostics.CodeAnalysis;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Caching;

/// <summary>Where <see cref="CrawlerClient"/> keeps GET responses for reuse and revalidation.</summary>
public interface IHttpCache
{
    /// <summary>Largest body the cache accepts; larger bodies stream through without being kept.</summary>
    long MaxBodyBytes { get; }

    bool TryGet(Url url, [NotNullWhen(true)] out CacheEntry? entry);

    void Store(CacheEntry entry);

    void Remove(Url url);
}
