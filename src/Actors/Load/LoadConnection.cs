using System.Net;
using System.Runtime.CompilerServices;
using Crawler.Protocol;
using Crawler.Protocol.Http1;
using HttpProtocolException = Crawler.Protocol.Http1.HttpProtocolException;

namespace Crawler.Actors.Load;

/// <summary>
/// One keep-alive connection driven by one load worker: the protocol layer's allocation-free
/// <see cref="DrainingConnection"/>, with its typed errors mapped to the load report's buckets.
/// </summary>
/// <remarks>
/// A watchdog may call <see cref="Abort"/> from another thread when a request overruns its timeout; the pending
/// read then fails and the worker counts a timeout and reconnects.
/// </remarks>
internal sealed class LoadConnection : IAsyncDisposable
{
    private readonly DrainingConnection _connection;

    private LoadConnection(DrainingConnection connection) => _connection = connection;

    /// <summary>Opens a connection to <paramref name="endPoint"/>; for https, completes the TLS handshake for <paramref name="host"/>.</summary>
    public static async Task<LoadConnection> ConnectAsync(EndPoint endPoint, string host, bool tls, bool insecure, CancellationToken cancellationToken)
    {
        try
        {
            return new LoadConnection(await DrainingConnection.ConnectAsync(endPoint, host, tls, insecure, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is FetchException or OperationCanceledException)
        {
            throw new LoadException(LoadErrorKind.Connect, $"cannot connect to {endPoint}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads the whole response. Returns the status code, the bytes
    /// read from the wire, and whether the server ends the connection after it.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<LoadResponse> SendAsync(ReadOnlyMemory<byte> request)
    {
        try
        {
            var response = await _connection.SendAsync(request).ConfigureAwait(false);
            return new LoadResponse(response.StatusCode, response.WireBytes, !response.ConnectionReusable);
        }
        catch (FetchException ex)
        {
            throw new LoadException(KindOf(ex), ex.Message, ex);
        }
    }

    /// <summary>Closes the socket under a pending request (watchdog timeout); safe from any thread, any number of times.</summary>
    public void Abort() => _connection.Abort();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    // A response cut short is the connection's failure, not the server speaking bad HTTP.
    private static LoadErrorKind KindOf(FetchException ex) => ex switch
    {
        HttpProtocolException { Error: HttpProtocolError.PrematureEof } => LoadErrorKind.Read,
        { Kind: FetchErrorKind.Protocol } => LoadErrorKind.Protocol,
        { Kind: FetchErrorKind.Timeout } => LoadErrorKind.Timeout,
        _ => LoadErrorKind.Read,
    };
}
