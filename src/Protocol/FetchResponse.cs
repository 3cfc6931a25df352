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

    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync();
        if (_release is not null)
        {
            await _release();
        }
    }
}
