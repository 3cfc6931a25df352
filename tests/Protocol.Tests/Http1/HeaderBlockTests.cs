using System.Text;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Tests.Http1;

/// <summary>Parsed headers: strings made on demand and cached, and their pooled buffers' lifetime.</summary>
public sealed class HeaderBlockTests
{
    private static HttpResponseHead Parse(string text)
    {
        var parser = new ResponseParser();
        Assert.True(parser.TryParse(Encoding.Latin1.GetBytes(text), out _));
        return parser.GetHead();
    }

    [Fact]
    public void Indexer_SameHeaderTwice_ReturnsTheCachedString()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nX-Id: abc-123\r\nServer: nginx\r\n\r\n");

        Assert.Same(head.Headers["x-id"], head.Headers["X-ID"]);
        Assert.Same("nginx", head.Headers["Server"]);
        Assert.Null(head.Headers["X-Missing"]);
    }

    [Fact]
    public void Enumerate_GivesNamesAndValuesInArrivalOrder_KnownNamesInCanonicalCase()
    {
        var head = Parse("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nX-Two: 2\r\nSet-Cookie: a=1\r\nset-cookie: b=\xe9\r\n\r\n");

        Assert.Equal(
            [new("Content-Type", "text/html"), new("X-Two", "2"), new("Set-Cookie", "a=1"), new("Set-Cookie", "b=\u00e9")],
            head.Headers.ToList());
    }

    [Fact]
    public void ObsFold_AfterEmptyValue_TakesTheContinuationAlone()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nX-A:\r\n  folded\r\nX-B: one\r\n\ttwo\r\n \r\n\r\n");

        Assert.Equal("folded", head.Headers["X-A"]);
        Assert.Equal("one two ", head.Headers["X-B"]);
    }

    [Fact]
    public void ManyLongHeaders_GrowTheBlock_AndKeepEveryValue()
    {
        var text = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"X-H{i}: {new string((char)('a' + (i % 26)), 100)}\r\n");
        }

        var head = Parse(text.Append("\r\n").ToString());

        Assert.Equal(100, head.Headers.Count);
        Assert.Equal(new string('v', 100), head.Headers["x-h99"]);
        Assert.Equal(new string('a', 100), head.Headers["X-H0"]);
    }

    [Fact]
    public void Release_ThenRead_ThrowsObjectDisposed_AndReleasingAgainIsHarmless()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nETag: \"x\"\r\n\r\n");
        Assert.Equal("\"x\"", head.Headers["ETag"]);

        head.Release();
        head.Release();

        Assert.Throws<ObjectDisposedException>(() => head.Headers["ETag"]);
        Assert.Throws<ObjectDisposedException>(() => head.Headers.Count);
    }

    [Fact]
    public void Copy_OutlivesTheRelease()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nETag: \"x\"\r\nVary: Accept-Encoding\r\n\r\n");

        var copy = head.Headers.Copy();
        head.Release();

        Assert.Equal("\"x\"", copy["etag"]);
        Assert.Equal(2, copy.Count);
    }

    [Fact]
    public void Mutation_TurnsParsedHeadersIntoAList()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n\r\n");

        head.Headers.Set("A", "3");
        head.Release();

        Assert.Equal([new("B", "2"), new("A", "3")], head.Headers.ToList());
    }

    [Fact]
    public void Reset_BeforeGetHead_ReturnsTheInterimBlock_AfterGetHead_LeavesItToTheOwner()
    {
        var parser = new ResponseParser();
        Assert.True(parser.TryParse("HTTP/1.1 200 OK\r\nA: 1\r\n\r\n"u8, out _));
        var head = parser.GetHead();

        parser.Reset();
        Assert.True(parser.TryParse("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"u8, out _));
        parser.Reset();

        Assert.Equal("1", head.Headers["A"]);
    }
}
