using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.TestSupport.Loopback;

/// <summary>
/// Kestrel on 127.0.0.1:0 for ordinary responses: a test maps routes; gzip/br response compression is on;
/// every request's connection id is recorded so a test can assert keep-alive reuse and pool caps.
/// </summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requestsPerConnection;
    private readonly ConcurrentQueue<string> _paths;
    private readonly ConcurrencyGauge _gauge;

    private KestrelServer(WebApplication app, string baseUrl, ConcurrentDictionary<string, int> requestsPerConnection, ConcurrentQueue<string> paths, ConcurrencyGauge gauge)
    {
        _app = app;
        BaseUrl = baseUrl;
        _requestsPerConnection = requestsPerConnection;
        _paths = paths;
        _gauge = gauge;
    }

    /// <summary>"http://127.0.0.1:port" without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Distinct connections that carried at least one request.</summary>
    public int ConnectionCount => _requestsPerConnection.Count;

    public int RequestCount => _requestsPerConnection.Values.Sum();

    /// <summary>The most requests that were being handled at the same moment.</summary>
    public int MaxConcurrentRequests => _gauge.Max;

    /// <summary>Every request path (with query), in arrival order.</summary>
    public IReadOnlyCollection<string> RequestPaths => _paths;

    public string Url(string pathAndQuery = "/") => BaseUrl + pathAndQuery;

    /// <summary>
    /// Starts Kestrel with the routes <paramref name="map"/> adds (and whatever middleware it uses); with a
    /// <paramref name="certificate"/> it serves https (HTTP/1.1 only) and <see cref="BaseUrl"/> starts with "https://".
    /// </summary>
    public static async Task<KestrelServer> StartAsync(
        Action<WebApplication> map, bool compression = true, Action<WebApplication>? beforeRoutes = null, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (certificate is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseHttps(certificate);
            }));
        }

        if (compression)
        {
            builder.Services.AddResponseCompression(o =>
            {
                o.EnableForHttps = true;
                o.Providers.Add<BrotliCompressionProvider>();
                o.Providers.Add<GzipCompressionProvider>();
            });
        }

        var app = builder.Build();
        var requestsPerConnection = new ConcurrentDictionary<string, int>();
        var paths = new ConcurrentQueue<string>();
        var gauge = new ConcurrencyGauge();
        app.Use(async (context, next) =>
        {
            requestsPerConnection.AddOrUpdate(context.Connection.Id, 1, (_, n) => n + 1);
            paths.Enqueue(context.Request.Path + context.Request.QueryString);
            gauge.Enter();
            try
            {
                await next(context);
            }
            finally
            {
                gauge.Exit();
            }
        });
        if (compression)
        {
            app.UseResponseCompression();
        }

        beforeRoutes?.Invoke(app);
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelServer(app, address.TrimEnd('/'), requestsPerConnection, paths, gauge);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ConcurrencyGauge
    {
        private int _current;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }

        public void Exit() => Interlocked.Decrement(ref _current);
    }
}
