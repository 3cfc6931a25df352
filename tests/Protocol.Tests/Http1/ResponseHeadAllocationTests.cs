using System.Text;
using Crawler.Protocol.Http1;
using Xunit.Abstractions;

namespace Crawler.Protocol.Tests.Http1;

/// <summary>
/// Parsing a response head allocates a fixed amount per response (the head, its headers object, one block) and
/// nothing per header: a head with 40 headers costs what one with 10 does.
/// </summary>
[Collection(nameof(AllocationGroup))]
public sealed class ResponseHeadAllocationTests(ITestOutputHelper output)
{
    private const int WarmUpHeads = 200;
    private const int MeasuredHeads = 2000;

    [Fact]
    public void TryParse_MoreHeaders_AllocatesNothingMore()
    {
        // 40 headers of ~60 bytes also outgrow the block's first buffer and table, so growth is measured too.
        var small = Head(10);
        var large = Head(40);
        var parser = new ResponseParser();
        ParseMany(parser, small, WarmUpHeads);
        ParseMany(parser, large, WarmUpHeads);

        var perSmallHead = BytesPerHead(parser, small);
        var perLargeHead = BytesPerHead(parser, large);

        output.WriteLine($"bytes per head: {perSmallHead:F1} with 10 headers, {perLargeHead:F1} with 40");

        // The counter is this thread's and exact; what is left is the fixed per-response objects.
        Assert.True(
            Math.Abs(perLargeHead - perSmallHead) < 1,
            $"{perSmallHead:F1} bytes per 10-header head, {perLargeHead:F1} per 40-header head: the difference is allocated per header");
        Assert.True(perSmallHead < 256, $"{perSmallHead:F1} bytes per head, expected only a few small fixed objects");
    }

    private static double BytesPerHead(ResponseParser parser, byte[] head)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        ParseMany(parser, head, MeasuredHeads);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)MeasuredHeads;
    }

    // What HttpConnection does per response: reset, parse, read the framing and a header count, release.
    private static void ParseMany(ResponseParser parser, byte[] bytes, int count)
    {
        for (var i = 0; i < count; i++)
        {
            parser.Reset();
            if (!parser.TryParse(bytes, out var consumed) || consumed != bytes.Length)
            {
                throw new InvalidOperationException("the head did not parse");
            }

            var head = parser.GetHead();
            if (head.Headers.Count < 10 || parser.Framing.GetContentLength() != 5 || parser.Framing.WantsClose)
            {
                throw new InvalidOperationException("unexpected head");
            }

            head.Release();
        }
    }

    private static byte[] Head(int headers)
    {
        var text = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n");
        for (var i = 2; i < headers; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"X-Custom-Header-{i}: value {i} that no table of known values holds\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }
}
