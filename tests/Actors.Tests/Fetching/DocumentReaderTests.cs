using System.Text;
using Crawler.Actors.Fetching;

namespace Crawler.Actors.Tests.Fetching;

public sealed class DocumentReaderTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(99, 100)]
    [InlineData(100, 100)]
    [InlineData(40_000, 50_000)]
    public async Task Read_BodyWithinLimit_StoresAndDecodesTheWholeBody(int length, int limit)
    {
        var body = Pattern(length);
        byte[]? stored = null;
        Stream? rest = null;

        using var text = await DocumentReader.ReadAsync(new TrickleStream(body), "text/html; charset=utf-8", limit,
            (head, remainder) => { stored = head.ToArray(); rest = remainder; return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(body, stored);
        Assert.Null(rest);
        Assert.Equal(Encoding.UTF8.GetString(body), text?.ToString());
    }

    [Theory]
    [InlineData(101, 100)]
    [InlineData(100_000, 20_000)]
    public async Task Read_BodyPastLimit_HeadPlusRestIsTheWholeBodyAndNoText(int length, int limit)
    {
        var body = Pattern(length);
        var copy = new MemoryStream();

        var text = await DocumentReader.ReadAsync(new TrickleStream(body), "text/html", limit, async (head, rest) =>
        {
            Assert.Equal(limit + 1, head.Length);
            copy.Write(head.Span);
            await rest!.CopyToAsync(copy);
        }, CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(body, copy.ToArray());
    }

    [Fact]
    public async Task Read_Latin1Charset_DecodedWithIt()
    {
        using var text = await DocumentReader.ReadAsync(new MemoryStream([0x63, 0x61, 0x66, 0xE9]), "text/html; charset=iso-8859-1", 100,
            (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Equal("café", text?.ToString());
    }

    // ASCII letters, so the bytes are valid UTF-8 whatever the cut.
    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();

    /// <summary>Hands out at most 1,000 bytes a read, as a socket would, so buffer growth is exercised.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}
