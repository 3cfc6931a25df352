using System.Text;
using Crawler.Actors.Crawl;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Crawl;

public sealed class SitemapParserTests
{
    private static readonly Url Location = Url.Parse("https://example.com/sitemap.xml");

    [Fact]
    public void Parse_UrlSet_ListsLocations()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url><loc>https://example.com/</loc><lastmod>2024-01-01</lastmod></url>
              <url>
                <loc>
                  https://example.com/a?x=1&amp;y=2
                </loc>
                <image:image><image:loc>https://example.com/pic.jpg</image:loc></image:image>
              </url>
            </urlset>
            """;

        var sitemap = SitemapParser.Parse(xml, Location);

        Assert.Equal(SitemapKind.UrlSet, sitemap.Kind);
        Assert.Equal(["https://example.com/", "https://example.com/a?x=1&y=2"], sitemap.Locations.Select(u => u.ToString()));
        Assert.False(sitemap.Truncated);
        Assert.Null(sitemap.Error);
    }

    [Fact]
    public void Parse_Index_ListsSitemaps()
    {
        const string xml = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.com/s1.xml.gz</loc></sitemap>
              <sitemap><loc>https://example.com/s2.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
            </sitemapindex>
            """;

        var sitemap = SitemapParser.Parse(xml, Location);

        Assert.Equal(SitemapKind.Index, sitemap.Kind);
        Assert.Equal(2, sitemap.Locations.Count);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(10, 3, false)]
    public void Parse_EntryCap_TruncatesAndSaysSo(int cap, int expectedCount, bool truncated)
    {
        const string xml = "<urlset><url><loc>http://e.com/1</loc></url><url><loc>http://e.com/2</loc></url><url><loc>http://e.com/3</loc></url></urlset>";

        var sitemap = SitemapParser.Parse(xml, Location, cap);

        Assert.Equal(expectedCount, sitemap.Locations.Count);
        Assert.Equal(truncated, sitemap.Truncated);
    }

    [Fact]
    public void Parse_NonHttpAndRelativeLocations_SkippedOrResolved()
    {
        const string xml = "<urlset><url><loc>ftp://e.com/x</loc></url><url><loc>/relative</loc></url><url><loc>javascript:alert(1)</loc></url></urlset>";

        var sitemap = SitemapParser.Parse(xml, Location);

        Assert.Equal(["https://example.com/relative"], sitemap.Locations.Select(u => u.ToString()));
        Assert.Equal(2, sitemap.Skipped);
    }

    [Fact]
    public void Parse_Dtd_IsRefusedWithoutExpandingEntities()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <urlset><url><loc>http://e.com/&lol2;</loc></url></urlset>
            """;

        var sitemap = SitemapParser.Parse(xml, Location);

        Assert.Empty(sitemap.Locations);
        Assert.NotNull(sitemap.Error);
    }

    [Fact]
    public void Parse_MalformedAfterSomeEntries_KeepsWhatWasRead()
    {
        const string xml = "<urlset><url><loc>http://e.com/1</loc></url><url><loc>http://e.com/2</loc></url><url><loc>broken";

        var sitemap = SitemapParser.Parse(xml, Location);

        Assert.Equal(2, sitemap.Locations.Count);
        Assert.NotNull(sitemap.Error);
    }

    [Fact]
    public void Parse_WrongNamespace_StillRead()
    {
        var sitemap = SitemapParser.Parse("<urlset xmlns='http://wrong/'><url><loc>http://e.com/</loc></url></urlset>", Location);

        Assert.Single(sitemap.Locations);
    }

    [Fact]
    public void Parse_TextSitemap_OneUrlPerLine()
    {
        var sitemap = SitemapParser.Parse("\nhttps://example.com/a\r\n\r\nhttps://example.com/b\n", Location);

        Assert.Equal(SitemapKind.Text, sitemap.Kind);
        Assert.Equal(2, sitemap.Locations.Count);
    }

    [Fact]
    public void Parse_Stream_WithBom_Read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<urlset><url><loc>http://e.com/é</loc></url></urlset>")).ToArray();

        var sitemap = SitemapParser.Parse(new MemoryStream(bytes), Location);

        Assert.Single(sitemap.Locations);
    }
}
