using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Crawler.Protocol.Connections;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Http1;

/// <summary>
/// One HTTP/1.1 connection over any byte stream (a socket, TLS, or memory in benchmarks): writes a request,
/// parses the head, and hands out a body stream framed per RFC 9112 §6.3. One request at a time.
/// <see cref="CrawlerClient"/> pools them; the load generator uses the header-free <see cref="DrainingConnection"/>, which shares the parser.
/// </summary>
public sealed partial class HttpConnection : IAsyncDisposable
{
    private readonly Stream _transport;
    private readonly Socket? _socket;
    private readonly ClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ResponseParser _parser;

    // Cancelled by the idle/first-byte/total timers (re-armed around every read) and by the caller's token.
    // Once it fired the connection is broken, so it never needs resetting.
    private readonly CancellationTokenSource _ioCts;

    private readonly ReceiveBuffer _received;
    private byte[]? _drainBuffer;

    private bool _inFlight;
    private bool _closeAfterResponse;
    private bool _broken;
    private bool _disposed;
    private bool _awaitingFirstByte;
    private long _responseBytes;
    private RequestDeadline _deadline;
    private CancellationToken _callerToken;
    private CancellationTokenRegistration _callerRegistration;

    internal HttpConnection(Stream transport, string host, int port, ClientOptions? options = null, TimeProvider? timeProvider = null, Socket? socket = null)
    {
        _transport = transport;
        Host = host;
        Port = port;
        _socket = socket;
        _options = options ?? new ClientOptions();
        _time = timeProvider ?? TimeProvider.System;
        _parser = new ResponseParser(_options.MaxResponseHeaderBytes, _options.MaxResponseHeaderCount);
        _ioCts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        _received = new ReceiveBuffer(ProtocolLimits.ReadBufferBytes);
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>Responses completed on this connection; above zero means a new request reuses it.</summary>
    public int CompletedResponses { get; private set; }

    /// <summary>The ALPN protocol agreed in the TLS handshake, or null for plain TCP.</summary>
    public string? NegotiatedProtocol { get; init; }

    /// <summary>
    /// True when the last response was read completely, its framing was unambiguous, and neither side asked
    /// to close: the connection may carry another request.
    /// </summary>
    public bool IsReusable => !_broken && !_disposed && !_inFlight && !_closeAfterResponse && _received.UnreadCount == 0;

    /// <summary>True while a response body is still being read (it has not reached its end, nor failed).</summary>
    internal bool IsReadingBody => _inFlight && !_broken && !_disposed;

    // Set by the pool: where the connection goes back, and since when it sits idle.
    internal object? PoolTag { get; set; }

    internal long IdleSinceTimestamp { get; set; }

    /// <summary>Opens a dedicated connection to <paramref name="origin"/>'s scheme, host and port (TLS for https).</summary>
    public static async Task<HttpConnection> ConnectAsync(Url origin, ClientOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        options ??= new ClientOptions();
        timeProvider ??= TimeProvider.System;
        var connector = new SocketConnector(options, timeProvider, new DnsCache(timeProvider, options.DnsCacheTtl));
        return await connector.ConnectAsync(origin, cancellationToken);
    }

    /// <summary>Sends <paramref name="request"/> and returns once the response head arrived; read the body to its end.</summary>
    public Task<Http1Response> SendAsync(FetchRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, RequestDeadline.Start(_time, _options.TotalTimeout), cancellationToken).AsTask();

    /// <summary>
    /// Sends the request and reads the body into a scratch buffer, counting its bytes. The load generator uses
    /// the allocation-free <see cref="DrainingConnection"/> instead; this one goes through the full fetch path.
    /// </summary>
    public async ValueTask<DrainedResponse> SendAndDrainAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(request, RequestDeadline.Start(_time, _options.TotalTimeout), cancellationToken);
        _drainBuffer ??= new byte[ProtocolLimits.ReadBufferBytes];
        long total = 0;
        try
        {
            int n;
            while ((n = await response.Body.ReadAsync(_drainBuffer, cancellationToken)) > 0)
            {
                total += n;
            }
        }
        finally
        {
            // The response never leaves this method, so its headers' pooled buffers go back here.
            response.Head.Release();
        }

        return new DrainedResponse(response.StatusCode, total, IsReusable, _responseBytes);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<Http1Response> SendAsync(FetchRequest request, RequestDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inFlight || _broken || _closeAfterResponse)
        {
            throw new InvalidOperationException(
                _inFlight ? "a response is still being read on this connection"
                : _broken ? "the connection is broken"
                : "the server closes this connection after its last response; open a new one");
        }

        var isHead = string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase);
        var requestBytes = EncodeRequest(request, out var requestLength);
        _inFlight = true;
        _deadline = deadline;
        _callerToken = cancellationToken;
        _responseBytes = 0;
        if (cancellationToken.CanBeCanceled)
        {
            _callerRegistration = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _ioCts);
        }

        try
        {
            try
            {
                await WriteTransportAsync(requestBytes.AsMemory(0, requestLength));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(requestBytes);
            }

            _awaitingFirstByte = true;
            var head = await ReadHeadAsync();
            var body = CreateBody(isHead);
            return new Http1Response(this, head, body);
        }
        catch
        {
            _broken = true;
            EndResponse();
            throw;
        }
    }

    /// <summary>True once any byte of the current response arrived (a failure before that may be retried).</summary>
    internal bool ReceivedResponseBytes => _responseBytes > 0;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseHead> ReadHeadAsync()
    {
        for (var interim = 0; ; interim++)
        {
            _parser.Reset();
            while (true)
            {
                var done = _parser.TryParse(Buffered, out var consumed);
                Consume(consumed);
                if (done)
                {
                    break;
                }

                if (!await FillAsync(CancellationToken.None))
                {
                    HttpProtocolException.Throw(
                        HttpProtocolError.PrematureEof,
                        $"connection closed after {_parser.HeadBytes + _received.UnreadCount} bytes of the response head");
                }
            }

            // An interim 1xx head is never handed out: the next Reset returns its header block.
            var statusCode = _parser.Framing.StatusCode;
            if (statusCode >= 200)
            {
                return _parser.GetHead();
            }

            if (statusCode == 101)
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

    private Stream CreateBody(bool isHead)
    {
        var framing = _parser.Framing;
        _closeAfterResponse = framing.WantsClose;
        if (isHead || framing.StatusCode is 204 or 304)
        {
            EndResponse();
            return Stream.Null;
        }

        if (framing.HasTransferEncoding)
        {
            // RFC 9112 §6.3: Transfer-Encoding wins over Content-Length; a message with both may be a smuggling
            // attempt, so it is read as chunked and the connection never carries another request.
            if (framing.HasContentLength)
            {
                _closeAfterResponse = true;
            }

            if (framing.Chunked)
            {
                return new ChunkedReadStream(this, _options.MaxResponseHeaderBytes);
            }

            _closeAfterResponse = true;
            return new ConnectionCloseReadStream(this);
        }

        var length = framing.GetContentLength();
        if (length >= 0)
        {
            if (length == 0)
            {
                EndResponse();
                return Stream.Null;
            }

            return new ContentLengthReadStream(this, length);
        }

        _closeAfterResponse = true;
        return new ConnectionCloseReadStream(this);
    }

    /// <summary>Called by the body streams once the body ended cleanly.</summary>
    internal void EndResponse()
    {
        if (!_inFlight)
        {
            return;
        }

        _inFlight = false;
        _callerRegistration.Dispose();
        _callerRegistration = default;
        _callerToken = default;
        if (!_broken)
        {
            CompletedResponses++;
        }
    }

    /// <summary>Called by the body streams when the body failed: the connection cannot be reused.</summary>
    internal void MarkBroken()
    {
        _broken = true;
        EndResponse();
    }

    /// <summary>
    /// A cheap check that an idle pooled connection was not closed by the server meanwhile: readable with
    /// nothing to read means EOF (or unexpected bytes), either way unusable.
    /// </summary>
    internal bool LooksAlive()
    {
        if (_broken || _disposed || _socket is null)
        {
            return !_broken && !_disposed;
        }

        try
        {
            return !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _callerRegistration.Dispose();
        await _transport.DisposeAsync();
        _socket?.Dispose();
        _ioCts.Dispose();
        _received.Dispose();
    }
}
