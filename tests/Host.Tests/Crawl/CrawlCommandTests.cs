using System.Text.Json;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Host.Tests.Crawl;

public sealed class CrawlCommandTests
{
    [Fact]
    public async Task Crawl_GeneratedSite_MirrorHoldsExactlyTheExpectedFilesAndBytes()
    {
        using var run = new CrawlRun();
        await using var elsewhere = await KestrelServer.StartAsync(app => { });
        WriteSite(run, elsewhere.Url("/"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, error) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "--depth", "3");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        var mirror = Path.Combine(run.Work, "out", HostDirectory(server.Url("/")));
        string[] expected = ["a.html", "fonts/f.woff2", "img/bg.png", "index.html", "logo.png", "style.css", "sub/b.html"];
        Assert.Equal(expected, CrawlRun.Files(mirror));
        foreach (var file in expected)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(run.Site, file)), await File.ReadAllBytesAsync(Path.Combine(mirror, file)));
        }

        Assert.Equal(["out"], Directory.GetDirectories(run.Work).Select(Path.GetFileName));
        Assert.DoesNotContain(server.RequestPaths, p => p.StartsWith("/private/", StringComparison.Ordinal));
        Assert.Empty(elsewhere.RequestPaths);
        Assert.Equal(1, server.RequestPaths.Count(p => p == "/robots.txt"));
        Assert.Contains("Skipped 1 URLs disallowed by robots.txt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_BrokenLinks_JsonRecordsStatusAndReferrer()
    {
        using var run = new CrawlRun();
        await using var elsewhere = await KestrelServer.StartAsync(app => { });
        WriteSite(run, elsewhere.Url("/"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, _) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var urls = json.RootElement.GetProperty("urls").EnumerateArray().ToArray();
        var missing = Assert.Single(urls, u => u.GetProperty("url").GetString()!.EndsWith("/missing.html", StringComparison.Ordinal));
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
        Assert.Equal(server.Url("/sub/b.html"), missing.GetProperty("referrer").GetString());
        Assert.Equal(2, missing.GetProperty("depth").GetInt32());
        Assert.Equal("HttpStatus", missing.GetProperty("errorKind").GetString());
        Assert.All(urls, u => Assert.True(u.GetProperty("timeMs").GetDouble() >= 0));
        Assert.Equal(urls.Length, urls.Select(u => u.GetProperty("url").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Crawl_HostilePage_WritesNothingOutsideTheOutputFolder()
    {
        using var run = new CrawlRun();
        run.WriteSite("index.html", """
            <a href="../../etc/passwd">a</a> <a href="%2e%2e/%2e%2e/%2e%2e/escape.html">b</a>
            <a href="/..%2f..%2fescape2.html">c</a> <a href="/CON">d</a> <a href="/aux.txt">e</a> <a href="/nul.html">f</a>
            <a href="/a%00b.html">g</a> <a href="/%2e%2e%5c%2e%2e%5cwin.html">h</a> <img src="/dir/..%2F..%2F..%2Fimg.png">
            """);
        await using var server = await KestrelServer.StartAsync(app => app.Run(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.SendFileAsync(Path.Combine(run.Site, "index.html"));
        }));

        var (exit, output, error) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "--depth", "1");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.True(server.RequestPaths.Count >= 5, "the hostile links were fetched");
        Assert.Equal(["index.html"], CrawlRun.Files(run.Site));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(run.Work).Select(Path.GetFileName));
        Assert.Equal(["site", "work"], Directory.GetFileSystemEntries(run.Root).Select(Path.GetFileName).Order());
        var outFull = Path.GetFullPath(Path.Combine(run.Work, "out")) + Path.DirectorySeparatorChar;
        Assert.All(Directory.EnumerateFileSystemEntries(Path.Combine(run.Work, "out"), "*", SearchOption.AllDirectories),
            f => Assert.StartsWith(outFull, Path.GetFullPath(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawl_ConvertLinks_SavedPageLinksPointAtLocalFiles()
    {
        using var run = new CrawlRun();
        await using var elsewhere = await KestrelServer.StartAsync(app => { });
        WriteSite(run, elsewhere.Url("/"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, _, _) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "--convert-links");

        Assert.Equal(0, exit);
        var b = await File.ReadAllTextAsync(Path.Combine(run.Work, "out", HostDirectory(server.Url("/")), "sub", "b.html"));
        Assert.True(b.Contains("\"../index.html\"", StringComparison.Ordinal), b);
        Assert.True(b.Contains("\"../logo.png\"", StringComparison.Ordinal), b);

        // As wget -k does: a link to something not saved (here a 404) becomes absolute, so it still works from disk.
        Assert.True(b.Contains(server.Url("/missing.html"), StringComparison.Ordinal), b);
    }

    [Fact]
    public async Task Crawl_StoppedByMaxPagesThenContinued_FinishesTheMirror()
    {
        using var run = new CrawlRun();
        await using var elsewhere = await KestrelServer.StartAsync(app => { });
        WriteSite(run, elsewhere.Url("/"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, error) = await run.RunAsync(["crawl", server.Url("/"), "-o", "out", "-nH", "--max-pages", "1"]);
        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.DoesNotContain("sub/b.html", CrawlRun.Files(Path.Combine(run.Work, "out")));

        (exit, output, error) = await run.RunAsync(["crawl", server.Url("/"), "-o", "out", "-nH", "--continue"]);

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.Contains("Continued: ", output, StringComparison.Ordinal);
        Assert.Equal(["a.html", "fonts/f.woff2", "img/bg.png", "index.html", "logo.png", "style.css", "sub/b.html"], CrawlRun.Files(Path.Combine(run.Work, "out")));

        // Once more, all of it from the journal: the JSON report says so, overall and URL by URL.
        (exit, output, error) = await run.RunAsync(["crawl", server.Url("/"), "-o", "out", "-nH", "--continue", "--json"]);
        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(summary.GetProperty("done").GetInt64(), summary.GetProperty("resumed").GetInt64());
        Assert.All(json.RootElement.GetProperty("urls").EnumerateArray(), u => Assert.True(u.GetProperty("resumed").GetBoolean()));
    }

    [Theory]
    [InlineData("--no-host-directories")]
    [InlineData("-nH")]
    [InlineData("--set", "crawler.crawl.host-directories=off")]
    public async Task Crawl_NoHostDirectories_FilesLandAtTheRootAndConvertedLinksStillWork(params string[] flag)
    {
        using var run = new CrawlRun();
        await using var elsewhere = await KestrelServer.StartAsync(app => { });
        WriteSite(run, elsewhere.Url("/"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, error) = await run.RunAsync(["crawl", server.Url("/"), "-o", "out", "--convert-links", .. flag]);

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        var mirror = Path.Combine(run.Work, "out");
        Assert.Equal(["a.html", "fonts/f.woff2", "img/bg.png", "index.html", "logo.png", "style.css", "sub/b.html"], CrawlRun.Files(mirror));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(run.Site, "logo.png")), await File.ReadAllBytesAsync(Path.Combine(mirror, "logo.png")));
        var b = await File.ReadAllTextAsync(Path.Combine(mirror, "sub", "b.html"));
        Assert.True(b.Contains("\"../index.html\"", StringComparison.Ordinal), b);
        Assert.True(b.Contains("\"../logo.png\"", StringComparison.Ordinal), b);
        var index = await File.ReadAllTextAsync(Path.Combine(mirror, "index.html"));
        Assert.True(index.Contains("href=\"sub/b.html\"", StringComparison.Ordinal), index);
        Assert.True(index.Contains("href=\"style.css\"", StringComparison.Ordinal), index);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Crawl_Sitemap_SeedsUnlinkedPagesOnlyWhenAsked(bool useSitemap)
    {
        using var run = new CrawlRun();
        WriteSite(run, "http://127.0.0.1:9/");
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);
        run.WriteSite("sitemap.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{server.Url("/unlinked.html")}</loc></url></urlset>
            """);
        string[] args = useSitemap ? ["crawl", server.Url("/"), "-o", "out", "--sitemap"] : ["crawl", server.Url("/"), "-o", "out"];

        var (exit, output, error) = await run.RunAsync(args);

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.Equal(useSitemap, server.RequestPaths.Contains("/unlinked.html"));
        Assert.Equal(useSitemap, File.Exists(Path.Combine(run.Work, "out", HostDirectory(server.Url("/")), "unlinked.html")));
    }

    [Theory]
    [InlineData(new[] { "--exclude", "/sub/**" }, "/sub/b.html", false)]
    [InlineData(new[] { "--exclude", "*.png" }, "/logo.png", false)]
    [InlineData(new[] { "--include", "/", "--include", "/a.html" }, "/a.html", true)]
    [InlineData(new[] { "--include", "/", "--include", "/a.html" }, "/sub/b.html", false)]
    [InlineData(new[] { "--depth", "0" }, "/a.html", false)]
    [InlineData(new[] { "--depth", "0" }, "/img/bg.png", true)]
    [InlineData(new[] { "--max-pages", "1" }, "/a.html", false)]
    [InlineData(new[] { "--ignore-robots" }, "/private/secret.html", true)]
    public async Task Crawl_ScopeFlags_DecideWhatIsRequested(string[] flags, string path, bool requested)
    {
        using var run = new CrawlRun();
        WriteSite(run, "http://127.0.0.1:9/");
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, error) = await run.RunAsync(["crawl", server.Url("/"), "-o", "out", .. flags]);

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.Equal(requested, server.RequestPaths.Contains(path));
        Assert.Contains("/", server.RequestPaths);
    }

    [Fact]
    public async Task Crawl_SpanHostsWithDomains_FollowsOnlyAllowedHosts()
    {
        using var run = new CrawlRun();
        await using var elsewhere = await KestrelServer.StartAsync(app => app.Run(context => context.Response.WriteAsync("<p>away</p>")));
        WriteSite(run, elsewhere.Url("/"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, _, _) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "--span-hosts", "--domains", "127.0.0.1");

        Assert.Equal(0, exit);
        Assert.Contains("/away.html", elsewhere.RequestPaths);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Crawl_PerHost_NeverMoreRequestsInFlightToOneHost(int perHost)
    {
        using var run = new CrawlRun();
        run.WriteSite("index.html", string.Concat(Enumerable.Range(0, 30).Select(i => $"<a href=\"p{i}.html\">{i}</a><img src=\"i{i}.png\">")));
        for (var i = 0; i < 30; i++)
        {
            run.WriteSite($"p{i}.html", $"<p>page {i}</p>");
            run.WriteSite($"i{i}.png", new string('x', 10_000));
        }

        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, _) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "-c", "8", "--per-host", perHost.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, exit);
        Assert.Contains("61 ok", output, StringComparison.Ordinal);
        Assert.InRange(server.MaxConcurrentRequests, 1, perHost);
    }

    [Fact]
    public async Task Crawl_NotAUrl_UsageError()
    {
        using var run = new CrawlRun();

        var (exit, _, error) = await run.RunAsync("crawl", "ftp://example.org/");

        Assert.Equal(2, exit);
        Assert.Contains("not an http(s) URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_NoUrl_MirrorsTheBundledSampleSiteIntoMirrorWithoutHostDirectory()
    {
        using var run = new CrawlRun();
        var mirror = Path.Combine(run.Work, "mirror");

        var (exit, output, error) = await run.RunAsync("crawl");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        var files = CrawlRun.Files(mirror);
        Assert.Contains("index.html", files);
        Assert.Contains("style.css", files);
        Assert.Contains("docs/index.html", files);
        Assert.DoesNotContain(Directory.GetDirectories(mirror), d => Path.GetFileName(d).StartsWith("127.0.0.1", StringComparison.Ordinal));
        Assert.Contains("0 failed", output, StringComparison.Ordinal);

        // The sample site is served on a new random port each run; the second run must land in the same files.
        var (again, _, _) = await run.RunAsync("crawl");

        Assert.Equal(0, again);
        Assert.Equal(files, CrawlRun.Files(mirror));
    }

    [Fact]
    public async Task Crawl_NoUrlWithHostDirectoriesSetExplicitly_KeepsTheHostDirectory()
    {
        using var run = new CrawlRun();

        var (exit, output, error) = await run.RunAsync("crawl", "--set", "crawler.crawl.host-directories=on");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        var host = Assert.Single(Directory.GetFileSystemEntries(Path.Combine(run.Work, "mirror")), e => Path.GetFileName(e) != Crawler.Actors.Crawl.CrawlJournal.FileName);
        Assert.StartsWith("127.0.0.1_", Path.GetFileName(host), StringComparison.Ordinal);
        Assert.Contains("index.html", CrawlRun.Files(host));
    }

    [Fact]
    public async Task Crawl_PagePastMaxParsedBytes_SavedWholeNotFollowedAndWarnedInJson()
    {
        using var run = new CrawlRun();
        WriteSite(run, "http://127.0.0.1:9/");
        var page = await File.ReadAllBytesAsync(Path.Combine(run.Site, "index.html"));
        await using var server = await KestrelSiteServer.ServeFolderAsync(run.Site);

        var (exit, output, error) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "--json", "--set", "crawler.crawl.max-parsed-bytes=100");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        var mirror = Path.Combine(run.Work, "out", HostDirectory(server.Url("/")));
        Assert.Equal(["index.html"], CrawlRun.Files(mirror));
        Assert.Equal(page, await File.ReadAllBytesAsync(Path.Combine(mirror, "index.html")));
        using var json = JsonDocument.Parse(output);
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal(
            $"{server.Url("/")}: links not extracted: the document is {page.Length} bytes, more than crawler.crawl.max-parsed-bytes (100)",
            warning.GetString());
    }

    [Fact]
    public async Task Crawl_Nginx_MirrorMatchesTheSite()
    {
        Assert.True(NginxServer.IsInstalled, "nginx is not installed (scripts/test installs it)");
        using var run = new CrawlRun();
        WriteSite(run, "http://127.0.0.1:9/");
        await using var nginx = await NginxServer.StartAsync(run.Site);

        var (exit, output, error) = await run.RunAsync("crawl", nginx.Url("/"), "-o", "out");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        var mirror = Path.Combine(run.Work, "out", HostDirectory(nginx.Url("/")));
        foreach (var file in new[] { "a.html", "fonts/f.woff2", "img/bg.png", "index.html", "logo.png", "style.css", "sub/b.html" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(run.Site, file)), await File.ReadAllBytesAsync(Path.Combine(mirror, file)));
        }

        Assert.DoesNotContain(await nginx.ReadAccessLogAsync(), l => l.Contains("/private/", StringComparison.Ordinal));
    }

    internal static void WriteSite(CrawlRun run, string otherHost)
    {
        run.WriteSite("index.html", $"""
            <!doctype html><html><head><link rel="stylesheet" href="style.css"></head>
            <body><img src="logo.png"><a href="a.html">a</a> <a href="sub/b.html">b</a>
            <a href="{otherHost}away.html">away</a> <a href="/private/secret.html">secret</a></body></html>
            """);
        run.WriteSite("a.html", """<html><body><a href="/">home</a> <a href="sub/b.html#frag">b</a></body></html>""");
        run.WriteSite("sub/b.html", """<html><body><a href="../">home</a> <a href="/missing.html">gone</a><img src="../logo.png"></body></html>""");
        run.WriteSite("style.css", "body { background: url(img/bg.png) } @font-face { font-family: f; src: url('fonts/f.woff2') }");
        run.WriteSite("logo.png", "PNG-BYTES");
        run.WriteSite("img/bg.png", "BG-BYTES");
        run.WriteSite("fonts/f.woff2", "WOFF2-BYTES");
        run.WriteSite("robots.txt", "User-agent: *\nDisallow: /private/\n");
        run.WriteSite("private/secret.html", "<p>secret</p>");
        run.WriteSite("unlinked.html", "<p>nobody links here</p>");
    }

    internal static string HostDirectory(string url)
    {
        var uri = new Uri(url);
        return uri.IsDefaultPort ? uri.Host : $"{uri.Host}_{uri.Port}";
    }
}
