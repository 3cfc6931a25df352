using System.Text;
using Crawler.Actors.Load;

namespace Crawler.Actors.Tests.Load;

public sealed class LoadConnectionTests
{
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

    public static TheoryData<string, int, bool> Framings => new()
    {
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, false },
        { "HTTP/1.1 200 OK\r\ncontent-length:5\r\nX-A: b\r\n\r\nhello", 200, false },
        { "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\n\r\n", 404, false },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nTrailer: x\r\n\r\n", 200, false },
        { "HTTP/1.1 204 No Content\r\n\r\n", 204, false },
        { "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", 304, false },
        { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, false },
        { "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 500, true },
        { "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, true },
        { "HTTP/1.0 200 OK\r\nContent-Length: 1\r\nConnection: Keep-Alive\r\n\r\nx", 200, false },
    };

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task SendAsync_FramingWholeOrBytePerWrite_ReadsStatusBytesAndPersistence(string response, int status, bool close)
    {
        foreach (var bytePerWrite in new[] { false, true })
        {
            var bytes = ScriptedServer.Ascii(response);
            await using var server = new ScriptedServer([bytes, bytes], bytePerWrite);
            await using var connection = await LoadConnection.ConnectAsync(server.EndPoint, "127.0.0.1", tls: false, insecure: false, CancellationToken.None);

            var first = await connection.SendAsync(Request).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(new LoadResponse(status, bytes.Length, close), first);
            if (!close)
            {
                // The same connection serves the next response: nothing of the first was left unread.
                var second = await connection.SendAsync(Request).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(first, second);
            }
        }
    }

    [Fact]
    public async Task SendAsync_CloseDelimitedBody_ReadsToEndAndReportsClose()
    {
        var bytes = ScriptedServer.Ascii("HTTP/1.1 200 OK\r\n\r\nbody until close");
        await using var server = new ScriptedServer([bytes], bytePerWrite: false, closeAfter: true);
        await using var connection = await LoadConnection.ConnectAsync(server.EndPoint, "127.0.0.1", false, false, CancellationToken.None);

        var response = await connection.SendAsync(Request).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new LoadResponse(200, bytes.Length, true), response);
    }

    [Fact]
    public async Task SendAsync_ServerClosesMidBody_ThrowsReadError()
    {
        var bytes = ScriptedServer.Ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort");
        await using var server = new ScriptedServer([bytes], bytePerWrite: false, closeAfter: true);
        await using var connection = await LoadConnection.ConnectAsync(server.EndPoint, "127.0.0.1", false, false, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<LoadException>(() => connection.SendAsync(Request).AsTask());

        Assert.Equal(LoadErrorKind.Read, ex.Kind);
        Assert.Contains("95 body bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n", "invalid status line")]
    [InlineData("ICY 200 OK\r\n\r\n", "invalid status line")]
    [InlineData("HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n", "invalid header line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", "invalid Content-Length")]
    public async Task SendAsync_MalformedHead_ThrowsProtocolErrorNamingTheCause(string head, string reason)
    {
        await using var server = new ScriptedServer([ScriptedServer.Ascii(head)], bytePerWrite: false);
        await using var connection = await LoadConnection.ConnectAsync(server.EndPoint, "127.0.0.1", false, false, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<LoadException>(() => connection.SendAsync(Request).AsTask());

        Assert.Equal(LoadErrorKind.Protocol, ex.Kind);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_InvalidChunkSize_ThrowsProtocolError()
    {
        var bytes = ScriptedServer.Ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        await using var server = new ScriptedServer([bytes], bytePerWrite: false);
        await using var connection = await LoadConnection.ConnectAsync(server.EndPoint, "127.0.0.1", false, false, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<LoadException>(() => connection.SendAsync(Request).AsTask());

        Assert.Equal(LoadErrorKind.Protocol, ex.Kind);
        Assert.Contains("invalid chunk-size line", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'zz'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_NobodyListening_ThrowsConnectError()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = listener.LocalEndpoint;
        listener.Stop();

        var ex = await Assert.ThrowsAsync<LoadException>(() => LoadConnection.ConnectAsync(endPoint, "127.0.0.1", false, false, CancellationToken.None));

        Assert.Equal(LoadErrorKind.Connect, ex.Kind);
    }
}
