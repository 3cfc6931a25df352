using Crawler.Actors.Parsing;

namespace Crawler.Actors.Tests.Parsing;

public sealed class MetaRefreshTests
{
    [Theory]
    [InlineData("0; url=next.html", "next.html")]
    [InlineData("0;URL=next.html", "next.html")]
    [InlineData("5 ; url = 'next.html' ", "next.html")]
    [InlineData("5;url=\"next page.html\"", "next page.html")]
    [InlineData("3, next.html", "next.html")]
    [InlineData("1.5; next.html", "next.html")]
    public void TryFindUrl_Forms_FindUrl(string content, string expected)
    {
        Assert.True(MetaRefresh.TryFindUrl(content, out var start, out var length));
        Assert.Equal(expected, content.Substring(start, length));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("")]
    [InlineData("0;")]
    [InlineData("0; url=")]
    public void TryFindUrl_NoUrl_ReturnsFalse(string content) => Assert.False(MetaRefresh.TryFindUrl(content, out _, out _));
}
