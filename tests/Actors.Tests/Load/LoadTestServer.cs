using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Tests.Load;

/// <summary>
/// Kestrel on 127.0.0.1:0 that counts every request it answers (the figure load reports must match) and
/// records per-path counts and arrival times. Routes are supplied by the test.
/// </summary>
internal sealed class LoadTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _paths = new();
    private readonly ConcurrentQueue<long> _arrivals = new();
    private long _requests;

    private LoadTestServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<string, int> Paths => _paths;

    /// <summary>Stopwatch timestamps of request arrivals, in arrival order (roughly: concurrent requests may interleave).</summary>
    public long[] Arrivals => [.. _arrivals];

    public static async Task<LoadTestServer> StartAsync(Func<HttpContext, long, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoadTestServer(app);
        app.Run(ctx =>
        {
            server._arrivals.Enqueue(Stopwatch.GetTimestamp());
            var n = Interlocked.Increment(ref server._requests);
            server._paths.AddOrUpdate(ctx.Request.Path.Value ?? "/", 1, (_, c) => c + 1);
            return handler(ctx, n);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
