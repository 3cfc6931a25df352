using Crawler.TestSupport.Loopback;
using System.Text;
using BenchmarkDotNet.Attributes;
using Crawler.Protocol;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Benchmarks.Protocol;

/// <summary>
/// The load generator's request loop over loopback: pre-built request bytes sent, an nginx-like head with a
/// 1 KiB body skipped. <see cref="DrainingConnection"/> (what `crawler load` runs) against the full fetch path's
/// <see cref="HttpConnection.SendAndDrainAsync"/>. Read the Allocated column; the times are loopback round trips
/// on a shared machine. Run: `dotnet run -c Release --project bench/Crawler.Benchmarks -- --filter '*Draining*' --job short --inProcess`.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the servers and connections.
public class DrainingBenchmarks
#pragma warning restore CA1001
{
    private const string Head =
        "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Mon, 23 Nov 2026 23:00:00 GMT\r\nContent-Type: text/html\r\n" +
        "Connection: keep-alive\r\nETag: \"5f2b-63c1a9e0b7d40\"\r\nAccept-Ranges: bytes\r\n";

    // A worker's requests run back to back as continuations on pool threads, as in LoadWorker. One request per
    // invocation would start each on BenchmarkDotNet's blocked main thread and finish it on a pool thread, so the
    // pooled async state machines would land in the wrong thread's cache and be allocated afresh every time.
    private const int RequestsPerInvoke = 256;

    private static readonly string Body = new('x', 1024);

    private readonly byte[] _request = Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: crawler-load\r\n\r\n");
    private readonly List<IDisposable> _servers = [];
    private DrainingConnection _contentLength = null!;
    private DrainingConnection _chunked = null!;
    private HttpConnection _fullPath = null!;
    private FetchRequest _fetchRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var contentLength = Encoding.ASCII.GetBytes(Head + $"Content-Length: {Body.Length}\r\n\r\n" + Body);
        var chunked = Encoding.ASCII.GetBytes(Head + "Transfer-Encoding: chunked\r\n\r\n" + $"{Body.Length:X}\r\n{Body}\r\n0\r\n\r\n");
        _contentLength = Connect(contentLength);
        _chunked = Connect(chunked);

        var server = new ReplayServer(contentLength);
        _servers.Add(server);
        var origin = Url.Parse($"http://127.0.0.1:{server.EndPoint.Port}/index.html");
        _fullPath = HttpConnection.ConnectAsync(origin).GetAwaiter().GetResult();
        _fetchRequest = new FetchRequest(origin);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _contentLength.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _chunked.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _fullPath.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _servers.ForEach(s => s.Dispose());
    }

    /// <summary>What `crawler load` runs per request: Content-Length body skipped in place.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RequestsPerInvoke)]
    public async Task<long> DrainingContentLength()
    {
        long bytes = 0;
        for (var i = 0; i < RequestsPerInvoke; i++)
        {
            bytes += (await _contentLength.SendAsync(_request).ConfigureAwait(false)).WireBytes;
        }

        return bytes;
    }

    /// <summary>As above with a chunked body.</summary>
    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public async Task<long> DrainingChunked()
    {
        long bytes = 0;
        for (var i = 0; i < RequestsPerInvoke; i++)
        {
            bytes += (await _chunked.SendAsync(_request).ConfigureAwait(false)).WireBytes;
        }

        return bytes;
    }

    /// <summary>The full fetch path: request encoded, header strings, response object and body stream per request.</summary>
    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public async Task<long> HttpConnectionSendAndDrain()
    {
        long bytes = 0;
        for (var i = 0; i < RequestsPerInvoke; i++)
        {
            bytes += (await _fullPath.SendAndDrainAsync(_fetchRequest).ConfigureAwait(false)).WireBytes;
        }

        return bytes;
    }

    private DrainingConnection Connect(byte[] response)
    {
        var server = new ReplayServer(response);
        _servers.Add(server);
        return DrainingConnection.ConnectAsync(server.EndPoint, "127.0.0.1", tls: false, insecure: false, CancellationToken.None).GetAwaiter().GetResult();
    }
}
