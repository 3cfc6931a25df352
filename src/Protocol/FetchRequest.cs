using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol;

/// <summary>One request as the callers (get, fetcher actors, load workers) describe it.</summary>
public sealed record FetchRequest(Url Url)
{
    /// <summary>GET or HEAD.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Extra request headers; CR, LF or NUL in a name or value is refused before anything is sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Follow 3xx redirects (up to the client's limit unless <see cref="MaxRedirects"/> overrides it).</summary>
    public bool FollowRedirects { get; init; } = true;

    public int? MaxRedirects { get; init; }

    /// <summary>Decode Content-Encoding (gzip, deflate, br). Off gives the bytes as sent.</summary>
    public bool DecodeContent { get; init; } = true;

    /// <summary>Use and fill the HTTP cache (GET only).</summary>
    public bool UseCache { get; init; } = true;
}
