using System.Text.Json;
using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Host.Cli;
using Crawler.Host.Commands;
using Crawler.Host.Configuration;
using Crawler.Host.Configuration.Hocon;
using Crawler.Host.Output;
using Crawler.Host.Tests.Cli;
using Crawler.Protocol.Urls;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Host.Tests.Configuration;

/// <summary>crawler.crawl.max-parsed-bytes, mirror.*, robots.* and sitemap.*: defaults in reference.conf, overridable, and reaching the Actors' options.</summary>
public sealed class LimitSettingsTests
{
    [Fact]
    public void ReferenceConf_LimitKeys_DefaultToTheActorsConstants()
    {
        var crawl = CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest()).Settings.Crawl;

        Assert.Equal(MirrorLimits.DefaultMaxSegmentBytes, crawl.Mirror.MaxNameBytes);
        Assert.Equal(200, crawl.Mirror.MaxNameBytes);
        Assert.Equal(MirrorLimits.DefaultMaxCollisionSuffix, crawl.Mirror.MaxCollisionSuffix);
        Assert.Equal(RobotsCache.DefaultMaxBytes, crawl.Robots.MaxBytes);
        Assert.Equal(500 * 1024, crawl.Robots.MaxBytes);
        Assert.Equal(RobotsCache.DefaultMaxCrawlDelay, crawl.Robots.MaxCrawlDelay);
        Assert.Equal(SitemapParser.DefaultMaxEntries, crawl.Sitemap.MaxUrls);
        Assert.Equal(SitemapParser.DefaultMaxDocumentChars, crawl.Sitemap.MaxChars);
        Assert.Equal(SitemapOptions.DefaultMaxFiles, crawl.Sitemap.MaxFiles);
        Assert.Equal(DocumentReader.DefaultMaxParsedBytes, crawl.MaxParsedBytes);
        Assert.Equal(8 * 1024 * 1024, crawl.MaxParsedBytes);
    }

    [Fact]
    public void Job_Defaults_EqualTheOptionsRecordsOwnDefaults()
    {
        var job = Job(new ConfigurationLoadRequest());

        Assert.Equal(MirrorOptions.Default, job.Mirror);
        Assert.Equal(new SitemapOptions(), job.Sitemap);
        Assert.Equal(new FetcherOptions().MaxRobotsBytes, job.Fetcher.MaxRobotsBytes);
        Assert.Equal(new FetcherOptions().MaxCrawlDelay, job.Fetcher.MaxCrawlDelay);
        Assert.Equal(new FetcherOptions().MaxParsedBytes, job.Fetcher.MaxParsedBytes);
    }

    [Fact]
    public void Job_RetryAndBreakerSettings_ReachTheResilienceOptions()
    {
        var job = Job(new ConfigurationLoadRequest
        {
            Sets =
            [
                "crawler.crawl.retries=0",
                "crawler.crawl.retry-backoff=100ms",
                "crawler.crawl.retry-max-backoff=2s",
                "crawler.crawl.circuit-breaker.failure-ratio=1",
                "crawler.crawl.circuit-breaker.minimum-throughput=2",
                "crawler.crawl.circuit-breaker.sampling-duration=500ms",
                "crawler.crawl.circuit-breaker.break-duration=1d",
            ],
        });

        Assert.Equal(0, job.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), job.Resilience.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), job.Resilience.MaxDelay);
        Assert.Equal(1.0, job.Resilience.BreakerFailureRatio);
        Assert.Equal(2, job.Resilience.BreakerMinimumThroughput);
        Assert.Equal(TimeSpan.FromMilliseconds(500), job.Resilience.SamplingDuration);
        Assert.Equal(TimeSpan.FromDays(1), job.Resilience.BreakDuration);
    }

    [Fact]
    public void Job_Defaults_RetryMaxBackoffFromReferenceConf()
        => Assert.Equal(TimeSpan.FromSeconds(30), Job(new ConfigurationLoadRequest()).Resilience.MaxDelay);

    [Fact]
    public void Job_SetAndEnvironmentOverrides_ReachTheOptions()
    {
        var job = Job(new ConfigurationLoadRequest
        {
            Environment = new Dictionary<string, string> { ["CRAWLER__CRAWL__MIRROR__MAX_NAME_BYTES"] = "64" },
            Sets =
            [
                "crawler.crawl.mirror.max-collision-suffix=5",
                "crawler.crawl.robots.max-bytes=1KiB",
                "crawler.crawl.robots.max-crawl-delay=2s",
                "crawler.crawl.sitemap.max-urls=10",
                "crawler.crawl.sitemap.max-chars=1MiB",
                "crawler.crawl.sitemap.max-files=3",
                "crawler.crawl.max-parsed-bytes=2KiB",
            ],
        });

        Assert.Equal(new MirrorOptions { MaxNameBytes = 64, MaxCollisionSuffix = 5 }, job.Mirror);
        Assert.Equal(1024, job.Fetcher.MaxRobotsBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), job.Fetcher.MaxCrawlDelay);
        Assert.Equal(new SitemapOptions { MaxUrls = 10, MaxChars = 1L << 20, MaxFiles = 3 }, job.Sitemap);
        Assert.Equal(2048, job.Fetcher.MaxParsedBytes);
    }

    [Fact]
    public void Job_MaxParsedBytesFromTheEnvironment_ReachesTheFetcherOptions()
    {
        var job = Job(new ConfigurationLoadRequest { Environment = new Dictionary<string, string> { ["CRAWLER__CRAWL__MAX_PARSED_BYTES"] = "64k" } });

        Assert.Equal(64 * 1024, job.Fetcher.MaxParsedBytes);
    }

    [Theory]
    [InlineData("crawler.crawl.mirror.max-name-bytes=32", "crawler.crawl.mirror.max-name-bytes = 32 is out of range 33 to 250")]
    [InlineData("crawler.crawl.mirror.max-name-bytes=251", "crawler.crawl.mirror.max-name-bytes = 251 is out of range 33 to 250")]
    [InlineData("crawler.crawl.mirror.max-collision-suffix=0", "crawler.crawl.mirror.max-collision-suffix = 0 must be at least 1")]
    [InlineData("crawler.crawl.robots.max-bytes=0", "crawler.crawl.robots.max-bytes = 0 must be at least 1")]
    [InlineData("crawler.http.max-redirects=-1", "crawler.http.max-redirects = -1 must be at least 0")]
    [InlineData("crawler.crawl.concurrency=0", "crawler.crawl.concurrency = 0 must be at least 1")]
    [InlineData("crawler.crawl.per-host=0", "crawler.crawl.per-host = 0 must be at least 1")]
    [InlineData("crawler.crawl.fetchers=-1", "crawler.crawl.fetchers = -1 must be at least 0")]
    [InlineData("crawler.crawl.parsers=-1", "crawler.crawl.parsers = -1 must be at least 0")]
    [InlineData("crawler.crawl.max-crashes-per-url=0", "crawler.crawl.max-crashes-per-url = 0 must be at least 1")]
    [InlineData("crawler.crawl.depth=-1", "crawler.crawl.depth = -1 must be at least 0")]
    [InlineData("crawler.crawl.max-pages=-1", "crawler.crawl.max-pages = -1 must be at least 0")]
    [InlineData("crawler.crawl.delay=-1s", "crawler.crawl.delay must not be negative")]
    [InlineData("crawler.warm.repeat=0", "crawler.warm.repeat = 0 must be at least 1")]
    [InlineData("crawler.crawl.retries=-1", "crawler.crawl.retries = -1 must be at least 0")]
    [InlineData("crawler.crawl.retry-max-backoff=-1s", "crawler.crawl.retry-max-backoff must not be negative")]
    [InlineData("crawler.crawl.circuit-breaker.failure-ratio=0", "crawler.crawl.circuit-breaker.failure-ratio = 0 must be above 0 and at most 1")]
    [InlineData("crawler.crawl.circuit-breaker.failure-ratio=1.5", "crawler.crawl.circuit-breaker.failure-ratio = 1.5 must be above 0 and at most 1")]
    [InlineData("crawler.crawl.circuit-breaker.minimum-throughput=1", "crawler.crawl.circuit-breaker.minimum-throughput = 1 must be at least 2")]
    [InlineData("crawler.crawl.circuit-breaker.sampling-duration=100ms", "crawler.crawl.circuit-breaker.sampling-duration = 100ms is out of range 500ms to 1d")]
    [InlineData("crawler.crawl.circuit-breaker.break-duration=2d", "crawler.crawl.circuit-breaker.break-duration = 2d is out of range 500ms to 1d")]
    [InlineData("crawler.crawl.max-parsed-bytes=0", "crawler.crawl.max-parsed-bytes = 0 is out of range 1 to 1073741824")]
    [InlineData("crawler.crawl.max-parsed-bytes=-1", "crawler.crawl.max-parsed-bytes = -1 is out of range 1 to 1073741824")]
    [InlineData("crawler.crawl.max-parsed-bytes=1073741825", "crawler.crawl.max-parsed-bytes = 1073741825 is out of range 1 to 1073741824")]
    [InlineData("crawler.crawl.sitemap.max-urls=0", "crawler.crawl.sitemap.max-urls = 0 must be at least 1")]
    [InlineData("crawler.crawl.sitemap.max-files=0", "crawler.crawl.sitemap.max-files = 0 must be at least 1")]
    public void Load_LimitOutOfRange_RefusedNamingKeyAndOrigin(string set, string expected)
    {
        var error = Assert.Throws<HoconException>(() => CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest { Sets = [set] }));

        Assert.StartsWith(expected, error.Problem, StringComparison.Ordinal);
        Assert.Equal("flag --set " + set.Split('=')[0], error.Origin.Source);
    }

    [Theory]
    [InlineData("crawl")]
    [InlineData("warm")]
    public async Task Command_MaxParsedBytesZero_ExitsSixNamingKeyAndOriginBeforeFetching(string command)
    {
        // Port 9 (discard) on loopback: were anything fetched, the run would fail differently; the refusal comes first.
        var run = await CliHarness.RunAsync([command, "http://127.0.0.1:9/", "--set", "crawler.crawl.max-parsed-bytes=0"]);

        Assert.Equal(ExitCodes.LocalError, run.ExitCode);
        Assert.Contains("crawler.crawl.max-parsed-bytes = 0 is out of range 1 to 1073741824", run.Error, StringComparison.Ordinal);
        Assert.Contains("flag --set crawler.crawl.max-parsed-bytes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NameBytesBoundaries_Accepted()
    {
        Assert.Equal(33, CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest { Sets = ["crawler.crawl.mirror.max-name-bytes=33"] }).Settings.Crawl.Mirror.MaxNameBytes);
        Assert.Equal(250, CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest { Sets = ["crawler.crawl.mirror.max-name-bytes=250"] }).Settings.Crawl.Mirror.MaxNameBytes);
    }

    [Fact]
    public async Task ConfigCommand_Json_ShowsTheLimitKeys()
    {
        var run = await CliHarness.RunAsync(["config", "--json", "--set", "crawler.crawl.sitemap.max-urls=7"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var crawl = json.RootElement.GetProperty("crawler").GetProperty("crawl");
        Assert.Equal(200, crawl.GetProperty("mirror").GetProperty("max-name-bytes").GetInt32());
        Assert.Equal(1000, crawl.GetProperty("mirror").GetProperty("max-collision-suffix").GetInt32());
        Assert.Equal(512000, crawl.GetProperty("robots").GetProperty("max-bytes").GetInt32());
        Assert.Equal("30s", crawl.GetProperty("robots").GetProperty("max-crawl-delay").GetString());
        Assert.Equal(7, crawl.GetProperty("sitemap").GetProperty("max-urls").GetInt32());
        Assert.Equal(50L << 20, crawl.GetProperty("sitemap").GetProperty("max-chars").GetInt64());
        Assert.Equal(16, crawl.GetProperty("sitemap").GetProperty("max-files").GetInt32());
        Assert.Equal(8L << 20, crawl.GetProperty("max-parsed-bytes").GetInt64());
    }

    [Fact]
    public void Job_ActorCountsAndCrashLimit_FollowTheSettings()
    {
        var tuned = Job(new ConfigurationLoadRequest
        {
            Sets = ["crawler.crawl.concurrency=6", "crawler.crawl.fetchers=3", "crawler.crawl.parsers=5", "crawler.crawl.max-crashes-per-url=7"],
        }).Crawl;
        Assert.Equal((6, 3, 5, 7), (tuned.Concurrency, tuned.Fetchers, tuned.Parsers, tuned.MaxCrashesPerUrl));

        // 0, the default, sizes the actors to the machine.
        var auto = Job(new ConfigurationLoadRequest { Sets = ["crawler.crawl.concurrency=64"] }).Crawl;
        Assert.Equal(Environment.ProcessorCount * 2, auto.Fetchers);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), auto.Parsers);
        Assert.Equal(3, auto.MaxCrashesPerUrl);
    }

    private static CrawlJobOptions Job(ConfigurationLoadRequest request)
    {
        var settings = CrawlerConfigurationLoader.Load(request).Settings;
        return CrawlCommand.Job(new CrawlOptions([Url.Parse("http://127.0.0.1/")]), settings, NullLoggerFactory.Instance);
    }
}
