namespace Crawler.Protocol;

// STUB (skeleton): the facade the `get` command, the fetcher actors and the load workers use.
/// <summary>
/// Fetches http, https, file, data and view-source URLs: pooled keep-alive HTTP/1.1 connections,
/// redirects, content decoding and the HTTP cache behind one call.
/// </summary>
public sealed class CrawlerClient : IAsyncDisposable
{
    public CrawlerClient(ClientOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new ClientOptions();
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    public ClientOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Sends the request; the returned response's body streams and must be disposed.</summary>
    public Task<FetchResponse> SendAsync(FetchRequest request, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("skeleton");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
