using System.Collections.Concurrent;
using System.Diagnostics;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Actors.Tests.Load;

/// <summary>
/// The test-support Kestrel server (127.0.0.1:0, no response compression) counting every request it answers (the
/// figure load reports must match) and recording per-path counts and arrival times. Routes are supplied by the test.
/// </summary>
internal sealed class LoadTestServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _paths = new();
    private readonly ConcurrentQueue<long> _arrivals = new();
    private KestrelServer _server = null!;
    private long _requests;

    private LoadTestServer()
    {
    }

    public Uri BaseAddress => new(_server.BaseUrl + "/");

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<string, int> Paths => _paths;

    /// <summary>Stopwatch timestamps of request arrivals, in arrival order (roughly: concurrent requests may interleave).</summary>
    public long[] Arrivals => [.. _arrivals];

    public static async Task<LoadTestServer> StartAsync(Func<HttpContext, long, Task> handler)
    {
        var server = new LoadTestServer();
        server._server = await KestrelServer.StartAsync(
            app => app.Run(ctx =>
            {
                server._arrivals.Enqueue(Stopwatch.GetTimestamp());
                var n = Interlocked.Increment(ref server._requests);
                server._paths.AddOrUpdate(ctx.Request.Path.Value ?? "/", 1, (_, c) => c + 1);
                return handler(ctx, n);
            }),
            compression: false);
        return server;
    }

    /// <summary>A server answering every request with a fixed body of <paramref name="size"/> bytes.</summary>
    public static Task<LoadTestServer> StartFixedAsync(int size = 1024)
    {
        var body = new byte[size];
        Array.Fill(body, (byte)'x');
        return StartAsync((ctx, _) =>
        {
            ctx.Response.ContentLength = body.Length;
            return ctx.Response.Body.WriteAsync(body).AsTask();
        });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
