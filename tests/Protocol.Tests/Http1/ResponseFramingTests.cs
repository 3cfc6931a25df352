using System.Text;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Tests.Http1;

/// <summary>The framing handler on the shared parser: what frames a body and decides reuse, with no strings kept.</summary>
public sealed class ResponseFramingTests
{
    private const string Head =
        "HTTP/1.1 404 Not Found\r\nServer: x\r\ncontent-length: 5, 5\r\nConnection: keep-alive, Close\r\nX-Folded: a\r\n b\r\n\r\n";

    public static TheoryData<int> SplitPositions()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i <= Head.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SplitPositions))]
    public void TryParse_SplitAtEveryBytePosition_KeepsTheSameFraming(int split)
    {
        var bytes = Encoding.ASCII.GetBytes(Head);
        var parser = new ResponseParser();
        var framing = new ResponseFraming();

        var done = parser.TryParse(bytes.AsSpan(0, split), ref framing, out var first);
        var total = first;
        if (!done)
        {
            Assert.True(parser.TryParse(bytes.AsSpan(first), ref framing, out var second));
            total += second;
        }

        Assert.Equal(bytes.Length, total);
        Assert.Equal(404, framing.StatusCode);
        Assert.Equal(1, framing.MinorVersion);
        Assert.Equal(5, framing.GetContentLength());
        Assert.False(framing.HasTransferEncoding);
        Assert.True(framing.ConnectionClose);
        Assert.True(framing.WantsClose);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", -1L, false, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 0L, false, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", -1L, true, true, false)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", -1L, true, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n", -1L, true, true, false)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: x\r\n close\r\n\r\n", -1L, false, false, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\n", 1L, false, false, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\nConnection: Keep-Alive\r\n\r\n", 1L, false, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\n", long.MaxValue, false, false, false)]
    public void TryParse_FramingHeaders_AreReadAsHttpConnectionReadsThem(string head, long contentLength, bool transferEncoding, bool chunked, bool close)
    {
        var framing = Parse(head);

        Assert.Equal(contentLength, framing.GetContentLength());
        Assert.Equal(transferEncoding, framing.HasTransferEncoding);
        Assert.Equal(chunked, framing.Chunked);
        Assert.Equal(close, framing.WantsClose);
    }

    [Theory]
    [InlineData("Content-Length: -1", HttpProtocolError.InvalidContentLength, "invalid Content-Length '-1'")]
    [InlineData("Content-Length: 1x", HttpProtocolError.InvalidContentLength, "invalid Content-Length '1x'")]
    [InlineData("Content-Length:", HttpProtocolError.InvalidContentLength, "invalid Content-Length")]
    [InlineData("Content-Length: 5,", HttpProtocolError.InvalidContentLength, "invalid Content-Length '5,'")]
    [InlineData("Content-Length: 92233720368547758070", HttpProtocolError.InvalidContentLength, "invalid Content-Length")]
    [InlineData("Content-Length: 5\r\nContent-Length: 6", HttpProtocolError.ConflictingContentLength, "values 5 and 6")]
    [InlineData("Content-Length: 5\r\n 5", HttpProtocolError.InvalidContentLength, "invalid Content-Length")]
    [InlineData(" folded: first", HttpProtocolError.InvalidHeaderLine, "continuation line before any header")]
    [InlineData("NoColonHere", HttpProtocolError.InvalidHeaderLine, "no ':'")]
    public void TryParse_BadFramingHeader_ThrowsNamingTheCause(string header, HttpProtocolError error, string message)
    {
        var ex = Assert.Throws<HttpProtocolException>(() => Parse($"HTTP/1.1 200 OK\r\n{header}\r\n\r\n").GetContentLength());

        Assert.Equal(error, ex.Error);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_MoreHeadersThanTheCap_ThrowsTooManyHeaders()
    {
        var parser = new ResponseParser(maxHeaderCount: 2);
        var framing = new ResponseFraming();
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");

        var ex = Assert.Throws<HttpProtocolException>(() => parser.TryParse(bytes, ref framing, out _));

        Assert.Equal(HttpProtocolError.TooManyHeaders, ex.Error);
    }

    private static ResponseFraming Parse(string head)
    {
        var parser = new ResponseParser();
        var framing = new ResponseFraming();
        Assert.True(parser.TryParse(Encoding.ASCII.GetBytes(head), ref framing, out _));
        return framing;
    }
}
