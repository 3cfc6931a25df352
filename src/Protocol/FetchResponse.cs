using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol;

/// <summary>
/// A response whose head has arrived; the body streams from <see cref="Body"/> (decoded unless asked
/// otherwise). Disposing it returns a fully-read connection to the pool, or closes it.
/// </summary>
public sealed class FetchResponse : IAsyncDisposable
{
    private readonly Func<ValueTask>? _release;

    public FetchResponse(Url url, int statusCode, string reasonPhrase, HttpHeaders headers, Stream body, Func<ValueTask>? release = null)
    {
        Url = url;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        Body = body;
        _release = release;
    }

    /// <summary>The final URL, after redirects.</summary>
    public Url Url { get; }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    /// <summary>"HTTP/1.1" or "HTTP/1.0"; for file: and data: the synthetic "HTTP/1.1".</summary>
    public string Version { get; init; } = "HTTP/1.1";

    public HttpHeaders Headers { get; }

    public Stream Body { get; }

    /// <summary>The URLs that redirected here, first request first; empty when none.</summary>
    public IReadOnlyList<Url> RedirectChain { get; init; } = [];

    /// <summary>True when the response came from the HTTP cache (fresh, or revalidated by a 304).</summary>
    public bool FromCache { get; init; }

    public string? ContentType => Headers["Content-Type"];

    /// <summary>
    /// Where this response redirects: its Location resolved against <see cref="Url"/>, or null when it is not a 3xx
    /// redirect with a Location. For callers that do not follow redirects themselves (the crawl queues the target as
    /// a URL of its own). Throws <see cref="Redirects.RedirectException"/> for a Location that is invalid or not http(s).
    /// </summary>
    public Url? ResolveRedirectTarget() =>
        Redirects.RedirectPolicy.IsRedirect(StatusCode) && Redirects.RedirectPolicy.Location(Headers) is { } location
            ? Redirects.RedirectPolicy.ResolveTarget(Url, location, [Url])
            : null;

    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync();
        if (_release is not null)
        {
            await _release();
        }
    }
}
