using Crawler.Actors.Fetching;

namespace Crawler.Actors.Tests.Fetching;

public sealed class DocumentReaderTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(99, 100)]
    [InlineData(100, 100)]
    [InlineData(40_000, 50_000)]
    public async Task ReadUpTo_BodyWithinLimit_WholeBodyAndComplete(int length, int limit)
    {
        var body = Pattern(length);

        var (head, complete) = await DocumentReader.ReadUpToAsync(new TrickleStream(body), limit, CancellationToken.None);

        Assert.True(complete);
        Assert.Equal(body, head.ToArray());
    }

    [Theory]
    [InlineData(101, 100)]
    [InlineData(100_000, 20_000)]
    public async Task ReadUpTo_BodyPastLimit_HeadPlusRestIsTheWholeBody(int length, int limit)
    {
        var body = Pattern(length);
        var stream = new TrickleStream(body);

        var (head, complete) = await DocumentReader.ReadUpToAsync(stream, limit, CancellationToken.None);
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest);

        Assert.False(complete);
        Assert.Equal(limit + 1, head.Length);
        Assert.Equal(body, head.ToArray().Concat(rest.ToArray()).ToArray());
    }

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();

    /// <summary>Hands out at most 1,000 bytes a read, as a socket would, so buffer growth is exercised.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}
