using Crawler.Protocol.Http1;
using Crawler.Protocol.Text;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Schemes;

/// <summary>view-source: support for the client: which URL to fetch, and how to present what came back.</summary>
public static class ViewSource
{
    public static bool IsViewSource(Url url) => url is { Scheme: "view-source", Inner: not null };

    /// <summary>The URL to actually fetch.</summary>
    public static Url Target(Url url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Inner ?? throw new ArgumentException($"not a view-source: URL: {url}", nameof(url));
    }

    /// <summary>
    /// Presents the fetched response as source text: same status and body bytes, Content-Type text/plain
    /// (keeping the original charset, so the text still decodes), the URL as requested. Disposing the result
    /// disposes <paramref name="fetched"/>.
    /// </summary>
    public static FetchResponse AsSource(Url requested, FetchResponse fetched)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(fetched);
        var headers = new HttpHeaders();
        foreach (var (name, value) in fetched.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(name, value);
            }
        }

        var charset = CharsetDetector.CharsetFromContentType(fetched.ContentType);
        headers.Add("Content-Type", charset is null ? "text/plain" : $"text/plain; charset={charset}");
        return new FetchResponse(requested, fetched.StatusCode, fetched.ReasonPhrase, headers, fetched.Body, fetched.DisposeAsync)
        {
            Version = fetched.Version,
            RedirectChain = fetched.RedirectChain,
            FromCache = fetched.FromCache,
        };
    }
}
