using System.Net;
using System.Text;
using Crawler.Protocol.Connections;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Tests.Connections;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;

namespace Crawler.Protocol.Tests.Http1;

/// <summary>The load generator's draining path against a scripted raw server: framing, reuse, wire bytes, errors.</summary>
public sealed class DrainingConnectionTests
{
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

    public static TheoryData<string, int, long, bool> Framings => new()
    {
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, 5, true },
        { "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\nX-A: b\r\n\r\nhello", 200, 5, true },
        { "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\n\r\n", 404, 8, true },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\nok\n0\nTrailer: x\nX-B: y\n\n", 200, 2, true },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nTrailer: x\r\n\r\n", 200, 0, true },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 200, 3, false },
        { "HTTP/1.1 204 No Content\r\n\r\n", 204, 0, true },
        { "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", 304, 0, true },
        { "HTTP/1.1 304 Not Modified\r\nContent-Length: junk\r\n\r\n", 304, 0, true },
        { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, 2, true },
        { "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 500, 0, false },
        { "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, 1, false },
        { "HTTP/1.0 200 OK\r\nContent-Length: 1\r\nConnection: Keep-Alive\r\n\r\nx", 200, 1, true },
    };

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task SendAsync_EachFramingWholeOrBytePerWrite_SkipsBodyAndCountsWireBytes(string response, int status, long body, bool reusable)
    {
        var bytes = Encoding.ASCII.GetBytes(response);
        foreach (var bytePerWrite in new[] { false, true })
        {
            await using var server = LoopbackServer.Create();
            var serverTask = ServeAsync(server, bytes, reusable ? 2 : 1, bytePerWrite);
            await using var connection = await ConnectAsync(server);

            var first = await connection.SendAsync(Request).AsTask().WaitAsync(TestTimeouts.Default);
            Assert.Equal(new DrainedResponse(status, body, reusable, bytes.Length), first);
            if (reusable)
            {
                // Nothing of the first response was left unread, so the second parses from a clean start.
                var second = await connection.SendAsync(Request).AsTask().WaitAsync(TestTimeouts.Default);
                Assert.Equal(first, second);
            }

            await serverTask;
        }
    }

    [Fact]
    public async Task SendAsync_HeadRequest_ReadsNoBodyDespiteContentLength()
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        await using var server = LoopbackServer.Create();
        var serverTask = ServeAsync(server, bytes, 2, bytePerWrite: false);
        await using var connection = await ConnectAsync(server);

        var first = await connection.SendAsync(Request, isHead: true).AsTask().WaitAsync(TestTimeouts.Default);
        var second = await connection.SendAsync(Request, isHead: true).AsTask().WaitAsync(TestTimeouts.Default);

        Assert.Equal(new DrainedResponse(200, 0, true, bytes.Length), first);
        Assert.Equal(first, second);
        await serverTask;
    }

    [Fact]
    public async Task SendAsync_CloseDelimitedBody_ReadsToEndAndIsNotReusable()
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\nbody until close");
        await using var server = LoopbackServer.Create();
        var serverTask = ServeAsync(server, bytes, 1, bytePerWrite: false, close: true);
        await using var connection = await ConnectAsync(server);

        var response = await connection.SendAsync(Request).AsTask().WaitAsync(TestTimeouts.Default);

        Assert.Equal(new DrainedResponse(200, 16, false, bytes.Length), response);
        Assert.False(connection.IsReusable);
        await Assert.ThrowsAsync<InvalidOperationException>(() => connection.SendAsync(Request).AsTask());
        await serverTask;
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", HttpProtocolError.PrematureEof, "95 body bytes still due of 100")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le", HttpProtocolError.PrematureEof, "connection closed after")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", HttpProtocolError.PrematureEof, "2 body bytes still due of 5")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX: 1", HttpProtocolError.PrematureEof, "in the trailers")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", HttpProtocolError.InvalidChunkSize, "'zz'")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokXX", HttpProtocolError.InvalidChunkTerminator, "'XX'")]
    [InlineData("ICY 200 OK\r\n\r\n", HttpProtocolError.InvalidStatusLine, "'ICY 200 OK'")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", HttpProtocolError.ConflictingContentLength, "values 5 and 6")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\n\r\n", HttpProtocolError.UnexpectedStatus, "101")]
    public async Task SendAsync_BrokenResponse_ThrowsProtocolErrorNamingTheCause(string response, HttpProtocolError error, string message)
    {
        await using var server = LoopbackServer.Create();
        var serverTask = ServeAsync(server, Encoding.ASCII.GetBytes(response), 1, bytePerWrite: false, close: true);
        await using var connection = await ConnectAsync(server);

        var ex = await Assert.ThrowsAsync<HttpProtocolException>(() => connection.SendAsync(Request).AsTask().WaitAsync(TestTimeouts.Default));

        Assert.Equal(error, ex.Error);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.False(connection.IsReusable);
        await serverTask;
    }

    [Fact]
    public async Task SendAsync_EndlessInterimResponses_ThrowsTooManyInterimResponses()
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", ProtocolLimits.MaxInterimResponses + 1)));
        await using var server = LoopbackServer.Create();
        var serverTask = ServeAsync(server, bytes, 1, bytePerWrite: false, close: true);
        await using var connection = await ConnectAsync(server);

        var ex = await Assert.ThrowsAsync<HttpProtocolException>(() => connection.SendAsync(Request).AsTask().WaitAsync(TestTimeouts.Default));

        Assert.Equal(HttpProtocolError.TooManyInterimResponses, ex.Error);
        await serverTask;
    }

    [Fact]
    public async Task SendAsync_AbortedWhileWaiting_ThrowsNetworkException()
    {
        await using var server = LoopbackServer.Create();
        var accepted = new TaskCompletionSource<LoopbackConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        var serverTask = Task.Run(async () =>
        {
            var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            accepted.SetResult(connection);
        });
        await using var connection = await ConnectAsync(server);

        var pending = connection.SendAsync(Request).AsTask();
        await using var serverSide = await accepted.Task.WaitAsync(TestTimeouts.Default);
        connection.Abort();

        await Assert.ThrowsAsync<NetworkException>(() => pending.WaitAsync(TestTimeouts.Default));
        await serverTask;
    }

    [Fact]
    public async Task SendAsync_OverTlsWithInsecure_DrainsAndReuses()
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret");
        await using var server = LoopbackServer.Create(certificate: TlsTests.Certificate.Value);
        var serverTask = ServeAsync(server, bytes, 2, bytePerWrite: false);
        await using var connection = await DrainingConnection.ConnectAsync(
            new IPEndPoint(IPAddress.Loopback, server.Port), "localhost", tls: true, insecure: true, CancellationToken.None);

        var first = await connection.SendAsync(Request).AsTask().WaitAsync(TestTimeouts.Default);
        var second = await connection.SendAsync(Request).AsTask().WaitAsync(TestTimeouts.Default);

        Assert.Equal(new DrainedResponse(200, 6, true, bytes.Length), first);
        Assert.Equal(first, second);
        await serverTask;
    }

    [Fact]
    public async Task ConnectAsync_SelfSignedWithoutInsecure_ThrowsNetworkException()
    {
        await using var server = LoopbackServer.Create(certificate: TlsTests.Certificate.Value);
        var serverTask = Task.Run(async () =>
        {
            try
            {
                await using var connection = await server.AcceptConnectionAsync();
            }
            catch (Exception)
            {
                // The client rejected the certificate mid-handshake; how the server side fails does not matter here.
            }
        });

        var ex = await Assert.ThrowsAsync<NetworkException>(() => DrainingConnection.ConnectAsync(
            new IPEndPoint(IPAddress.Loopback, server.Port), "localhost", tls: true, insecure: false, CancellationToken.None).WaitAsync(TestTimeouts.Default));

        Assert.Contains("cannot connect", ex.Message, StringComparison.Ordinal);
        await serverTask.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public async Task ConnectAsync_NobodyListening_ThrowsNetworkException()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = listener.LocalEndpoint;
        listener.Stop();

        var ex = await Assert.ThrowsAsync<NetworkException>(() => DrainingConnection.ConnectAsync(endPoint, "127.0.0.1", false, false, CancellationToken.None));

        Assert.Contains("cannot connect", ex.Message, StringComparison.Ordinal);
    }

    private static Task<DrainingConnection> ConnectAsync(LoopbackServer server) =>
        DrainingConnection.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), "127.0.0.1", tls: false, insecure: false, CancellationToken.None);

    private static Task ServeAsync(LoopbackServer server, byte[] response, int count, bool bytePerWrite, bool close = false) => Task.Run(async () =>
    {
        await using var connection = await server.AcceptConnectionAsync();
        for (var i = 0; i < count; i++)
        {
            await connection.ReadRequestHeadAsync();
            if (!bytePerWrite)
            {
                await connection.SendRawAsync(response);
                continue;
            }

            for (var at = 0; at < response.Length; at++)
            {
                await connection.SendRawAsync(response.AsMemory(at, 1));
            }
        }

        if (close)
        {
            await connection.CloseAsync();
        }
    }).WaitAsync(TestTimeouts.Default);
}
