using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Parsing;

public sealed class HtmlLinkExtractorTests
{
    private static readonly Url Page = Url.Parse("http://example.com/dir/page.html");

    private static IReadOnlyList<ExtractedLink> Extract(string html) => new HtmlLinkExtractor().Extract(html, Page);

    private static ExtractedLink Single(string html) => Assert.Single(Extract(html));

    [Theory]
    [InlineData("<a href='x.html'>x</a>", "http://example.com/dir/x.html", LinkKind.Page, "a@href")]
    [InlineData("<map><area href='/area.html'></map>", "http://example.com/area.html", LinkKind.Page, "area@href")]
    [InlineData("<link rel=stylesheet href=s.css>", "http://example.com/dir/s.css", LinkKind.Requisite, "link@href")]
    [InlineData("<link rel=icon href=/favicon.ico>", "http://example.com/favicon.ico", LinkKind.Requisite, "link@href")]
    [InlineData("<link rel='shortcut icon' href=/f.ico>", "http://example.com/f.ico", LinkKind.Requisite, "link@href")]
    [InlineData("<link rel=apple-touch-icon href=/t.png>", "http://example.com/t.png", LinkKind.Requisite, "link@href")]
    [InlineData("<link rel=preload href=/font.woff2 as=font>", "http://example.com/font.woff2", LinkKind.Requisite, "link@href")]
    [InlineData("<link rel=modulepreload href=/m.js>", "http://example.com/m.js", LinkKind.Requisite, "link@href")]
    [InlineData("<link rel=manifest href=/app.webmanifest>", "http://example.com/app.webmanifest", LinkKind.Requisite, "link@href")]
    [InlineData("<link rel=next href=p2.html>", "http://example.com/dir/p2.html", LinkKind.Page, "link@href")]
    [InlineData("<link rel=alternate href=/feed.xml>", "http://example.com/feed.xml", LinkKind.Page, "link@href")]
    [InlineData("<img src=i.png>", "http://example.com/dir/i.png", LinkKind.Requisite, "img@src")]
    [InlineData("<script src=/app.js></script>", "http://example.com/app.js", LinkKind.Requisite, "script@src")]
    [InlineData("<iframe src=frame.html></iframe>", "http://example.com/dir/frame.html", LinkKind.Requisite, "iframe@src")]
    [InlineData("<frameset><frame src=f.html></frameset>", "http://example.com/dir/f.html", LinkKind.Requisite, "frame@src")]
    [InlineData("<audio src=a.mp3></audio>", "http://example.com/dir/a.mp3", LinkKind.Requisite, "audio@src")]
    [InlineData("<video><track src=t.vtt></video>", "http://example.com/dir/t.vtt", LinkKind.Requisite, "track@src")]
    [InlineData("<video><source src=v.webm></video>", "http://example.com/dir/v.webm", LinkKind.Requisite, "source@src")]
    [InlineData("<object data=o.swf></object>", "http://example.com/dir/o.swf", LinkKind.Requisite, "object@data")]
    [InlineData("<embed src=e.svg>", "http://example.com/dir/e.svg", LinkKind.Requisite, "embed@src")]
    [InlineData("<input type=image src=b.png>", "http://example.com/dir/b.png", LinkKind.Requisite, "input@src")]
    [InlineData("<input type=IMAGE src=b.png>", "http://example.com/dir/b.png", LinkKind.Requisite, "input@src")]
    [InlineData("<meta http-equiv=refresh content='0; url=next.html'>", "http://example.com/dir/next.html", LinkKind.Page, "meta@content")]
    [InlineData("<body background=bg.gif>", "http://example.com/dir/bg.gif", LinkKind.Requisite, "body@background")]
    [InlineData("<div style='background:url(d.png)'></div>", "http://example.com/dir/d.png", LinkKind.Requisite, "div@style@url")]
    [InlineData("<style>@import 'imp.css';</style>", "http://example.com/dir/imp.css", LinkKind.Requisite, "style@import")]
    [InlineData("<style>p{background:url(\"bg.png\")}</style>", "http://example.com/dir/bg.png", LinkKind.Requisite, "style@url")]
    public void Extract_EachElementKind_FindsUrlKindAndSource(string html, string expectedUrl, LinkKind kind, string source)
    {
        var link = Single(html);

        Assert.Equal(expectedUrl, link.Url.ToString());
        Assert.Equal(kind, link.Kind);
        Assert.Equal(source, link.Source);
    }

    [Fact]
    public void Extract_VideoWithSrcAndPoster_FindsBoth()
    {
        var links = Extract("<video src=v.mp4 poster=p.jpg></video>");

        Assert.Equal(["video@src", "video@poster"], links.Select(l => l.Source));
        Assert.All(links, l => Assert.Equal(LinkKind.Requisite, l.Kind));
    }

