using Crawler.Host.Configuration;

namespace Crawler.Host.Tests.Configuration;

public sealed class ExampleConfigTests
{
    private static string ExamplesDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "hocon", "examples")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("hocon/examples not found above the test output"), "hocon", "examples");
    }

    private static CrawlerSettings Load(string name, Dictionary<string, string>? environment = null)
        => CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest
        {
            ConfigFiles = [Path.Combine(ExamplesDirectory(), name)],
            Environment = environment ?? [],
        }).Settings;

    [Fact]
    public void PoliteCrawl_Loads_WithExtendedUserAgentAndEnvironmentOutput()
    {
        var settings = Load("polite-crawl.conf");
        Assert.Equal("crawler/0.1 (+mailto:ops@example.org)", settings.Http.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Crawl.Delay);
        Assert.True(settings.Crawl.ConvertLinks);
        Assert.Equal("polite-mirror", settings.Crawl.Output);
        Assert.Equal("/data/m", Load("polite-crawl.conf", new() { ["CRAWL_OUTPUT"] = "/data/m" }).Crawl.Output);
    }

    [Fact]
    public void WarmCdn_Loads_MergingSharedBlockIntoReference()
    {
        var settings = Load("warm-cdn.conf");
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Http.ConnectTimeout);
        Assert.Equal(10, settings.Http.MaxRedirects);
        Assert.False(settings.Http.Cache.Enabled);
        Assert.Equal(2, settings.Warm.Repeat);
    }

    [Fact]
    public void LoadTest_Loads_WithSubstitutedConnectionCount()
    {
        var settings = Load("load-test.conf");
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Load.Duration);
        Assert.Equal(2000, settings.Load.Rate);
        Assert.Equal(128, settings.Http.MaxConnectionsPerOrigin);
    }
}
