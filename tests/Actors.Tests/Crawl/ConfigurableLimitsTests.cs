using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Actors.Stats;
using Crawler.Actors.Tests.Fetching;
using Crawler.Actors.Tests.Mirror;
using Crawler.Protocol;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Tests.Crawl;

/// <summary>
/// The caps from crawler.crawl.max-parsed-bytes, crawler.crawl.robots.* and crawler.crawl.sitemap.* are the ones
/// enforced, and a cut that costs links is reported, never silent.
/// </summary>
public sealed class ConfigurableLimitsTests : IAsyncLifetime, IDisposable
{
    private const int ParseLimit = 2048;

    private readonly TempDirectory _temp = new();
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(RobotsCache.DefaultMaxBytes, false)]
    [InlineData(64, true)]
    public async Task RobotsCache_DisallowPastMaxBytes_IgnoredOnlyWhenCapLowered(int maxBytes, bool allowed)
    {
        // The Disallow line starts at byte 100: inside the default cap, past a 64-byte one.
        var padding = "# " + new string('x', 100 - "User-agent: *\n".Length - 3) + "\n";
        var robotsTxt = "User-agent: *\n" + padding + "Disallow: /private\n";
        _site.Add("/robots.txt", 200, "text/plain", robotsTxt);
        await using var client = new CrawlerClient();
        var robots = new RobotsCache(client, RobotsRules.For("crawler", maxBytes)) { MaxBytes = maxBytes };

        Assert.Equal(allowed, await robots.IsAllowedAsync(Url.Parse(_site.Url("/private/page")), CancellationToken.None));
    }

    [Fact]
    public void RobotsTxt_Parse_StopsAtTheGivenCap()
    {
        var content = "User-agent: *\nDisallow: /a\nDisallow: /b\n";

        var robots = RobotsTxt.Parse(content, "User-agent: *\nDisallow: /a\n".Length);

        Assert.False(robots.IsAllowed("/a", "crawler"));
        Assert.True(robots.IsAllowed("/b", "crawler"));
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(5, 5)]
    [InlineData(120, 60)]
    public async Task RobotsCache_CrawlDelay_CappedAtConfiguredMax(int maxSeconds, int expectedSeconds)
    {
        _site.Add("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 60\n");
        await using var client = new CrawlerClient();
        var robots = new RobotsCache(client, RobotsRules.For("crawler")) { MaxCrawlDelay = TimeSpan.FromSeconds(maxSeconds) };

        var delay = await robots.CrawlDelayAsync(Url.Parse(_site.Url("/")), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void SitemapParser_TextPastMaxChars_CutAndReported()
    {
        var sitemap = SitemapParser.Parse("https://example.com/a\nhttps://example.com/b\n", Url.Parse("https://example.com/sitemap.txt"), maxChars: 30);

        Assert.Equal(["https://example.com/a"], sitemap.Locations.Select(u => u.ToString()));
        Assert.Equal("text sitemap exceeds 30 characters", sitemap.Error);
    }

    [Fact]
    public async Task Crawl_SitemapPastMaxUrls_SeedsOnlyTheCapAndLogsTheCut()
    {
        _site.Page("/", "home")
            .Add("/sitemap.xml", 200, "application/xml", UrlSet("/a.html", "/b.html", "/c.html"))
            .Page("/a.html", "a").Page("/b.html", "b").Page("/c.html", "c");
        using var logs = new CapturingLoggerFactory();

        var result = await RunAsync(Job(logs) with { Sitemap = new SitemapOptions { MaxUrls = 2 } });

        Assert.Equal(["/", "/a.html", "/b.html"], Fetched(result));
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 5002);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("more than 2 URLs", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_SitemapIndexPastMaxFiles_ReadsOnlyTheCapAndLogsTheCut()
    {
        _site.Page("/", "home")
            .Add("/sitemap.xml", 200, "application/xml", $"""
                <sitemapindex><sitemap><loc>{_site.Url("/s1.xml")}</loc></sitemap><sitemap><loc>{_site.Url("/s2.xml")}</loc></sitemap></sitemapindex>
                """)
            .Add("/s1.xml", 200, "application/xml", UrlSet("/a.html"))
            .Add("/s2.xml", 200, "application/xml", UrlSet("/b.html"))
            .Page("/a.html", "a").Page("/b.html", "b");
        using var logs = new CapturingLoggerFactory();

        var result = await RunAsync(Job(logs) with { Sitemap = new SitemapOptions { MaxFiles = 2 } });

        Assert.Equal(["/", "/a.html"], Fetched(result));
        Assert.Equal(0, _site.Count("/s2.xml"));
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 5004);
        Assert.Contains("1 sitemaps not read: more than 2", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Crawl_PagePastMaxParsedBytes_SavedWholeLinkNotFollowedAndWarned(bool mirror)
    {
        var big = PageOfSize(ParseLimit + 1000, """<a href="/next.html">next</a>""");
        _site.Page("/", big).Page("/next.html", "next");

        var result = await RunAsync(ParseJob(mirror));

        var page = Assert.Single(result.Outcomes);
        Assert.Null(page.Error);
        Assert.Equal(big.Length, page.Bytes);
        Assert.Equal(0, _site.Count("/next.html"));
        if (mirror)
        {
            Assert.Equal(big, await File.ReadAllTextAsync(Path.Combine(_temp.Path, page.SavedPath!)));
        }

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(
            $"{_site.Url("/")}: links not extracted: the document is {big.Length} bytes, more than crawler.crawl.max-parsed-bytes ({ParseLimit})",
            warning);
    }

    [Theory]
    [InlineData(ParseLimit / 2, true)]
    [InlineData(ParseLimit, true)]
    [InlineData(ParseLimit + 1, false)]
    public async Task Crawl_PageAroundMaxParsedBytes_ParsedUpToTheLimitInclusive(int size, bool parsed)
    {
        _site.Page("/", PageOfSize(size, """<a href="/next.html">next</a>""")).Page("/next.html", "next");

        var result = await RunAsync(ParseJob(mirror: true));

        Assert.Equal(parsed ? ["/", "/next.html"] : ["/"], Fetched(result));
        Assert.Equal(parsed ? 0 : 1, result.Warnings.Count);
    }

    [Fact]
    public async Task Crawl_StylesheetPastMaxParsedBytes_ItsRequisitesNotFetchedAndWarned()
    {
        var css = "body { background: url(bg.png) } /* " + new string('x', ParseLimit) + " */";
        _site.Page("/", """<link rel="stylesheet" href="/style.css">""").Css("/style.css", css).Add("/bg.png", 200, "image/png", "png");

        var result = await RunAsync(ParseJob(mirror: true));

        Assert.Equal(["/", "/style.css"], Fetched(result));
        Assert.Equal(0, _site.Count("/bg.png"));
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith($"{_site.Url("/style.css")}: links not extracted: the document is {css.Length} bytes", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_OtherFilePastMaxParsedBytes_NotWarned()
    {
        _site.Page("/", """<img src="/big.png">""").Add("/big.png", 200, "image/png", new string('p', ParseLimit * 2));

        var result = await RunAsync(ParseJob(mirror: true));

        Assert.Equal(["/", "/big.png"], Fetched(result));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Sinks_MaxParsedBytesOutOfRange_Refused()
    {
        var writer = new MirrorWriter(_temp.Path, new MirrorLayout());

        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new MemorySink { MaxParsedBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new MirrorSink(writer) { MaxParsedBytes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new MemorySink { MaxParsedBytes = DocumentReader.MaxParsedBytesLimit + 1 });
        Assert.Equal(DocumentReader.DefaultMaxParsedBytes, new MemorySink().MaxParsedBytes);
        Assert.Equal(DocumentReader.DefaultMaxParsedBytes, new MirrorSink(writer).MaxParsedBytes);
    }

    /// <summary>An ASCII page of exactly <paramref name="bytes"/> bytes: <paramref name="body"/> first, then padding in a comment.</summary>
    private static string PageOfSize(int bytes, string body)
    {
        var head = "<html><body>" + body + "<!-- ";
        const string Tail = " --></body></html>";
        return head + new string('x', bytes - head.Length - Tail.Length) + Tail;
    }

    private CrawlJobOptions ParseJob(bool mirror) => new(new CrawlOptions([Url.Parse(_site.Url("/"))]) { Frontier = new FrontierOptions { MaxDepth = 2 } })
    {
        OutputDirectory = mirror ? _temp.Path : null,
        Fetcher = new FetcherOptions { MaxParsedBytes = ParseLimit },
    };

    private string UrlSet(params string[] paths)
        => "<urlset>" + string.Concat(paths.Select(p => $"<url><loc>{_site.Url(p)}</loc></url>")) + "</urlset>";

    private CrawlJobOptions Job(ILoggerFactory logs) => new(new CrawlOptions([Url.Parse(_site.Url("/"))]) { Frontier = new FrontierOptions { MaxDepth = 0 } })
    {
        OutputDirectory = _temp.Path,
        UseSitemap = true,
        LoggerFactory = logs,
    };

    private static string[] Fetched(CrawlResult result)
        => [.. result.Outcomes.Where(o => o.Error is null).Select(o => o.Url.Path).Order(StringComparer.Ordinal)];

    private static Task<CrawlResult> RunAsync(CrawlJobOptions job)
        => CrawlJob.RunAsync(job, new CrawlStats(), CancellationToken.None).WaitAsync(TestTimeouts.Default);
}