    [Fact]
    public void Extract_ImgSrcset_FindsEveryCandidate()
    {
        var links = Extract("<img src=a.png srcset='a-2x.png 2x, a-3x.png 3x'>");

        Assert.Equal(
            ["http://example.com/dir/a.png", "http://example.com/dir/a-2x.png", "http://example.com/dir/a-3x.png"],
            links.Select(l => l.Url.ToString()));
    }

    [Fact]
    public void Extract_PictureSourceSrcset_FindsCandidates()
    {
        var links = Extract("<picture><source srcset='w.webp 1x, w2.webp 2x' type=image/webp><img src=f.jpg></picture>");

        Assert.Equal(["w.webp", "w2.webp", "f.jpg"], links.Select(l => l.Url.Path.Split('/')[^1]));
        Assert.Equal("source@srcset", links[0].Source);
    }

    [Theory]
    [InlineData("<link rel=preconnect href=https://cdn.example.net>")]
    [InlineData("<link rel=dns-prefetch href=//cdn.example.net>")]
    [InlineData("<link href=/no-rel.css>")]
    [InlineData("<input type=text src=x.png>")]
    [InlineData("<meta name=description content='a; url=x'>")]
    [InlineData("<meta http-equiv=refresh content='30'>")]
    [InlineData("<a href='javascript:void(0)'>js</a>")]
    [InlineData("<a href='mailto:me@example.com'>mail</a>")]
    [InlineData("<a href='tel:+123'>tel</a>")]
    [InlineData("<img src='data:image/png;base64,AAAA'>")]
    [InlineData("<a href='#top'>top</a>")]
    [InlineData("<a href=''>self</a>")]
    [InlineData("<a href='   '>blank</a>")]
    [InlineData("<a>no href</a>")]
    [InlineData("<!-- <a href=commented.html>x</a> -->")]
    [InlineData("<script>var s = '<a href=inscript.html>';</script>")]
    [InlineData("<a href='ftp://example.com/file'>ftp</a>")]
    public void Extract_NonLinksAndIgnoredSchemes_FindsNothing(string html) => Assert.Empty(Extract(html));

    [Fact]
    public void Extract_BaseHref_ResolvesAgainstBase()
    {
        var links = Extract("<head><base href='http://other.example/base/'></head><a href=x.html>x</a><img src=/abs.png>");

        Assert.Equal(["http://other.example/base/x.html", "http://other.example/abs.png"], links.Select(l => l.Url.ToString()));
    }

    [Fact]
    public void Extract_RelativeBaseHref_ResolvesBaseAgainstDocument()
    {
        var link = Single("<base href='../up/'><a href=x.html>x</a>");

        Assert.Equal("http://example.com/up/x.html", link.Url.ToString());
    }

    [Fact]
    public void Extract_FragmentsAndDuplicates_DropsFragmentsAndDeduplicates()
    {
        var links = Extract("<a href='x.html#a'>1</a><a href='x.html#b'>2</a><a href='x.html'>3</a>");

        var link = Assert.Single(links);
        Assert.Equal("http://example.com/dir/x.html", link.Url.ToString());
    }

    [Fact]
    public void Extract_SameUrlAsPageAndRequisite_KeepsRequisite()
    {
        var link = Single("<a href=big.png>full size</a><img src=big.png>");

        Assert.Equal(LinkKind.Requisite, link.Kind);
        Assert.Equal("img@src", link.Source);
    }

    [Fact]
    public void Extract_EntitiesInAttributes_AreDecoded()
    {
        var link = Single("<a href='page.php?a=1&amp;b=2'>x</a>");

        Assert.Equal("a=1&b=2", link.Url.Query);
    }

    [Fact]
    public void Extract_WhitespaceAroundUrl_IsTrimmed()
    {
        var link = Single("<a href='  \n x.html \t'>x</a>");

        Assert.Equal("http://example.com/dir/x.html", link.Url.ToString());
    }

    [Fact]
    public void Extract_SampleSiteIndex_FindsPagesAndRequisites()
    {
        var html = """
            <link rel="stylesheet" href="style.css">
            <a href="about.html">About</a><a href="docs/index.html">Docs</a>
            <img src="images/logo.svg" alt="logo"><script src="app.js"></script>
            """;

        var links = new HtmlLinkExtractor().Extract(html, Url.Parse("http://127.0.0.1:8080/"));

        Assert.Equal(
            [("style.css", LinkKind.Requisite), ("about.html", LinkKind.Page), ("docs/index.html", LinkKind.Page), ("images/logo.svg", LinkKind.Requisite), ("app.js", LinkKind.Requisite)],
            links.Select(l => (l.Url.Path.TrimStart('/'), l.Kind)));
    }
}
