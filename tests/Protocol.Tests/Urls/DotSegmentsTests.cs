using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Urls;

public sealed class DotSegmentsTests
{
    [Theory]
    // RFC 3986 §5.2.4's own walk-throughs.
    [InlineData("/a/b/c/./../../g", "/a/g")]
    [InlineData("mid/content=5/../6", "mid/6")]
    [InlineData("/", "/")]
    [InlineData("", "")]
    [InlineData("/.", "/")]
    [InlineData("/..", "/")]
    [InlineData("/a/.", "/a/")]
    [InlineData("/a/..", "/")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/../../..", "/")]
    [InlineData("/a//../b", "/a/b")]
    [InlineData("/a/.../b", "/a/.../b")]
    [InlineData("/a/.b/c.", "/a/.b/c.")]
    [InlineData(".", "")]
    [InlineData("..", "")]
    [InlineData("../a", "a")]
    [InlineData("./a", "a")]
    public void Remove_Paths_FollowRfc(string path, string expected) => Assert.Equal(expected, DotSegments.Remove(path));

    [Fact]
    public void Remove_NoDotSegment_ReturnsSameInstance()
    {
        var path = "/a.b/c./.d/e";
        Assert.Same(path, DotSegments.Remove(path));
    }
}
