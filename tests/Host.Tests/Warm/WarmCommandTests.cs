using System.Text.Json;
using Crawler.Host.Tests.Crawl;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Crawler.Host.Tests.Warm;

public sealed class WarmCommandTests
{
    [Fact]
    public async Task Warm_Page_FetchesExactlyThePageAndItsRequisites()
    {
        using var run = new CrawlRun();
        CrawlCommandTests.WriteSite(run, "http://127.0.0.1:9/");
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, error) = await run.RunAsync("warm", server.Url("/"));

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.Equal(["/", "/fonts/f.woff2", "/img/bg.png", "/logo.png", "/robots.txt", "/style.css"], server.RequestPaths.Order(StringComparer.Ordinal));
        Assert.Contains("5 resources, 0 broken", output, StringComparison.Ordinal);
        Assert.Empty(CrawlRun.Files(run.Work));
    }

    [Fact]
    public async Task Warm_BrokenRequisite_ExitsOneAndNamesIt()
    {
        using var run = new CrawlRun();
        CrawlCommandTests.WriteSite(run, "http://127.0.0.1:9/");
        File.Delete(Path.Combine(run.Site, "img", "bg.png"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, _) = await run.RunAsync("warm", server.Url("/"));

        Assert.Equal(1, exit);
        Assert.Contains("404", output, StringComparison.Ordinal);
        Assert.Contains("needed by " + server.Url("/style.css"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warm_PagePastMaxParsedBytes_RequisitesNotWarmedAndWarned()
    {
        using var run = new CrawlRun();
        CrawlCommandTests.WriteSite(run, "http://127.0.0.1:9/");
        var size = new FileInfo(Path.Combine(run.Site, "index.html")).Length;
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, error) = await run.RunAsync("warm", server.Url("/"), "--set", "crawler.crawl.max-parsed-bytes=100");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.Equal(["/", "/robots.txt"], server.RequestPaths.Order(StringComparer.Ordinal));
        Assert.Contains("1 resources, 0 broken", output, StringComparison.Ordinal);
        Assert.Contains(
            $"  warning: {server.Url("/")}: links not extracted: the document is {size} bytes, more than crawler.crawl.max-parsed-bytes (100)",
            output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warm_RepeatBehindACache_HitRatioRises()
    {
        using var run = new CrawlRun();
        CrawlCommandTests.WriteSite(run, "http://127.0.0.1:9/");
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using var cached = await KestrelServer.StartAsync(app =>
        {
            // A toy cache in front of the site: the first request for a path misses, later ones hit.
            app.Use(async (context, next) =>
            {
                var path = context.Request.Path.Value!;
                context.Response.Headers["X-Cache"] = seen.AddOrUpdate(path, 1, (_, n) => n + 1) == 1 ? "MISS" : "HIT";
                await next(context);
            });
            var files = new PhysicalFileProvider(run.Site);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        });

        var (exit, output, error) = await run.RunAsync("warm", cached.Url("/"), "--repeat", "2", "--json");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        using var json = JsonDocument.Parse(output);
        var rounds = json.RootElement.GetProperty("rounds").EnumerateArray().ToArray();
        Assert.Equal(2, rounds.Length);
        Assert.Equal(0, rounds[0].GetProperty("hitRatio").GetDouble());
        Assert.Equal(1, rounds[1].GetProperty("hitRatio").GetDouble());
        Assert.All(rounds, r => Assert.Equal(0, r.GetProperty("warnings").GetArrayLength()));
    }
}
