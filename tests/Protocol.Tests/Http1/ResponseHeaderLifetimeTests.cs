using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Tests.Http1;

/// <summary>Who returns a parsed head's buffers on the connection: the response, when disposed.</summary>
public sealed class ResponseHeaderLifetimeTests
{
    private static readonly FetchRequest Request = new(Crawler.Protocol.Urls.Url.Parse("http://example.test/"));

    [Fact]
    public async Task Http1Response_HeadersReadableUntilDisposed_AfterInterimResponse()
    {
        var bytes = "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nETag: \"e\"\r\nContent-Length: 2\r\n\r\nok"u8.ToArray();
        await using var connection = new HttpConnection(new ScriptedStream(bytes), "example.test", 80);

        var response = await connection.SendAsync(Request);
        var headers = response.Headers;
        Assert.Equal("\"e\"", headers["etag"]);
        Assert.Null(headers["Link"]);

        await response.DisposeAsync();
        await response.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => headers["ETag"]);
    }
}
