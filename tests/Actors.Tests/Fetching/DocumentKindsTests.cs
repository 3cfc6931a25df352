using Crawler.Actors.Fetching;

namespace Crawler.Actors.Tests.Fetching;

public sealed class DocumentKindsTests
{
    [Theory]
    [InlineData("text/html", "/x", DocumentKind.Html)]
    [InlineData("text/html; charset=utf-8", "/x.png", DocumentKind.Html)]
    [InlineData("application/xhtml+xml", "/x", DocumentKind.Html)]
    [InlineData("TEXT/CSS", "/x", DocumentKind.Css)]
    [InlineData("image/png", "/x.html", DocumentKind.Other)]
    [InlineData(null, "/a/page.htm", DocumentKind.Html)]
    [InlineData(null, "/dir/", DocumentKind.Html)]
    [InlineData("", "/s.css", DocumentKind.Css)]
    [InlineData("application/octet-stream", "/s.css", DocumentKind.Css)]
    [InlineData(null, "/font.woff2", DocumentKind.Other)]
    public void Of_ContentTypeAndPath_Classifies(string? contentType, string path, DocumentKind expected)
        => Assert.Equal(expected, DocumentKinds.Of(contentType, path));
}
