using System.Globalization;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Caching;

/// <summary>The Cache-Control directives a private cache acts on (RFC 9111 §5.2); s-maxage is for shared caches and ignored.</summary>
internal readonly record struct CacheControl(bool NoStore, bool NoCache, bool MustRevalidate, TimeSpan? MaxAge)
{
    public static CacheControl Parse(HttpHeaders headers)
    {
        bool noStore = false, noCache = false, mustRevalidate = false;
        TimeSpan? maxAge = null;
        foreach (var value in headers.GetValues("Cache-Control"))
        {
            foreach (var raw in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = raw.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? raw : raw[..eq].Trim();
                var argument = eq < 0 ? null : raw[(eq + 1)..].Trim().Trim('"');
                if (name.Equals("no-store", StringComparison.OrdinalIgnoreCase))
                {
                    noStore = true;
                }
                else if (name.Equals("no-cache", StringComparison.OrdinalIgnoreCase))
                {
                    noCache = true;
                }
                else if (name.Equals("must-revalidate", StringComparison.OrdinalIgnoreCase))
                {
                    mustRevalidate = true;
                }
                else if (name.Equals("max-age", StringComparison.OrdinalIgnoreCase))
                {
                    // An invalid max-age makes the response stale (RFC 9111 §4.2.1), never fresh forever.
                    maxAge = long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                        ? TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue))
                        : TimeSpan.Zero;
                }
            }
        }

        return new CacheControl(noStore, noCache, mustRevalidate, maxAge);
    }
}
