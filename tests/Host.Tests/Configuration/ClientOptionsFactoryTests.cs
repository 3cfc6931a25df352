using Crawler.Host.Configuration;

namespace Crawler.Host.Tests.Configuration;

public sealed class ClientOptionsFactoryTests
{
    [Fact]
    public void Create_ReferenceDefaults_MatchProtocolDefaults()
    {
        var options = ClientOptionsFactory.Create(CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest()).Settings.Http);
        var defaults = new Crawler.Protocol.ClientOptions();
        Assert.Equal(defaults.UserAgent, options.UserAgent);
        Assert.Equal(defaults.MaxRedirects, options.MaxRedirects);
        Assert.Equal(defaults.MaxConnectionsPerOrigin, options.MaxConnectionsPerOrigin);
        Assert.Equal(defaults.ConnectTimeout, options.ConnectTimeout);
        Assert.Equal(defaults.FirstByteTimeout, options.FirstByteTimeout);
        Assert.Equal(defaults.IdleTimeout, options.IdleTimeout);
        Assert.Equal(defaults.TotalTimeout, options.TotalTimeout);
        Assert.Equal(defaults.Insecure, options.Insecure);
        Assert.Equal(defaults.MaxResponseHeaderBytes, options.MaxResponseHeaderBytes);
        Assert.Equal(defaults.MaxResponseHeaderCount, options.MaxResponseHeaderCount);
        Assert.Equal(defaults.PooledConnectionIdleTimeout, options.PooledConnectionIdleTimeout);
        Assert.Equal(defaults.DecodingLimits, options.DecodingLimits);
        Assert.Equal(defaults.DnsCacheTtl, options.DnsCacheTtl);
        Assert.NotNull(options.Cache);
    }

    [Fact]
    public void Create_CacheOff_HasNoCache()
    {
        var settings = CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest
        {
            Overrides = [new ConfigOverride("crawler.http.cache.enabled", false, "--no-cache")],
        }).Settings;
        Assert.Null(ClientOptionsFactory.Create(settings.Http).Cache);
    }
}
