using System.Runtime.CompilerServices;
using Crawler.Protocol.Caching;
using Crawler.Protocol.Connections;
using Crawler.Protocol.Decoding;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Redirects;
using Crawler.Protocol.Schemes;
using Crawler.Protocol.Urls;
using HttpProtocolException = Crawler.Protocol.Http1.HttpProtocolException;

namespace Crawler.Protocol;

/// <summary>
/// Fetches http, https, file, data and view-source URLs: pooled keep-alive HTTP/1.1 connections,
/// redirects, content decoding and the HTTP cache behind one call.
/// </summary>
public sealed partial class CrawlerClient : IAsyncDisposable
{
    private readonly ConnectionPool _pool;

    public CrawlerClient(ClientOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new ClientOptions();
        TimeProvider = timeProvider ?? TimeProvider.System;
        _pool = new ConnectionPool(Options, TimeProvider);
    }

    public ClientOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>TCP/TLS connections opened so far (keep-alive reuse shows as fewer connections than requests).</summary>
    public int ConnectionsOpened => _pool.ConnectionsOpened;

    /// <summary>Sends the request; the returned response's body streams and must be disposed.</summary>
    public async Task<FetchResponse> SendAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url;
        if (url.Scheme == "view-source" && url.Inner is { } inner)
        {
            // The CLI prints the raw source; fetching it is fetching the wrapped URL.
            return await SendAsync(request with { Url = inner }, cancellationToken);
        }

        if (LocalSchemes.CanHandle(url))
        {
            return await LocalSchemes.OpenAsync(url, cancellationToken);
        }

        if (!url.IsHttp)
        {
            throw new UrlFormatException(url.ToString(), $"scheme '{url.Scheme}' is not supported");
        }

        HttpConnection.ValidateHeaders(request);
        var deadline = RequestDeadline.Start(TimeProvider, Options.TotalTimeout);

