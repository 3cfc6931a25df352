using Crawler.Host.Configuration;
using Crawler.Host.Configuration.Hocon;

namespace Crawler.Host.Tests.Configuration;

/// <summary>reference.conf is the one place defaults live: these keep it and the settings classes in step.</summary>
public sealed class ReferenceConfTests
{
    private static HoconObject Reference()
        => HoconResolver.Resolve(HoconParser.Parse(CrawlerConfigurationLoader.ReadEmbeddedReference(), "reference.conf"));

    private static HashSet<string> ReferenceLeaves()
        => [.. HoconRenderer.Leaves(Reference(), HoconPath.Root).Select(l => string.Join('.', l.Path.Segments))];

    public static TheoryData<string> BoundKeys() => [.. SettingsSchema.Crawler.Leaves.Keys];

    [Theory]
    [MemberData(nameof(BoundKeys))]
    public void ReferenceConf_EveryBoundProperty_HasADefault(string key)
        => Assert.Contains(key, ReferenceLeaves());

    [Fact]
    public void ReferenceConf_EveryKey_BindsToAProperty()
    {
        var unbound = ReferenceLeaves().Where(k => !SettingsSchema.Crawler.Leaves.ContainsKey(k)).ToList();
        Assert.Empty(unbound);
    }

    [Fact]
    public void ReferenceConf_EveryKey_HasACommentAbove()
    {
        var lines = CrawlerConfigurationLoader.ReadEmbeddedReference().Split('\n');
        foreach (var (path, value) in HoconRenderer.Leaves(Reference(), HoconPath.Root))
        {
            var above = value.Origin.Line - 2;
            while (above >= 0 && lines[above].Trim() is var t && !t.StartsWith('#') && t.Length > 0 && char.IsLetter(t[0]))
            {
                above--; // keys grouped under one comment
            }

            Assert.True(above >= 0 && lines[above].TrimStart().StartsWith('#'), $"{path} at line {value.Origin.Line} has no comment above it");
        }
    }

    [Fact]
    public void ReferenceConf_Bound_GivesDocumentedDefaults()
    {
        var settings = CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest()).Settings;
        Assert.Equal("crawler/0.1", settings.Http.UserAgent);
        Assert.Equal(10, settings.Http.MaxRedirects);
        Assert.Equal(6, settings.Http.MaxConnectionsPerOrigin);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Http.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.Http.TotalTimeout);
        Assert.False(settings.Http.Insecure);
        Assert.Equal(64 * 1024, settings.Http.MaxHeaderBytes);
        Assert.Equal(1L << 30, settings.Http.MaxDecodedBytes);
        Assert.True(settings.Http.Cache.Enabled);
        Assert.Equal(8L << 20, settings.Http.Cache.MaxEntryBytes);
        Assert.Equal(8, settings.Crawl.Concurrency);
        Assert.Equal(TimeSpan.Zero, settings.Crawl.Delay);
        Assert.Equal("mirror", settings.Crawl.Output);
        Assert.True(settings.Crawl.HostDirectories);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.Crawl.RetryBackoff);
        Assert.Equal(0.8, settings.Crawl.CircuitBreaker.FailureRatio);
        Assert.True(settings.Crawl.CircuitBreaker.Enabled);
        Assert.Equal(0, settings.Crawl.Fetchers); // 0: sized to the machine
        Assert.Equal(0, settings.Crawl.Parsers);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Crawl.RetryMaxBackoff);
        Assert.Equal(1, settings.Warm.Repeat);
        Assert.Equal(64, settings.Load.Connections);
        Assert.Equal(0, settings.Load.Rate);
        Assert.Equal("auto", settings.Log.Level);
    }

    [Fact]
    public void ReferenceConf_CopiedNextToExecutable_MatchesEmbeddedCopy()
        => Assert.Equal(
            CrawlerConfigurationLoader.ReadEmbeddedReference(),
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference.conf")));
}
