using System.Text;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Http1;

public sealed class ChunkedReadStreamTests
{
    private const string ChunkedResponse =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
        "5;name=value\r\nhello\r\n" +
        "6 ; other\r\n world\r\n" +
        "1\nX\n" +
        "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n";

    private const string Body = "hello worldX";

    public static TheoryData<int> SplitPositions()
    {
        var data = new TheoryData<int>();
        for (var i = 1; i < ChunkedResponse.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [InlineData("0\r\n", 0UL, 3)]
    [InlineData("a\r\n", 10UL, 3)]
    [InlineData("FF\n", 255UL, 3)]
    [InlineData("10;ext=1;x=\"y\"\r\n", 16UL, 16)]
    [InlineData("1  \t;ext\r\n", 1UL, 10)]
    [InlineData("ffffffffffffffff\r\n", ulong.MaxValue, 18)]
    public void TryParseChunkSize_ValidLine_ReturnsSizeAndConsumed(string line, ulong size, int consumed)
    {
        if (size > long.MaxValue)
        {
            var e = Assert.Throws<HttpProtocolException>(() => ChunkedReadStream.TryParseChunkSize(Encoding.ASCII.GetBytes(line), out _, out _));
            Assert.Equal(HttpProtocolError.InvalidChunkSize, e.Error);
            return;
        }

        Assert.True(ChunkedReadStream.TryParseChunkSize(Encoding.ASCII.GetBytes(line + "rest"), out var parsed, out var used));

        Assert.Equal(size, parsed);
        Assert.Equal(consumed, used);
    }

    [Theory]
    [InlineData("\r\n", "no hex digits")]
    [InlineData("g\r\n", "no hex digits")]
    [InlineData("-1\r\n", "no hex digits")]
    [InlineData("1 2\r\n", "unexpected characters")]
    [InlineData("0x10\r\n", "unexpected characters")]
    [InlineData("10000000000000000\r\n", "more than 16 hex digits")]
    public void TryParseChunkSize_InvalidLine_ThrowsInvalidChunkSize(string line, string why)
    {
        var e = Assert.Throws<HttpProtocolException>(() => ChunkedReadStream.TryParseChunkSize(Encoding.ASCII.GetBytes(line), out _, out _));

        Assert.Equal(HttpProtocolError.InvalidChunkSize, e.Error);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseChunkSize_IncompleteLine_NeedsMoreData()
    {
        Assert.False(ChunkedReadStream.TryParseChunkSize("1a;ext"u8, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void TryParseChunkSize_LineOverLimit_ThrowsChunkLineTooLong()
    {
        var line = Encoding.ASCII.GetBytes("1;" + new string('x', ProtocolLimits.MaxChunkLineBytes));

        var e = Assert.Throws<HttpProtocolException>(() => ChunkedReadStream.TryParseChunkSize(line, out _, out _));

        Assert.Equal(HttpProtocolError.ChunkLineTooLong, e.Error);
        Assert.Contains("16384 bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SplitPositions))]
    public async Task ChunkedBody_SplitAtEveryByte_DecodesIdentically(int split)
    {
        var transport = ScriptedStream.Split(Encoding.ASCII.GetBytes(ChunkedResponse), split);
        await using var connection = new HttpConnection(transport, "example.test", 80);

        await using var response = await connection.SendAsync(new FetchRequest(Url.Parse("http://example.test/")));
        var body = await ReadAllAsync(response.Body);

        Assert.Equal(Body, body);
        Assert.True(connection.IsReusable);
        var trailers = Assert.IsType<ChunkedReadStream>(response.Body).Trailers;
        Assert.Equal("abc", trailers["x-checksum"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task ChunkedBody_EverySegmentSize_DecodesIdentically(int segment)
    {
        var bytes = Encoding.ASCII.GetBytes(ChunkedResponse);
        var splits = Enumerable.Range(1, (bytes.Length - 1) / segment).Select(i => i * segment).ToArray();
        await using var connection = new HttpConnection(ScriptedStream.Split(bytes, splits), "example.test", 80);

        await using var response = await connection.SendAsync(new FetchRequest(Url.Parse("http://example.test/")));

        Assert.Equal(Body, await ReadAllAsync(response.Body));
        Assert.True(connection.IsReusable);
    }

    [Theory]
    [InlineData("5\r\nhelloXY0\r\n\r\n")]
    [InlineData("5\r\nhello\rX0\r\n\r\n")]
    public async Task ChunkedBody_DataNotFollowedByCrlf_ThrowsInvalidChunkTerminator(string chunks)
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
        await using var connection = new HttpConnection(new ScriptedStream(bytes), "example.test", 80);
        await using var response = await connection.SendAsync(new FetchRequest(Url.Parse("http://example.test/")));

        var e = await Assert.ThrowsAsync<HttpProtocolException>(() => ReadAllAsync(response.Body));

        Assert.Equal(HttpProtocolError.InvalidChunkTerminator, e.Error);
        Assert.False(connection.IsReusable);
    }

    internal static async Task<string> ReadAllAsync(Stream body)
    {
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }
}
