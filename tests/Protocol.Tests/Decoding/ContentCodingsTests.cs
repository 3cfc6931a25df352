using System.Text;
using Crawler.Protocol.Decoding;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Tests.Decoding;

public sealed class ContentCodingsTests
{
    [Fact]
    public void Of_ParsedHeaders_ReadsEveryValueInOrder_LowerCase_WithoutIdentity()
    {
        var parser = new ResponseParser();
        Assert.True(parser.TryParse(
            Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Encoding: GZIP, identity\r\ncontent-encoding: ,br ,X-Custom\r\n\r\n"),
            out _));

        var codings = ContentCodings.Of(parser.GetHead().Headers);

        Assert.Equal(["gzip", "br", "x-custom"], codings);
        Assert.Same("gzip", codings[0]);
    }

    [Fact]
    public void Of_ListHeaders_SameAnswer()
    {
        var headers = new HttpHeaders();
        headers.Add("Content-Encoding", "deflate");
        headers.Add("Content-Type", "text/html");

        Assert.Equal(["deflate"], ContentCodings.Of(headers));
        Assert.Empty(ContentCodings.Of(new HttpHeaders()));
    }
}
