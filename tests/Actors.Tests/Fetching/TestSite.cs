using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Tests.Fetching;

/// <summary>A generated site on Kestrel (127.0.0.1:0) whose request log proves what was and was not fetched.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();

    private TestSite(WebApplication app) => _app = app;

    public string Origin { get; private set; } = "";

    public IReadOnlyList<string> Requests => _log.ToArray();

    public static async Task<TestSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new TestSite(app);
        app.Run(site.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.Origin = address.TrimEnd('/');
        return site;
    }

    public string Url(string path) => Origin + path;

    public TestSite Page(string path, string html) => Add(path, 200, "text/html; charset=utf-8", html);

    public TestSite Css(string path, string css) => Add(path, 200, "text/css", css);

    public TestSite Add(string path, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        _routes[path] = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(bytes);
        };
        return this;
    }

    public TestSite Handle(string path, Func<HttpContext, Task> handler)
    {
        _routes[path] = handler;
        return this;
    }

    public int Count(string pathAndQuery) => _log.Count(p => p == pathAndQuery);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Path.Value + context.Request.QueryString.Value;
        _log.Enqueue(target);
        if (_routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
