using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Mirror;

public sealed class MirrorPathMapperTests
{
    [Theory]
    [InlineData("http://example.com/", null, "example.com/index.html")]
    [InlineData("http://example.com", "text/html", "example.com/index.html")]
    [InlineData("http://EXAMPLE.com/a/", null, "example.com/a/index.html")]
    [InlineData("http://example.com/a/b.css", "text/css", "example.com/a/b.css")]
    [InlineData("http://example.com:8080/x.png", "image/png", "example.com_8080/x.png")]
    [InlineData("https://example.com:443/x.png", null, "example.com/x.png")]
    [InlineData("http://example.com:80/x.png", null, "example.com/x.png")]
    [InlineData("https://example.com:80/x.png", null, "example.com_80/x.png")]
    [InlineData("http://example.com/page.php?q=1", "text/html", "example.com/page.php@q=1.html")]
    [InlineData("http://example.com/page.php?q=1", null, "example.com/page.php@q=1")]
    [InlineData("http://example.com/?q=1", null, "example.com/index.html@q=1")]
    [InlineData("http://example.com/page?a=1/2", null, "example.com/page@a=1%2F2")]
    [InlineData("http://example.com/page?", null, "example.com/page@")]
    [InlineData("http://example.com/about", "text/html; charset=utf-8", "example.com/about.html")]
    [InlineData("http://example.com/about", "TEXT/HTML", "example.com/about.html")]
    [InlineData("http://example.com/about", "application/xhtml+xml", "example.com/about.html")]
    [InlineData("http://example.com/about.HTM", "text/html", "example.com/about.HTM")]
    [InlineData("http://example.com/about.shtml", "text/html", "example.com/about.shtml")]
    [InlineData("http://example.com/style.php", "text/css", "example.com/style.php.css")]
    [InlineData("http://example.com/data", "application/json", "example.com/data")]
    [InlineData("http://example.com/a@b", null, "example.com/a%40b")]
    [InlineData("http://example.com/a//b", null, "example.com/a/b")]
    [InlineData("http://example.com/caf%C3%A9.html", null, "example.com/café.html")]
    [InlineData("http://example.com/CON", null, "example.com/%43ON")]
    [InlineData("http://example.com/d/aux.txt", null, "example.com/d/%61ux.txt")]
    [InlineData("http://example.com/a%2Fb", null, "example.com/a%2Fb")]
    public void Map_Urls_GiveDocumentedPaths(string url, string? contentType, string expected) =>
        Assert.Equal(expected, MirrorPathMapper.Map(Url.Parse(url), contentType));

    [Theory]
    [InlineData("http://example.com/", null, "index.html")]
    [InlineData("http://example.com:8080/a/", "text/html", "a/index.html")]
    [InlineData("https://EXAMPLE.com/a/b.css", "text/css", "a/b.css")]
    [InlineData("http://127.0.0.1:34567/docs/page?q=1", "text/html", "docs/page@q=1.html")]
    [InlineData("http://[::1]:8080/x.png", null, "x.png")]
    public void Map_WithoutHostDirectories_PathStartsAtTheRoot(string url, string? contentType, string expected) =>
        Assert.Equal(expected, MirrorPathMapper.Map(Url.Parse(url), contentType, hostDirectories: false));

    [Theory]
    [InlineData("http://a.test/x/y.html", "http://b.test:8080/x/y.html")]
    [InlineData("http://a.test/", "https://b.test/index.html")]
    public void Map_WithoutHostDirectories_SamePathOnTwoHostsIsTheSameCandidate(string first, string second)
    {
        Assert.NotEqual(MirrorPathMapper.Map(Url.Parse(first), null), MirrorPathMapper.Map(Url.Parse(second), null));
        Assert.Equal(MirrorPathMapper.Map(Url.Parse(first), null, hostDirectories: false), MirrorPathMapper.Map(Url.Parse(second), null, hostDirectories: false));
    }

    [Fact]
    public void Map_WithoutHostDirectories_SegmentsHaveNoHost()
    {
        var segments = MirrorPathMapper.MapSegments(Url.Parse("http://example.com:81/a/b.png"), "image/png", hostDirectories: false);

        Assert.Equal(["a", "b.png"], segments);
    }

    [Fact]
    public void Map_PathAtSymbolVersusQuery_AreDistinct()
    {
        var withQuery = MirrorPathMapper.Map(Url.Parse("http://example.com/p?q=1"), null);
        var withAt = MirrorPathMapper.Map(Url.Parse("http://example.com/p@q=1"), null);

        Assert.NotEqual(withQuery, withAt);
    }

    [Fact]
    public void HostDirectory_HostWithUnderscorePortLookalike_IsDistinctFromPort()
    {
        var port = MirrorPathMapper.HostDirectory(Url.Parse("http://a:8080/"));
        var underscore = MirrorPathMapper.HostDirectory(Url.Parse("http://a_8080/"));

        Assert.Equal("a_8080", port);
        Assert.NotEqual(port, underscore);
    }

    [Fact]
    public void HostDirectory_Ipv6Literal_HasNoColon()
    {
        var directory = MirrorPathMapper.HostDirectory(Url.Parse("http://[::1]:8080/"));

        Assert.DoesNotContain(':', directory);
        Assert.EndsWith("_8080", directory, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_NonHttp_Throws() => Assert.Throws<ArgumentException>(() => MirrorPathMapper.Map(Url.Parse("file:///etc/passwd"), null));

    [Fact]
    public void Map_LongQuery_NameWithinLimit()
    {
        var path = MirrorPathMapper.Map(Url.Parse("http://example.com/search?q=" + new string('z', 400)), "text/html");

        var name = path.Split('/')[^1];
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) <= MirrorLimits.DefaultMaxSegmentBytes);
        Assert.EndsWith(".html", name, StringComparison.Ordinal);
    }
}
