using Crawler.TestSupport.Loopback;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Crawler.Protocol.Http1;
using Crawler.TestSupport;

namespace Crawler.Protocol.Tests.Http1;

/// <summary>The load generator's hot path allocates nothing per request once warm, whatever the framing.</summary>
[Collection(nameof(AllocationGroup))]
public sealed class DrainingConnectionAllocationTests
{
    private const int WarmUpRequests = 500;
    private const int MeasuredRequests = 3000;

    // The counter is process-wide: runtime timers and the test host allocate a little on their own (measured
    // 0-14 bytes a request). 64 bytes a request is below one string or one boxed state machine per request
    // (about 100+ bytes), the smallest regression that could creep in.
    private const long MaxBytesPerRequest = 64;

    // Debug builds compile every async method to a class, so each call allocates its state machine (measured
    // 700-900 bytes a request over five or six calls). There the test only guards against gross regressions such
    // as header strings; `dotnet test -c Release` checks the real bound.
    private const long MaxBytesPerRequestUnoptimized = 2048;

    private static readonly bool Optimized =
        typeof(DrainingConnection).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: bench.test\r\nUser-Agent: crawler-load\r\n\r\n");

    private const string Headers =
        "Date: Mon, 23 Nov 2026 23:00:00 GMT\r\nServer: nginx/1.22.1\r\nContent-Type: text/html; charset=utf-8\r\n" +
        "Connection: keep-alive\r\nCache-Control: public, max-age=3600\r\nETag: \"5f2b-63c1a9e0b7d40\"\r\nVary: Accept-Encoding\r\n";

    public static TheoryData<string> Responses => new()
    {
        "HTTP/1.1 200 OK\r\n" + Headers + "Content-Length: 20000\r\n\r\n" + new string('a', 20_000),
        "HTTP/1.1 200 OK\r\n" + Headers + "Transfer-Encoding: chunked\r\n\r\n" + "1000\r\n" + new string('b', 4096) + "\r\n"
            + "400;ext=1\r\n" + new string('c', 1024) + "\r\n0\r\nX-Trailer: t\r\n\r\n",
        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 404 Not Found\r\n" + Headers + "Content-Length: 9\r\n\r\nnot found",
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task SendAsync_SteadyState_AllocatesNothingPerRequest(string response)
    {
        using var server = new ReplayServer(Encoding.ASCII.GetBytes(response));

        // Off xunit's synchronization context, whose posted continuations would allocate per await.
        var bytesPerRequest = await Task.Run(async () =>
        {
            await using var connection = await DrainingConnection.ConnectAsync(server.EndPoint, "127.0.0.1", false, false, CancellationToken.None)
                .ConfigureAwait(false);
            await SendManyAsync(connection, WarmUpRequests).ConfigureAwait(false);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await SendManyAsync(connection, MeasuredRequests).ConfigureAwait(false);
            var after = GC.GetTotalAllocatedBytes(precise: true);
            return (after - before) / (double)MeasuredRequests;
        }).WaitAsync(TestTimeouts.Default);

        var bound = Optimized ? MaxBytesPerRequest : MaxBytesPerRequestUnoptimized;
        Assert.True(bytesPerRequest < bound, $"{bytesPerRequest:F1} bytes allocated per request (bound {bound}, optimized build: {Optimized})");
    }

    private static async Task SendManyAsync(DrainingConnection connection, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var drained = await connection.SendAsync(Request).ConfigureAwait(false);
            if (!drained.ConnectionReusable)
            {
                throw new InvalidOperationException($"request {i} left the connection unusable");
            }
        }
    }
}
