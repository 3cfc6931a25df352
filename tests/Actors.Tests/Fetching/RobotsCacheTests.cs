using Crawler.Actors.Fetching;
using Crawler.Protocol;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Fetching;

public sealed class RobotsCacheTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
    }

    [Theory]
    [InlineData(404, true)]
    [InlineData(403, true)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public async Task IsAllowed_RobotsStatus_FollowsRfc9309(int status, bool allowed)
    {
        _site.Add("/robots.txt", status, "text/plain", "");
        await using var client = new CrawlerClient();
        var robots = new RobotsCache(client, RobotsRules.For("crawler"));

        Assert.Equal(allowed, await robots.IsAllowedAsync(Url.Parse(_site.Url("/page")), CancellationToken.None));
    }

    [Fact]
    public async Task IsAllowed_ManyUrlsOneHost_RobotsFetchedOnceAndRulesApplied()
    {
        _site.Add("/robots.txt", 200, "text/plain", "User-agent: crawler\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n");
        await using var client = new CrawlerClient();
        var robots = new RobotsCache(client, RobotsRules.For("crawler"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            robots.IsAllowedAsync(Url.Parse(_site.Url(i % 2 == 0 ? $"/public/{i}" : $"/private/{i}")), CancellationToken.None).AsTask()));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 2 == 0), results);
        Assert.Equal(1, _site.Count("/robots.txt"));
    }

    [Theory]
    [InlineData("Crawl-delay: 2", 2)]
    [InlineData("Crawl-delay: 3600", 30)]
    [InlineData("Disallow: /x", null)]
    public async Task CrawlDelay_RobotsSetsOne_ReturnedCappedAtMax(string line, int? expectedSeconds)
    {
        _site.Add("/robots.txt", 200, "text/plain", "User-agent: *\n" + line + "\n");
        await using var client = new CrawlerClient();
        var robots = new RobotsCache(client, RobotsRules.For("crawler"));

        var delay = await robots.CrawlDelayAsync(Url.Parse(_site.Url("/")), CancellationToken.None);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, delay);
    }

    [Theory]
    [InlineData(RobotsCache.DefaultMaxBytes, false)]
    [InlineData(50_000, true)]
    public async Task IsAllowed_RuleAfterALongComment_ReadUpToMaxBytes(int maxBytes, bool allowed)
    {
        // 100 KB of comment: past the read's first small buffer, so it must grow; the rule comes after it.
        _site.Add("/robots.txt", 200, "text/plain", "User-agent: *\n# " + new string('x', 100_000) + "\nDisallow: /late\n");
        await using var client = new CrawlerClient();
        var robots = new RobotsCache(client, RobotsRules.For("crawler")) { MaxBytes = maxBytes };

        Assert.Equal(allowed, await robots.IsAllowedAsync(Url.Parse(_site.Url("/late/page")), CancellationToken.None));
        Assert.True(await robots.IsAllowedAsync(Url.Parse(_site.Url("/early")), CancellationToken.None));
    }

    [Fact]
    public async Task IsAllowed_HostUnreachable_DisallowsAll()
    {
        await using var client = new CrawlerClient();
        var robots = new RobotsCache(client, RobotsRules.For("crawler"));

        Assert.False(await robots.IsAllowedAsync(Url.Parse("http://127.0.0.1:9/page"), CancellationToken.None));
    }

    [Theory]
    [InlineData("crawler/0.1", "crawler")]
    [InlineData("Mozilla/5.0 (compatible)", "Mozilla")]
    [InlineData("bot", "bot")]
    [InlineData("", "crawler")]
    public void ProductToken_UserAgent_FirstToken(string userAgent, string expected)
        => Assert.Equal(expected, Crawler.Actors.Crawl.CrawlJob.ProductToken(userAgent));
}
