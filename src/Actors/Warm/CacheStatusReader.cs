using System.Globalization;
using Crawler.Protocol.Http1;

namespace Crawler.Actors.Warm;

/// <summary>
/// Reads the cache verdict from the headers CDNs and proxies set: X-Cache (Varnish, CloudFront, Fastly),
/// X-Cache-Status (nginx), CF-Cache-Status (Cloudflare), X-Proxy-Cache, Akamai-Cache-Status, and
/// Age (RFC 9111: a positive age means a cache served it). Explicit verdict headers win over Age.
/// </summary>
public static class CacheStatusReader
{
    private static readonly string[] VerdictHeaders =
        ["CF-Cache-Status", "X-Cache-Status", "Akamai-Cache-Status", "X-Proxy-Cache", "X-Cache"];

    public static CacheStatus Read(HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var name in VerdictHeaders)
        {
            foreach (var value in headers.GetValues(name))
            {
                var status = Classify(value);
                if (status != CacheStatus.Unknown)
                {
                    return status;
                }
            }
        }

        var age = headers["Age"];
        if (age is not null && long.TryParse(age.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds > 0 ? CacheStatus.Hit : CacheStatus.Unknown;
        }

        return CacheStatus.Unknown;
    }

    /// <summary>Classifies one header value such as "HIT", "TCP_MISS from edge", "Hit from cloudfront", "MISS, HIT".</summary>
    public static CacheStatus Classify(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Chained caches list one verdict per layer ("MISS, HIT"); the client-facing one is the last.
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var status = ClassifyToken(parts[i]);
            if (status != CacheStatus.Unknown)
            {
                return status;
            }
        }

        return CacheStatus.Unknown;
    }

    private static CacheStatus ClassifyToken(string token)
    {
        // Akamai and Squid spell it TCP_HIT, TCP_MEM_HIT, TCP_REFRESH_MISS...; CloudFront "Hit from cloudfront".
        var upper = token.ToUpperInvariant();
        if (upper.Contains("EXPIRED", StringComparison.Ordinal) || upper.Contains("STALE", StringComparison.Ordinal)
            || upper.Contains("REVALIDATED", StringComparison.Ordinal) || upper.Contains("REFRESH", StringComparison.Ordinal)
            || upper.Contains("UPDATING", StringComparison.Ordinal))
        {
            return CacheStatus.Expired;
        }

        if (upper.Contains("BYPASS", StringComparison.Ordinal) || upper.Contains("DYNAMIC", StringComparison.Ordinal)
            || upper.Contains("PASS", StringComparison.Ordinal) || upper.Contains("NO-STORE", StringComparison.Ordinal)
            || upper.Contains("UNCACHEABLE", StringComparison.Ordinal))
        {
            return CacheStatus.Bypass;
        }

        if (upper.Contains("MISS", StringComparison.Ordinal))
        {
            return CacheStatus.Miss;
        }

        return upper.Contains("HIT", StringComparison.Ordinal) ? CacheStatus.Hit : CacheStatus.Unknown;
    }
}