        // A crawl follows redirects itself (each hop is a URL of its own), so its requests skip the redirect loop.
        return request.FollowRedirects
            ? await SendFollowingRedirectsAsync(request, deadline, cancellationToken)
            : await SendOneAsync(request, deadline, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<FetchResponse> SendFollowingRedirectsAsync(FetchRequest request, RequestDeadline deadline, CancellationToken cancellationToken)
    {
        var limit = request.MaxRedirects ?? Options.MaxRedirects;
        var chain = new List<Url>();
        var current = request;
        while (true)
        {
            var response = await SendOneAsync(current, deadline, cancellationToken);
            var location = RedirectPolicy.Location(response.Headers);
            if (!RedirectPolicy.IsRedirect(response.StatusCode) || location is null)
            {
                return chain.Count == 0 ? response : WithChain(response, chain);
            }

            chain.Add(current.Url);
            Url next;
            try
            {
                next = RedirectPolicy.ResolveTarget(current.Url, location, chain.ToArray());
                if (chain.Count > limit)
                {
                    throw RedirectPolicy.TooMany(limit, chain.ToArray());
                }
            }
            finally
            {
                await DrainAndDisposeAsync(response);
            }

            current = current with
            {
                Url = next,
                Method = RedirectPolicy.NextMethod(response.StatusCode, current.Method),
                Headers = RedirectPolicy.NextHeaders(current.Headers, current.Url, next),
            };
        }
    }

    private static FetchResponse WithChain(FetchResponse response, List<Url> chain) =>
        new(response.Url, response.StatusCode, response.ReasonPhrase, response.Headers, response.Body, response.DisposeAsync)
        {
            Version = response.Version,
            FromCache = response.FromCache,
            RedirectChain = chain.ToArray(),
        };

    // A small leftover body is read so the connection can serve the next hop; a large one costs more than a new connection.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask DrainAndDisposeAsync(FetchResponse response)
    {
        var scratch = new byte[4096];
        long drained = 0;
        try
        {
            int n;
            while (drained <= ProtocolLimits.MaxDrainBytes && (n = await response.Body.ReadAsync(scratch)) > 0)
            {
                drained += n;
            }
        }
#pragma warning disable CA1031 // The redirect is what matters; a body that fails while being thrown away only costs its connection.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await response.DisposeAsync();
    }

    /// <summary>One request, no redirects: from the cache when fresh, else over a pooled connection (revalidating when stale).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<FetchResponse> SendOneAsync(FetchRequest request, RequestDeadline deadline, CancellationToken cancellationToken)
    {
        var cache = request.UseCache && IsGet(request) ? Options.Cache : null;
        CacheEntry? stored = null;
        var wire = request;
        if (cache is not null && cache.TryGet(request.Url, out stored))
        {
            if (Freshness.IsFresh(stored, TimeProvider.GetUtcNow()))
            {
                return FromEntry(stored, request);
            }

            wire = AddValidators(request, stored);
        }

        var requestTime = TimeProvider.GetUtcNow();
        var (connection, response) = await SendOverPoolAsync(wire, deadline, cancellationToken);
        var head = response.Head;
        Stream body = response.Body;
        if (cache is not null && stored is not null && head.StatusCode == 304 && !ReferenceEquals(wire, request))
        {
            await _pool.ReturnAsync(connection);
            var refreshed = Refresh(stored, head.Headers, requestTime, TimeProvider.GetUtcNow());
            head.Release();
            cache.Store(refreshed);
            return FromEntry(refreshed, request);
        }

        if (cache is not null && Freshness.IsStorable(request.Headers, head.StatusCode, head.Headers))
        {
            var url = request.Url;
            // The entry outlives the response, whose parsed headers go back to the pool: it keeps a copy.
            body = new CachingReadStream(body, cache.MaxBodyBytes, bytes =>
                cache.Store(new CacheEntry(url, head.StatusCode, head.ReasonPhrase, head.Headers.Copy(), bytes.ToArray(), requestTime, TimeProvider.GetUtcNow())));
        }

        Stream decoded;
        try
        {
            decoded = Decode(body, head.Headers, request, head.StatusCode);
        }
        catch
        {
            // An unknown coding fails before any byte is read; the connection still goes back (closed, as unread).
            await body.DisposeAsync();
            await _pool.ReturnAsync(connection);
            head.Release();
            throw;
        }

        return new FetchResponse(request.Url, head.StatusCode, head.ReasonPhrase, head.Headers, decoded, () => ReleaseAsync(connection, body, head))
        {
            Version = head.Version,
        };
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(HttpConnection Connection, Http1Response Response)> SendOverPoolAsync(FetchRequest request, RequestDeadline deadline, CancellationToken cancellationToken)
    {
        var connection = await RentAsync(request.Url, forceNew: false, deadline, cancellationToken);
        var reused = connection.CompletedResponses > 0;
        try
        {
            return (connection, await connection.SendAsync(request, deadline, cancellationToken));
        }
        catch (Exception e) when (reused && !connection.ReceivedResponseBytes && IsIdempotent(request.Method) && IsRetryable(e))
        {
            // The server closed an idle keep-alive connection as we reused it: GET and HEAD are safe to send again, once.
            await _pool.ReturnAsync(connection);
        }
        catch
        {
            await _pool.ReturnAsync(connection);
            throw;
        }

        connection = await RentAsync(request.Url, forceNew: true, deadline, cancellationToken);
        try
        {
            return (connection, await connection.SendAsync(request, deadline, cancellationToken));
        }
        catch
        {
            await _pool.ReturnAsync(connection);
            throw;
        }
    }

    // Decoders stop at the end of their compressed data and never ask for the chunked terminator or the last
    // bytes after it; reading those few bytes here is what lets the connection go back to the pool. The head's
    // pooled header buffers go back last: draining may still complete a cache entry, which copies the headers.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReleaseAsync(HttpConnection connection, Stream body, HttpResponseHead head)
    {
        if (!connection.IsReusable && connection.IsReadingBody)
        {
            var scratch = new byte[512];
            long drained = 0;
            try
            {
                int n;
                while (drained <= ProtocolLimits.MaxDrainBytes && (n = await body.ReadAsync(scratch)) > 0)
                {
                    drained += n;
                }
            }
#pragma warning disable CA1031 // Draining is an optimisation; a failure just means the connection is closed, not reused.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        try
        {
            await _pool.ReturnAsync(connection);
        }
        finally
        {
            head.Release();
        }
    }

    private static bool IsIdempotent(string method) =>
        method.Equals("GET", StringComparison.OrdinalIgnoreCase) || method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);

    private static bool IsRetryable(Exception e) =>
        e is NetworkException and not TlsHandshakeException
        || e is HttpProtocolException { Error: HttpProtocolError.PrematureEof };

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpConnection> RentAsync(Url url, bool forceNew, RequestDeadline deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline.Remaining(TimeProvider);
        if (remaining != Timeout.InfiniteTimeSpan && remaining <= TimeSpan.Zero)
        {
            throw new FetchTimeoutException(FetchTimeout.Total, deadline.Total, url.Authority);
        }

        using var total = new CancellationTokenSource(remaining, TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(total.Token, cancellationToken);
        try
        {
            return await _pool.RentAsync(url, forceNew, linked.Token);
        }
        catch (OperationCanceledException) when (total.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchTimeoutException(FetchTimeout.Total, deadline.Total, $"{url.Authority}, waiting for or opening a connection");
        }
    }

    private Stream Decode(Stream body, HttpHeaders headers, FetchRequest request, int statusCode)
    {
        if (!request.DecodeContent || ReferenceEquals(body, Stream.Null) || statusCode is 204 or 304)
        {
            return body;
        }

        var codings = ContentCodings.Of(headers);
        return codings.Count == 0 ? body : ContentDecoder.Decode(body, codings, Options.DecodingLimits, Options.UseLibdeflate);
    }

    private static bool IsGet(FetchRequest request) => string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync() => await _pool.DisposeAsync();
}
