using System.Text;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Http1;

public sealed class HttpConnectionTests
{
    private static readonly FetchRequest Request = new(Url.Parse("http://example.test/a?b=c"));

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", false)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nok", false)]
    public async Task SendAndDrain_Framing_DecidesReuse(string response, bool reusable)
    {
        await using var connection = new HttpConnection(new ScriptedStream(Encoding.ASCII.GetBytes(response)), "example.test", 80);

        var drained = await connection.SendAndDrainAsync(Request);

        Assert.Equal(200, drained.StatusCode);
        Assert.Equal(2, drained.BodyBytes);
        Assert.Equal(reusable, drained.ConnectionReusable);
        Assert.Equal(reusable, connection.IsReusable);
    }

    [Fact]
    public async Task Send_AfterServerAnnouncedClose_ThrowsInvalidOperation()
    {
        var bytes = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray();
        await using var connection = new HttpConnection(new ScriptedStream(bytes), "example.test", 80);
        await connection.SendAndDrainAsync(Request);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.SendAsync(Request));

        Assert.Contains("open a new one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WritesOneRequestWithOriginFormTarget()
    {
        var transport = new ScriptedStream("HTTP/1.1 204 No Content\r\n\r\n"u8.ToArray());
        await using var connection = new HttpConnection(transport, "example.test", 80, new ClientOptions { UserAgent = "ua/2" });

        await connection.SendAndDrainAsync(Request with { Method = "head", Headers = [new("X-A", "1")] });

        Assert.Equal(
            "HEAD /a?b=c HTTP/1.1\r\nHost: example.test\r\nUser-Agent: ua/2\r\nAccept-Encoding: gzip, deflate, br\r\nX-A: 1\r\n\r\n",
            Encoding.ASCII.GetString(transport.Written));
    }

    [Fact]
    public async Task Send_TooManyInterimResponses_Throws()
    {
        var interim = string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", ProtocolLimits.MaxInterimResponses));
        await using var connection = new HttpConnection(new ScriptedStream(Encoding.ASCII.GetBytes(interim + "HTTP/1.1 200 OK\r\n\r\n")), "example.test", 80);

        var e = await Assert.ThrowsAsync<HttpProtocolException>(() => connection.SendAsync(Request));

        Assert.Equal(HttpProtocolError.TooManyInterimResponses, e.Error);
        Assert.False(connection.IsReusable);
    }
}
