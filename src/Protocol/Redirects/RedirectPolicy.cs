using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Redirects;

/// <summary>Which responses redirect, where to, with which method and headers (RFC 9110 §15.4).</summary>
internal static class RedirectPolicy
{
    // Credentials must not follow a redirect to another origin (they would leak to whoever the Location names).
    private static readonly string[] CrossOriginDroppedHeaders = ["Authorization", "Cookie", "Proxy-Authorization"];

    public static bool IsRedirect(int statusCode) => statusCode is 301 or 302 or 303 or 307 or 308;

    /// <summary>The next URL: Location resolved against the current URL; anything but http(s) is refused.</summary>
    public static Url ResolveTarget(Url current, string location, IReadOnlyList<Url> chain)
    {
        Url target;
        try
        {
            target = current.Resolve(location.Trim());
        }
        catch (UrlFormatException e)
        {
            throw new RedirectException(RedirectError.InvalidLocation, $"redirect from {current} has an invalid Location '{location}': {e.Reason}", chain, e);
        }

        if (!target.IsHttp)
        {
            throw new RedirectException(
                RedirectError.RefusedScheme,
                $"redirect from {current} to '{target}' refused: scheme '{target.Scheme}' is not http or https",
                chain);
        }

        // A fragment-less Location inherits the original fragment (RFC 9110 §10.2.2); it never goes on the wire anyway.
        return target;
    }

    /// <summary>303 turns into GET (HEAD stays HEAD); 301/302 would too for POST, which we never send.</summary>
    public static string NextMethod(int statusCode, string method) =>
        statusCode == 303 && !string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase) ? "GET" : method;

    public static IReadOnlyList<KeyValuePair<string, string>> NextHeaders(IReadOnlyList<KeyValuePair<string, string>> headers, Url from, Url to)
    {
        if (SameOrigin(from, to) || headers.Count == 0)
        {
            return headers;
        }

        return headers.Where(h => !CrossOriginDroppedHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    public static bool SameOrigin(Url a, Url b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);

    public static RedirectException TooMany(int limit, IReadOnlyList<Url> chain)
    {
        var loops = chain.Distinct().Count() < chain.Count;
        return new RedirectException(
            RedirectError.TooManyRedirects,
            $"{(loops ? "redirect loop" : "too many redirects")}: more than {limit} redirects: {string.Join(" -> ", chain)}",
            chain);
    }

    public static string? Location(HttpHeaders headers) => headers[KnownHeaders.Location];
}
