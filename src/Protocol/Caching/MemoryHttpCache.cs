using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Caching;

/// <summary>
/// A private in-memory cache. Bodies above <see cref="MaxBodyBytes"/> are never kept; when the total exceeds
/// <see cref="MaxTotalBytes"/> the entries received longest ago are evicted.
/// </summary>
public sealed class MemoryHttpCache : IHttpCache
{
    // 1 MiB per body: pages, stylesheets and scripts fit; media and downloads stream through uncached.
    public const long DefaultMaxBodyBytes = 1 << 20;

    // 64 MiB in total: a crawl of thousands of pages keeps its hot ones without growing without bound.
    public const long DefaultMaxTotalBytes = 64L << 20;

    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evictionLock = new();
    private long _totalBytes;

    public MemoryHttpCache(long maxBodyBytes = DefaultMaxBodyBytes, long maxTotalBytes = DefaultMaxTotalBytes)
    {
        MaxBodyBytes = maxBodyBytes;
        MaxTotalBytes = maxTotalBytes;
    }

    public long MaxBodyBytes { get; }

    public long MaxTotalBytes { get; }

    public int Count => _entries.Count;

    public bool TryGet(Url url, [NotNullWhen(true)] out CacheEntry? entry) => _entries.TryGetValue(CacheEntry.KeyOf(url), out entry);

    public void Store(CacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Body.Length > MaxBodyBytes)
        {
            return;
        }

        var key = CacheEntry.KeyOf(entry.Url);
        lock (_evictionLock)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                _totalBytes -= old.Body.Length;
            }

            _entries[key] = entry;
            _totalBytes += entry.Body.Length;
            while (_totalBytes > MaxTotalBytes && !_entries.IsEmpty)
            {
                var oldest = _entries.MinBy(e => e.Value.ResponseTime);
                if (_entries.TryRemove(oldest.Key, out var removed))
                {
                    _totalBytes -= removed.Body.Length;
                }
            }
        }
    }

    public void Remove(Url url)
    {
        lock (_evictionLock)
        {
            if (_entries.TryRemove(CacheEntry.KeyOf(url), out var removed))
            {
                _totalBytes -= removed.Body.Length;
            }
        }
    }
}
