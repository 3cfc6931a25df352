using System.IO.Compression;
using System.Text;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Protocol.Tests.Client;

/// <summary>The client against Kestrel: ordinary GETs, HEAD, compression, keep-alive reuse and the pool cap.</summary>
public sealed class KestrelClientTests
{
    private static readonly string Page = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Hello, crawler!</p>", 200)) + "</body></html>";

    private static Task<KestrelServer> StartAsync() => KestrelServer.StartAsync(app =>
    {
        app.MapMethods("/text", ["GET", "HEAD"], () => Results.Text("plain text", "text/plain"));
        app.MapGet("/page", () => Results.Text(Page, "text/html"));
        app.MapGet("/slow", async () =>
        {
            // Long enough that concurrent requests overlap; far below the 100 ms rule for test delays.
            await Task.Delay(30);
            return Results.Text("slow", "text/plain");
        });
        app.MapGet("/big", () => Results.Bytes(new byte[1 << 20], "application/octet-stream"));
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
    });

    [Fact]
    public async Task Get_PlainText_ReturnsBodyAndHeaders()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url("/text")));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.StartsWith("text/plain", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("plain text", await ClientFactory.ReadBodyAsync(response));
        Assert.False(response.FromCache);
        Assert.Empty(response.RedirectChain);
    }

    [Fact]
    public async Task Get_MissingRoute_Returns404WithoutError()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url("/nope")));

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task Head_Page_HasNoBody()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url("/text")) with { Method = "HEAD" });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("", await ClientFactory.ReadBodyAsync(response));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Get_CompressedNotDecoded_ReturnsEncodedBytesThatDecompressToPage(string coding)
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();
        var request = ClientFactory.Get(server.Url("/page")) with { DecodeContent = false, Headers = [new("Accept-Encoding", coding)] };

        await using var response = await client.SendAsync(request);
        using var raw = new MemoryStream();
        await response.Body.CopyToAsync(raw);

        Assert.Equal(coding, response.Headers["Content-Encoding"]);
        raw.Position = 0;
        await using Stream decoder = coding == "gzip" ? new GZipStream(raw, CompressionMode.Decompress) : new BrotliStream(raw, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        Assert.Equal(Page, await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Get_Compressed_DecodesThroughContentDecoder(string coding)
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();
        var request = ClientFactory.Get(server.Url("/page")) with { Headers = [new("Accept-Encoding", coding)] };

        await using var response = await client.SendAsync(request);

        Assert.Equal(coding, response.Headers["Content-Encoding"]);
        Assert.Equal(Page, await ClientFactory.ReadBodyAsync(response));
    }

    [Fact]
    public async Task Get_SequentialRequests_ReuseOneConnection()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("plain text", await client.GetStringAsync(server.Url("/text")));
        }

        Assert.Equal(10, server.RequestCount);
        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(1, client.ConnectionsOpened);
    }

    [Fact]
    public async Task Get_ConcurrentRequests_HonourPerOriginCap()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create(new ClientOptions { MaxConnectionsPerOrigin = 2 });

        var bodies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetStringAsync(server.Url("/slow"))));

        Assert.All(bodies, b => Assert.Equal("slow", b));
        Assert.Equal(12, server.RequestCount);
        Assert.True(server.ConnectionCount <= 2, $"{server.ConnectionCount} connections");
        Assert.True(server.MaxConcurrentRequests <= 2, $"{server.MaxConcurrentRequests} concurrent requests");
    }

    [Theory]
    [InlineData("/page", 1)]
    [InlineData("/big", 2)]
    public async Task Get_ResponseDisposedUnread_SmallRestDrainedAndReusedLargeRestClosed(string path, int connections)
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        await using (await client.SendAsync(ClientFactory.Get(server.Url(path)) with { Headers = [new("Accept-Encoding", "identity")] }))
        {
        }

        Assert.Equal("plain text", await client.GetStringAsync(server.Url("/text")));
        Assert.Equal(connections, client.ConnectionsOpened);
    }

    [Fact]
    public async Task ViewSource_HttpUrl_FetchesInnerUrl()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        Assert.Equal("plain text", await client.GetStringAsync("view-source:" + server.Url("/text")));
    }

    [Fact]
    public async Task HttpConnection_SendAndDrain_CountsBodyBytesOnOneConnection()
    {
        await using var server = await StartAsync();
        await using var connection = await HttpConnection.ConnectAsync(Url.Parse(server.BaseUrl));
        var request = new FetchRequest(Url.Parse(server.Url("/page"))) { Headers = [new("Accept-Encoding", "identity")] };

        for (var i = 0; i < 5; i++)
        {
            var drained = await connection.SendAndDrainAsync(request);
            Assert.Equal(200, drained.StatusCode);
            Assert.Equal(Encoding.UTF8.GetByteCount(Page), drained.BodyBytes);
            Assert.True(drained.ConnectionReusable);
        }

        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(5, connection.CompletedResponses);
    }

    [Fact]
    public async Task Get_ConnectionRefused_ThrowsNetworkExceptionNamingHostAndPort()
    {
        int port;
        await using (var closed = LoopbackServer.Create())
        {
            port = closed.Port;
        }

        await using var client = ClientFactory.Create();

        var e = await Assert.ThrowsAsync<Crawler.Protocol.Connections.NetworkException>(() => client.SendAsync(ClientFactory.Get($"http://127.0.0.1:{port}/")));

        Assert.Equal(FetchErrorKind.Network, e.Kind);
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, e.SocketError);
        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        _ = TestTimeouts.Default;
    }
}
