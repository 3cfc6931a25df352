using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using Crawler.Protocol.Connections;

namespace Crawler.Protocol.Http1;

/// <summary>
/// One keep-alive HTTP/1.1 connection for load generation: writes pre-built request bytes and skips the
/// response in place, keeping only its status, its size on the wire and whether the connection stays usable.
/// Allocates nothing per request in steady state.
/// </summary>
/// <remarks>
/// The head goes through the same <see cref="ResponseParser"/> as <see cref="HttpConnection"/>, with a
/// <see cref="ResponseFraming"/> handler instead of header strings; chunk-size lines through
/// <see cref="ChunkedReadStream.TryParseChunkSize"/>. Framing follows <see cref="HttpConnection"/>: 1xx heads
/// are skipped, HEAD/204/304 have no body, Transfer-Encoding wins over Content-Length (and then forbids reuse),
/// otherwise the body runs to the close. There are no timers here: a caller's watchdog calls <see cref="Abort"/>
/// from another thread, and the pending read then fails with a <see cref="NetworkException"/>.
/// Errors are the protocol layer's: <see cref="HttpProtocolException"/> and <see cref="NetworkException"/>.
/// </remarks>
internal sealed class DrainingConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SslStream? _tls;
    private readonly string _host;
    private readonly int _port;
    private readonly ResponseParser _parser = new();
    private readonly ReceiveBuffer _received;
    private long _wire;
    private int _disposed;

    private DrainingConnection(Socket socket, SslStream? tls, string host, int port)
    {
        _socket = socket;
        _tls = tls;
        _host = host;
        _port = port;
        _received = new ReceiveBuffer(ProtocolLimits.ReadBufferBytes);
    }

    /// <summary>False once a response failed or ended with the server closing: open a new connection.</summary>
    public bool IsReusable { get; private set; } = true;

    /// <summary>Opens a connection to <paramref name="endPoint"/>; with <paramref name="tls"/>, completes the handshake for <paramref name="host"/>.</summary>
    public static async Task<DrainingConnection> ConnectAsync(EndPoint endPoint, string host, bool tls, bool insecure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var port = endPoint is IPEndPoint ip ? ip.Port : 0;
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        SslStream? ssl = null;
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            if (tls)
            {
                ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
                var options = new SslClientAuthenticationOptions { TargetHost = host, ApplicationProtocols = [SslApplicationProtocol.Http11] };
                if (insecure)
                {
                    // --insecure is the user's explicit choice, as with curl -k.
#pragma warning disable CA5359
                    options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
                }

                await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            }

            return new DrainingConnection(socket, ssl, host, port);
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException or ObjectDisposedException)
        {
            ssl?.Dispose();
            socket.Dispose();
            throw NetworkException.From(host, port, e, $"cannot connect to {endPoint}");
        }
        catch (OperationCanceledException)
        {
            ssl?.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> (a complete request head, built once by the caller) and skips the whole
    /// response. <see cref="DrainedResponse.WireBytes"/> counts every response byte read, head included.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<DrainedResponse> SendAsync(ReadOnlyMemory<byte> request, bool isHead = false)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!IsReusable)
        {
            throw new InvalidOperationException("the previous response failed or closed this connection; open a new one");
        }

        _wire = 0;
        IsReusable = false;
        try
        {
            await WriteAsync(request).ConfigureAwait(false);
            var framing = await ReadHeadAsync().ConfigureAwait(false);
            var close = framing.WantsClose;
            long body;
            if (isHead || framing.StatusCode is 204 or 304)
            {
                body = 0;
            }
            else if (framing.HasTransferEncoding)
            {
                // RFC 9112 §6.3: Transfer-Encoding wins; with a Content-Length too it may be smuggling, so no reuse.
                close |= framing.HasContentLength || !framing.Chunked;
                body = framing.Chunked ? await SkipChunkedAsync().ConfigureAwait(false) : await SkipToEndAsync().ConfigureAwait(false);
            }
            else if (framing.GetContentLength() is var length and >= 0)
            {
                body = await SkipAsync(length).ConfigureAwait(false);
            }
            else
            {
                close = true;
                body = await SkipToEndAsync().ConfigureAwait(false);
            }

            IsReusable = !close && _received.UnreadCount == 0;
            return new DrainedResponse(framing.StatusCode, body, IsReusable, _wire);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            throw NetworkException.From(_host, _port, e, $"the connection failed after {_wire} response bytes");
        }
    }

    /// <summary>Closes the socket under a pending request (a watchdog's timeout); safe from any thread, any number of times.</summary>
    public void Abort()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_tls is not null)
        {
            await _tls.DisposeAsync().ConfigureAwait(false);
        }

        _socket.Dispose();
        _received.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResponseFraming> ReadHeadAsync()
    {
        for (var interim = 0; ; interim++)
        {
            var framing = new ResponseFraming();
            _parser.BeginHead();
            while (!TryParseHead(ref framing))
            {
                if (!await FillAsync().ConfigureAwait(false))
                {
                    HttpProtocolException.Throw(
                        HttpProtocolError.PrematureEof,
                        $"connection closed after {_parser.HeadBytes + _received.UnreadCount} bytes of the response head");
                }
            }

            if (framing.StatusCode >= 200)
            {
                return framing;
            }

            if (framing.StatusCode == 101)
            {
                HttpProtocolException.Throw(HttpProtocolError.UnexpectedStatus, "101 Switching Protocols without an Upgrade request");
            }

            if (interim + 1 >= ProtocolLimits.MaxInterimResponses)
            {
                HttpProtocolException.Throw(
                    HttpProtocolError.TooManyInterimResponses,
                    $"more than {ProtocolLimits.MaxInterimResponses} interim 1xx responses");
            }
        }
    }

    // Spans cannot live across awaits, so the synchronous parse step sits in its own method.
    private bool TryParseHead(ref ResponseFraming framing)
    {
        var done = _parser.TryParse(_received.Unread, ref framing, out var consumed);
        Consume(consumed);
        return done;
    }

    /// <summary>Skips <paramref name="length"/> body bytes: buffered ones first, then reads that never go past the body.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<long> SkipAsync(long length)
    {
        var remaining = length;
        var buffered = (int)Math.Min(remaining, _received.UnreadCount);
        Consume(buffered);
        remaining -= buffered;
        while (remaining > 0)
        {
            var n = await ReceiveAsync(_received.Scratch[..(int)Math.Min(remaining, _received.Capacity)]).ConfigureAwait(false);
            if (n == 0)
            {
                HttpProtocolException.Throw(
                    HttpProtocolError.PrematureEof,
                    $"connection closed with {remaining} body bytes still due of {length}, after {_wire} response bytes");
            }

            remaining -= n;
        }

        return length;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<long> SkipToEndAsync()
    {
        long body = _received.UnreadCount;
        Consume(_received.UnreadCount);
        int n;
        while ((n = await ReceiveAsync(_received.Scratch).ConfigureAwait(false)) > 0)
        {
            body += n;
        }

        return body;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<long> SkipChunkedAsync()
    {
        long body = 0;
        while (true)
        {
            ulong size;
            while (!TryConsumeChunkSize(out size))
            {
                await FillOrThrowAsync("in a chunk-size line", body).ConfigureAwait(false);
            }

            if (size == 0)
            {
                break;
            }

            body += await SkipAsync((long)size).ConfigureAwait(false);
            while (!TryConsumeChunkTerminator(body))
            {
                await FillOrThrowAsync("after chunk data", body).ConfigureAwait(false);
            }
        }

        // Trailer fields until the empty line; like the head, capped so a server cannot stream them forever.
        var trailerBytes = 0;
        while (true)
        {
            bool end;
            while (!TryConsumeTrailerLine(ref trailerBytes, out end))
            {
                await FillOrThrowAsync("in the trailers", body).ConfigureAwait(false);
            }

            if (end)
            {
                return body;
            }
        }
    }

    private bool TryConsumeChunkSize(out ulong size)
    {
        if (!ChunkedReadStream.TryParseChunkSize(_received.Unread, out size, out var consumed))
        {
            return false;
        }

        Consume(consumed);
        return true;
    }

    private bool TryConsumeChunkTerminator(long body)
    {
        if (!ChunkedReadStream.TryParseChunkTerminator(_received.Unread, body, out var consumed))
        {
            return false;
        }

        Consume(consumed);
        return true;
    }

    private bool TryConsumeTrailerLine(ref int trailerBytes, out bool end)
    {
        var buffered = _received.Unread;
        if (!ChunkedReadStream.TryParseTrailerLine(buffered, ref trailerBytes, ProtocolLimits.MaxResponseHeaderBytes, out var line, out var consumed))
        {
            end = false;
            return false;
        }

        end = line.IsEmpty;
        Consume(consumed);
        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillOrThrowAsync(string where, long body)
    {
        if (!await FillAsync().ConfigureAwait(false))
        {
            HttpProtocolException.Throw(HttpProtocolError.PrematureEof, $"connection closed {where}, after {body} body bytes (chunked)");
        }
    }

    private void Consume(int count) => _received.Consume(count);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync()
    {
        var n = await ReceiveAsync(_received.PrepareFill()).ConfigureAwait(false);
        _received.Commit(n);
        return n > 0;
    }

    private ValueTask WriteAsync(ReadOnlyMemory<byte> request)
    {
        if (_tls is not null)
        {
            return _tls.WriteAsync(request);
        }

        // A request of a few hundred bytes into an idle connection's empty send buffer completes at once:
        // the synchronous call skips an async state machine per request and cannot block in practice.
        var sent = 0;
        while (sent < request.Length)
        {
            sent += _socket.Send(request.Span[sent..], SocketFlags.None);
        }

        return ValueTask.CompletedTask;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceiveAsync(Memory<byte> into)
    {
        var n = _tls is not null
            ? await _tls.ReadAsync(into).ConfigureAwait(false)
            : await _socket.ReceiveAsync(into, SocketFlags.None).ConfigureAwait(false);
        _wire += n;
        return n;
    }
}
