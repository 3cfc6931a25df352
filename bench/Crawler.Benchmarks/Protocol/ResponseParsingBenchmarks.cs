using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Crawler.Protocol;
using Crawler.Protocol.Decoding;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Benchmarks.Protocol;

/// <summary>
/// The HTTP/1.1 read path from in-memory bytes: a realistic 12-header head, a 64 KiB chunked body in 4 KiB
/// chunks, and a gzip'd 64 KiB HTML page decoded through ContentDecoder. MB/s = bytes per operation (printed
/// by GlobalSetup) over the mean time.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the connections.
public class ResponseParsingBenchmarks
#pragma warning restore CA1001
{
    private const int BodyBytes = 64 * 1024;
    private const int ChunkBytes = 4 * 1024;

    private static readonly string Head =
        "HTTP/1.1 200 OK\r\n" +
        "Date: Mon, 23 Nov 2026 23:00:00 GMT\r\n" +
        "Server: nginx/1.22.1\r\n" +
        "Content-Type: text/html; charset=utf-8\r\n" +
        "Connection: keep-alive\r\n" +
        "Cache-Control: public, max-age=3600\r\n" +
        "ETag: \"5f2b-63c1a9e0b7d40\"\r\n" +
        "Last-Modified: Sun, 22 Nov 2026 10:00:00 GMT\r\n" +
        "Vary: Accept-Encoding\r\n" +
        "X-Content-Type-Options: nosniff\r\n" +
        "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n" +
        "Set-Cookie: session=abc123; Path=/; HttpOnly\r\n";

    private readonly FetchRequest _request = new(Url.Parse("http://bench.test/page.html"));
    private readonly byte[] _drain = new byte[16 * 1024];
    private byte[] _headOnly = [];
    private HttpConnection _chunked = null!;
    private HttpConnection _gzip = null!;

    [GlobalSetup]
    public void Setup()
    {
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 4000).Select(i => $"<li><a href=\"/p/{i}\">item {i}</a></li>\n")))[..BodyBytes];

        _headOnly = Encoding.ASCII.GetBytes(Head + "Transfer-Encoding: chunked\r\n\r\n");
        using var chunked = new MemoryStream();
        chunked.Write(_headOnly);
        for (var at = 0; at < html.Length; at += ChunkBytes)
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{ChunkBytes:X}\r\n"));
            chunked.Write(html, at, ChunkBytes);
            chunked.Write("\r\n"u8);
        }

        chunked.Write("0\r\n\r\n"u8);
        var chunkedResponse = chunked.ToArray();

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(html);
        }

        var gzipResponse = Encoding.ASCII.GetBytes(Head + $"Content-Encoding: gzip\r\nContent-Length: {compressed.Length}\r\n\r\n")
            .Concat(compressed.ToArray()).ToArray();

        _chunked = new HttpConnection(new ReplayTransport(chunkedResponse), "bench.test", 80);
        _gzip = new HttpConnection(new ReplayTransport(gzipResponse), "bench.test", 80);
        Console.WriteLine($"// bytes per op: head {_headOnly.Length}, head+chunked {chunkedResponse.Length}, gzip wire {gzipResponse.Length} -> decoded {BodyBytes}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _chunked.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _gzip.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Status line and 13 headers parsed from one span; the head is released as a disposed response releases it.</summary>
    [Benchmark]
    public int ParseHead()
    {
        var parser = new ResponseParser();
        if (!parser.TryParse(_headOnly, out var consumed))
        {
            return -1;
        }

        var head = parser.GetHead();
        var result = consumed + head.Headers.Count;
        head.Release();
        return result;
    }

    /// <summary>Request written, head parsed, 64 KiB chunked body drained, connection ready for the next.</summary>
    [Benchmark]
    public async Task<long> HeadAndChunkedBody64K() => (await _chunked.SendAndDrainAsync(_request)).BodyBytes;

    /// <summary>As above with a Content-Length gzip body decoded through ContentDecoder to 64 KiB of HTML.</summary>
    [Benchmark]
    public async Task<long> GzipHtml64K()
    {
        await using var response = await _gzip.SendAsync(_request);
        await using var decoded = ContentDecoder.Decode(response.Body, ["gzip"], DecodingLimits.Default);
        long total = 0;
        int n;
        while ((n = await decoded.ReadAsync(_drain)) > 0)
        {
            total += n;
        }

        return total;
    }
}
