using System.Globalization;
using Crawler.Protocol.Http1;

namespace Crawler.Actors.Fetching;

/// <summary>Reads Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Parse(headers["Retry-After"], now);
    }

    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // Clamp before converting: TimeSpan.FromSeconds overflows on absurd values a hostile server may send.
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date))
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
