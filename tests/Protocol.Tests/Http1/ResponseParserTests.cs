using System.Text;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Tests.Http1;

public sealed class ResponseParserTests
{
    private const string Response =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n" +
        "X-Empty:\r\nETag: \"v1\"\r\nContent-Length: 5\r\n\r\nhello";

    public static TheoryData<int> SplitPositions()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i <= Response.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void TryParse_CompleteHead_ReadsStatusAndHeadersAndStopsAtBody()
    {
        var bytes = Encoding.ASCII.GetBytes(Response);
        var parser = new ResponseParser();

        Assert.True(parser.TryParse(bytes, out var consumed));

        Assert.Equal(Response.IndexOf("hello", StringComparison.Ordinal), consumed);
        var head = parser.GetHead();
        Assert.Equal(200, head.StatusCode);
        Assert.Equal("OK", head.ReasonPhrase);
        Assert.Equal(1, head.MinorVersion);
        Assert.Equal("text/html; charset=utf-8", head.Headers["content-type"]);
        Assert.Equal(["a=1", "b=2"], head.Headers.GetValues("SET-COOKIE"));
        Assert.Equal("", head.Headers["X-Empty"]);
        Assert.Equal(6, head.Headers.Count);
    }

    [Theory]
    [MemberData(nameof(SplitPositions))]
    public void TryParse_SplitAtEveryBytePosition_ParsesIdentically(int split)
    {
        var bytes = Encoding.ASCII.GetBytes(Response);
        var parser = new ResponseParser();

        var done = parser.TryParse(bytes.AsSpan(0, split), out var first);
        var total = first;
        if (!done)
        {
            Assert.True(parser.TryParse(bytes.AsSpan(first), out var second));
            total += second;
        }

        Assert.Equal(Response.IndexOf("hello", StringComparison.Ordinal), total);
        var head = parser.GetHead();
        Assert.Equal(200, head.StatusCode);
        Assert.Equal(["a=1", "b=2"], head.Headers.GetValues("Set-Cookie"));
        Assert.Equal("\"v1\"", head.Headers["ETag"]);
        Assert.Equal(6, head.Headers.Count);
    }

    [Fact]
    public void TryParse_PartialLine_ConsumesOnlyCompleteLines()
    {
        var parser = new ResponseParser();

        Assert.False(parser.TryParse("HTTP/1.1 200 OK\r\nServer: ng"u8, out var consumed));

        Assert.Equal("HTTP/1.1 200 OK\r\n".Length, consumed);
    }

    [Fact]
    public void TryParse_BareLfLineEndings_Accepted()
    {
        var parser = new ResponseParser();

        Assert.True(parser.TryParse("HTTP/1.0 404 Not Found\nServer: x\n\n"u8, out var consumed));

        Assert.Equal(34, consumed);
        Assert.Equal(404, parser.GetHead().StatusCode);
        Assert.Equal(0, parser.GetHead().MinorVersion);
        Assert.Equal("x", parser.GetHead().Headers["server"]);
    }

    [Theory]
    [InlineData("HTTP/1.1 204\r\n\r\n", 204, "")]
    [InlineData("HTTP/1.1 200 \r\n\r\n", 200, "")]
    [InlineData("HTTP/1.1 599 Custom Reason Here\r\n\r\n", 599, "Custom Reason Here")]
    public void TryParse_StatusLineVariants_Accepted(string text, int status, string reason)
    {
        var parser = new ResponseParser();

        Assert.True(parser.TryParse(Encoding.ASCII.GetBytes(text), out _));

        Assert.Equal(status, parser.GetHead().StatusCode);
        Assert.Equal(reason, parser.GetHead().ReasonPhrase);
    }

    [Theory]
    [InlineData("HTTP/2 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    [InlineData("ICY 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 099 Low\r\n\r\n")]
    [InlineData("\r\n")]
    public void TryParse_InvalidStatusLine_ThrowsInvalidStatusLine(string text)
    {
        var parser = new ResponseParser();

        var e = Assert.Throws<HttpProtocolException>(() => parser.TryParse(Encoding.ASCII.GetBytes(text), out _));

        Assert.Equal(HttpProtocolError.InvalidStatusLine, e.Error);
        Assert.Equal(FetchErrorKind.Protocol, e.Kind);
    }

    [Theory]
    [InlineData("NoColon\r\n", "no ':'")]
    [InlineData(": empty-name\r\n", "no ':'")]
    [InlineData("Bad Name: x\r\n", "not a token")]
    [InlineData("Name : x\r\n", "not a token")]
    [InlineData("Name: a\0b\r\n", "NUL")]
    [InlineData("Name: a\rb\r\n", "bare CR")]
    [InlineData(" folded-first\r\n", "continuation")]
    public void TryParse_InvalidHeaderLine_ThrowsNamingTheCause(string headerLine, string expected)
    {
        var parser = new ResponseParser();
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n" + headerLine + "\r\n");

        var e = Assert.Throws<HttpProtocolException>(() => parser.TryParse(bytes, out _));

        Assert.Equal(HttpProtocolError.InvalidHeaderLine, e.Error);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ObsFold_JoinsWithPreviousValue()
    {
        var parser = new ResponseParser();

        Assert.True(parser.TryParse("HTTP/1.1 200 OK\r\nX-Long: part one\r\n\tpart two\r\n\r\n"u8, out _));

        Assert.Equal("part one part two", parser.GetHead().Headers["x-long"]);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(1000, false)]
    public void TryParse_HeadOverByteLimit_ThrowsHeadersTooLarge(int limit, bool lineComplete)
    {
        var parser = new ResponseParser(maxHeaderBytes: limit);
        var text = "HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 2000) + (lineComplete ? "\r\n\r\n" : "");

        var e = Assert.Throws<HttpProtocolException>(() => parser.TryParse(Encoding.ASCII.GetBytes(text), out _));

        Assert.Equal(HttpProtocolError.HeadersTooLarge, e.Error);
        Assert.Contains($"exceed {limit} bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void TryParse_HeaderCountAtBoundary_ThrowsOnlyAboveLimit(int limit, bool accepted)
    {
        var parser = new ResponseParser(maxHeaderCount: limit);
        var bytes = "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n"u8.ToArray();

        if (accepted)
        {
            Assert.True(parser.TryParse(bytes, out _));
        }
        else
        {
            var e = Assert.Throws<HttpProtocolException>(() => parser.TryParse(bytes, out _));
            Assert.Equal(HttpProtocolError.TooManyHeaders, e.Error);
            Assert.Contains("more than 3 headers", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryParse_AfterReset_ParsesNextResponse()
    {
        var parser = new ResponseParser();
        Assert.True(parser.TryParse("HTTP/1.1 301 Moved Permanently\r\nLocation: /a\r\n\r\n"u8, out _));

        parser.Reset();

        Assert.True(parser.TryParse("HTTP/1.1 200 OK\r\n\r\n"u8, out _));
        Assert.Equal(200, parser.GetHead().StatusCode);
        Assert.Equal(0, parser.GetHead().Headers.Count);
    }
}
