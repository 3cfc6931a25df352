using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Caching;

/// <summary>
/// A stored response: its head, its body as received (de-chunked, Content-Encoding still applied, so decoding
/// follows each request's own choice), and when it was requested and received on the client's clock.
/// </summary>
public sealed record CacheEntry(
    Url Url,
    int StatusCode,
    string ReasonPhrase,
    HttpHeaders Headers,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset RequestTime,
    DateTimeOffset ResponseTime)
{
    /// <summary>The key: the URL without its fragment, which never reaches the server.</summary>
    public static string KeyOf(Url url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.WithoutFragment().ToString();
    }
}
