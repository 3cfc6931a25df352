using System.Globalization;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Caching;

/// <summary>RFC 9111 §4.2 freshness: lifetime from max-age or Expires minus Date, age from Age, Date and residence time.</summary>
internal static class Freshness
{
    // Status codes cacheable by default (RFC 9110 §15.1), of those we can get from a GET.
    private static readonly int[] CacheableStatuses = [200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501];

    /// <summary>The explicit freshness lifetime, or null when the response gives none (no heuristics: we would rather revalidate).</summary>
    public static TimeSpan? Lifetime(HttpHeaders headers)
    {
        var control = CacheControl.Parse(headers);
        if (control.MaxAge is { } maxAge)
        {
            return maxAge;
        }

        var expiresText = headers["Expires"];
        if (expiresText is null)
        {
            return null;
        }

        // An Expires that does not parse ("0", "-1") means already expired.
        if (!TryParseDate(expiresText, out var expires))
        {
            return TimeSpan.Zero;
        }

        var date = TryParseDate(headers["Date"], out var d) ? d : (DateTimeOffset?)null;
        return date is { } dateValue ? expires - dateValue : TimeSpan.Zero;
    }

    public static TimeSpan CurrentAge(CacheEntry entry, DateTimeOffset now)
    {
        var apparentAge = TryParseDate(entry.Headers["Date"], out var date) ? Max(TimeSpan.Zero, entry.ResponseTime - date) : TimeSpan.Zero;
        var ageValue = long.TryParse(entry.Headers["Age"], NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            ? TimeSpan.FromSeconds(Math.Min(age, int.MaxValue))
            : TimeSpan.Zero;
        var responseDelay = entry.ResponseTime - entry.RequestTime;
        var correctedInitialAge = Max(apparentAge, ageValue + responseDelay);
        return correctedInitialAge + (now - entry.ResponseTime);
    }

    /// <summary>Fresh means usable without asking the server: not no-cache, and younger than its lifetime.</summary>
    public static bool IsFresh(CacheEntry entry, DateTimeOffset now)
    {
        var control = CacheControl.Parse(entry.Headers);
        if (control.NoCache)
        {
            return false;
        }

        return Lifetime(entry.Headers) is { } lifetime && lifetime > CurrentAge(entry, now);
    }

    public static bool HasValidator(HttpHeaders headers) => headers.Contains("ETag") || headers.Contains("Last-Modified");

    /// <summary>Whether a GET response may be stored: cacheable status, no no-store, and either a lifetime or a validator.</summary>
    public static bool IsStorable(IReadOnlyList<KeyValuePair<string, string>> requestHeaders, int statusCode, HttpHeaders responseHeaders)
    {
        if (!CacheableStatuses.Contains(statusCode) || CacheControl.Parse(responseHeaders).NoStore)
        {
            return false;
        }

        foreach (var (name, value) in requestHeaders)
        {
            if (name.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase) && value.Contains("no-store", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // We always send the same Accept-Encoding, so only Vary on it is harmless; any other Vary needs
        // per-variant storage we do not have.
        foreach (var vary in responseHeaders.GetValues("Vary"))
        {
            foreach (var token in vary.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!token.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return Lifetime(responseHeaders) is not null || HasValidator(responseHeaders);
    }

    public static bool TryParseDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
