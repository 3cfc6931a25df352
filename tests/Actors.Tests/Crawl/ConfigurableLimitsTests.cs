using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Stats;
using Crawler.Actors.Tests.Fetching;
using Crawler.Actors.Tests.Mirror;
using Crawler.Protocol;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Tests.Crawl;

/// <summary>The robots.txt and sitemap caps from crawler.crawl.robots.* and crawler.crawl.sitemap.* are the ones enforced.</summary>
public sealed class ConfigurableLimitsTests : IAsyncLifetime, IDisposable
{
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
