using System.Collections.Concurrent;
using System.Text;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Actors.Tests.Fetching;

/// <summary>
/// A generated site on the test-support Kestrel server (127.0.0.1:0, no response compression) whose request log
/// proves what was and was not fetched.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private KestrelServer _server = null!;

    private TestSite()
    {
    }

    public string Origin => _server.BaseUrl;

    /// <summary>Every request target (path and query), in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _server.RequestPaths];

    public static async Task<TestSite> StartAsync()
    {
        var site = new TestSite();
        site._server = await KestrelServer.StartAsync(app => app.Run(site.HandleAsync), compression: false);
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

    public int Count(string pathAndQuery) => _server.RequestPaths.Count(p => p == pathAndQuery);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task HandleAsync(HttpContext context)
    {
        if (_routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
