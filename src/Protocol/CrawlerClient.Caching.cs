using Crawler.Protocol.Caching;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol;

// Serving from and refreshing the HTTP cache.
public sealed partial class CrawlerClient
{
    // Headers a 304 must not overwrite in the stored response: they describe the stored body's framing.
    private static readonly string[] KeptOnRefresh = ["Content-Length", "Content-Encoding", "Transfer-Encoding", "Content-Range"];

    private static FetchRequest AddValidators(FetchRequest request, CacheEntry stored)
    {
        // A caller who sent its own conditionals wants to see the 304 itself.
        foreach (var (name, _) in request.Headers)
        {
            if (name.StartsWith("If-", StringComparison.OrdinalIgnoreCase))
            {
                return request;
            }
        }

        var headers = new List<KeyValuePair<string, string>>(request.Headers);
        if (stored.Headers["ETag"] is { } etag)
        {
            headers.Add(new("If-None-Match", etag));
        }

        if (stored.Headers["Last-Modified"] is { } lastModified)
        {
            headers.Add(new("If-Modified-Since", lastModified));
        }

        return headers.Count == request.Headers.Count ? request : request with { Headers = headers };
    }

    private static CacheEntry Refresh(CacheEntry stored, HttpHeaders notModified, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        var merged = new HttpHeaders();
        foreach (var (name, value) in stored.Headers)
        {
            if (KeptOnRefresh.Contains(name, StringComparer.OrdinalIgnoreCase) || !notModified.Contains(name))
            {
                merged.Add(name, value);
            }
        }

        foreach (var (name, value) in notModified)
        {
            if (!KeptOnRefresh.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                merged.Add(name, value);
            }
        }

        return stored with { Headers = merged, RequestTime = requestTime, ResponseTime = responseTime };
    }

    private FetchResponse FromEntry(CacheEntry entry, FetchRequest request)
    {
        Stream body = new MemoryStream(entry.Body.ToArray(), writable: false);
        body = Decode(body, entry.Headers, request, entry.StatusCode);
        return new FetchResponse(request.Url, entry.StatusCode, entry.ReasonPhrase, entry.Headers, body) { FromCache = true };
    }
}
