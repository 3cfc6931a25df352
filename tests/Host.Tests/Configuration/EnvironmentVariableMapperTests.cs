using Crawler.Host.Configuration;

namespace Crawler.Host.Tests.Configuration;

public sealed class EnvironmentVariableMapperTests
{
    [Theory]
    [InlineData("CRAWLER__HTTP__USER_AGENT", "crawler.http.user-agent")]
    [InlineData("CRAWLER__HTTP__MAX_REDIRECTS", "crawler.http.max-redirects")]
    [InlineData("CRAWLER__HTTP__CACHE__ENABLED", "crawler.http.cache.enabled")]
    [InlineData("crawler__crawl__depth", "crawler.crawl.depth")]
    public void TryMap_PrefixedName_MapsToKebabPath(string name, string path)
    {
        Assert.True(EnvironmentVariableMapper.TryMap(name, out var mapped));
        Assert.Equal(path, mapped.ToString());
    }

    [Theory]
    [InlineData("PATH")]
    [InlineData("CRAWLER_HTTP")]
    [InlineData("CRAWLER__")]
    [InlineData("CRAWLER__HTTP____X")]
    [InlineData("CRAWLER__HTTP___X")]
    public void TryMap_OtherNames_AreIgnored(string name)
        => Assert.False(EnvironmentVariableMapper.TryMap(name, out _));
}
