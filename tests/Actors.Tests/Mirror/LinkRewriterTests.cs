using Crawler.Actors.Mirror;
using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Mirror;

public sealed class LinkRewriterTests
{
    private const string DocumentPath = "example.com/dir/page.html";
    private static readonly Url Document = Url.Parse("http://example.com/dir/page.html");

    private static LinkRewriter Rewriter(params (string Url, string Path)[] saved) =>
        new(saved.ToDictionary(s => Url.Parse(s.Url).Normalize(), s => s.Path));

    private static string Html(string html, params (string Url, string Path)[] saved) => Rewriter(saved).RewriteHtml(html, Document, DocumentPath);

    [Theory]
    [InlineData("example.com/dir/page.html", "example.com/dir/b.html", "b.html")]
    [InlineData("example.com/dir/page.html", "example.com/b.html", "../b.html")]
    [InlineData("example.com/page.html", "example.com/d/e/b.html", "d/e/b.html")]
    [InlineData("example.com/a/page.html", "other.org_8080/x.png", "../../other.org_8080/x.png")]
    [InlineData("example.com/page.html", "example.com/p@q=1%2F2.html", "p@q=1%252F2.html")]
    [InlineData("example.com/page.html", "example.com/a:b", "a%3Ab")]
    [InlineData("example.com/page.html", "example.com/a b#c?.png", "a%20b%23c%3F.png")]
    [InlineData("example.com/page.html", "example.com/page.html", "page.html")]
    [InlineData("example.com/x/page.html", "example.com/x", "../x")]
    [InlineData("index.html", "style.css", "style.css")]
    [InlineData("index.html", "docs/index.html", "docs/index.html")]
    [InlineData("docs/index.html", "index.html", "../index.html")]
    [InlineData("docs/a/page.html", "docs/b.png", "../b.png")]
    [InlineData("docs/page.html", "index~1.html", "../index~1.html")]
    public void RelativeReference_Paths_AreRelativeAndEncoded(string from, string to, string expected) =>
        Assert.Equal(expected, LinkRewriter.RelativeReference(from, to));

    [Fact]
    public void RewriteHtml_SavedLink_BecomesRelativeAndRestIsUntouched()
    {
        const string html = "<!doctype html>\n<P CLASS=x>  <a  title='t' href=\"other.html\" >x</a> &amp; <!-- <a href=other.html> --></P>";

        var result = Html(html, ("http://example.com/dir/other.html", "example.com/dir/other.html"));

        Assert.Equal("<!doctype html>\n<P CLASS=x>  <a  title='t' href=\"other.html\" >x</a> &amp; <!-- <a href=other.html> --></P>", result);
    }

    [Fact]
    public void RewriteHtml_LinkToOtherDirectory_RelativePath()
    {
        var result = Html("<a href='/top/x.html'>x</a>", ("http://example.com/top/x.html", "example.com/top/x.html"));

        Assert.Equal("<a href=\"../top/x.html\">x</a>", result);
    }

    [Fact]
    public void RewriteHtml_UnsavedRelativeLink_BecomesAbsolute()
    {
        var result = Html("<a href=missing.html>x</a>");

        Assert.Equal("<a href=\"http://example.com/dir/missing.html\">x</a>", result);
    }

    [Fact]
    public void RewriteHtml_Fragment_IsKept()
    {
        var result = Html("<a href='/a.html#sec-2'>x</a>", ("http://example.com/a.html", "example.com/a.html"));

        Assert.Equal("<a href=\"../a.html#sec-2\">x</a>", result);
    }

    [Theory]
    [InlineData("<a href='javascript:go()'>x</a>")]
    [InlineData("<a href='mailto:a@b.c'>x</a>")]
    [InlineData("<a href='#top'>x</a>")]
    [InlineData("<img src='data:image/gif;base64,R0lG'>")]
    [InlineData("<a name=anchor>x</a>")]
    [InlineData("<a href='http://example.com/abs.html'>already absolute, not saved</a>")]
    [InlineData("<p title='href=x.html'>text href=x.html</p>")]
    [InlineData("<script>document.write('<a href=x.html>')</script>")]
    [InlineData("<textarea><img src=x.png></textarea>")]
    public void RewriteHtml_NothingToRewrite_ReturnsInputUnchanged(string html) => Assert.Equal(html, Html(html));

    [Fact]
    public void RewriteHtml_Srcset_RewritesEachCandidate()
    {
        var result = Html(
            "<img src=a.png srcset='a.png 1x, a@2x.png 2x, gone.png 3x'>",
            ("http://example.com/dir/a.png", "example.com/dir/a.png"),
            ("http://example.com/dir/a@2x.png", "example.com/dir/a%402x.png"));

        Assert.Equal("<img src=a.png srcset=\"a.png 1x, a%25402x.png 2x, http://example.com/dir/gone.png 3x\">", result);
    }

    [Fact]
    public void RewriteHtml_StyleElementAndAttribute_RewritesUrls()
    {
        var result = Html(
            "<style>@import 'theme.css'; p { background: url(bg.png) }</style><div style=\"background:url('bg.png')\"></div>",
            ("http://example.com/dir/theme.css", "example.com/dir/theme.css"),
            ("http://example.com/dir/bg.png", "example.com/img/bg.png"));

        Assert.Equal(
            "<style>@import 'theme.css'; p { background: url(\"../img/bg.png\") }</style><div style=\"background:url(&quot;../img/bg.png&quot;)\"></div>",
            result);
    }

    [Fact]
    public void RewriteHtml_MetaRefresh_RewritesOnlyTheUrl()
    {
        var result = Html("<meta http-equiv=Refresh content='5; url=next.html'>", ("http://example.com/dir/next.html", "example.com/next/index.html"));

        Assert.Equal("<meta http-equiv=Refresh content=\"5; url=../next/index.html\">", result);
    }

    [Fact]
    public void RewriteHtml_BaseHref_IsRemovedAndLinksResolveAgainstIt()
    {
        var result = Html(
            "<head><base href='http://example.com/base/'></head><a href=x.html>x</a>",
            ("http://example.com/base/x.html", "example.com/base/x.html"));

        Assert.Equal("<head><base ></head><a href=\"../base/x.html\">x</a>", result);
    }

    [Fact]
    public void RewriteHtml_EntityInValue_DecodedForLookupAndReEncoded()
    {
        var result = Html("<a href='p.php?a=1&amp;b=2'>x</a>", ("http://example.com/dir/p.php?a=1&b=2", "example.com/dir/p.php@a=1&b=2.html"));

        Assert.Equal("<a href=\"p.php@a=1&amp;b=2.html\">x</a>", result);
    }

    [Fact]
    public void RewriteHtml_UnterminatedQuote_DoesNotThrowOrLoseText()
    {
        const string html = "<a href='x.html>never closed";

        var result = Html(html, ("http://example.com/dir/x.html%3Enever%20closed", "example.com/dir/y.html"));

        Assert.Equal("<a href=\"y.html\"", result);
    }

    [Fact]
    public void RewriteCss_ImportAndUrls_RewrittenOthersKept()
    {
        var rewriter = Rewriter(("http://example.com/css/theme.css", "example.com/css/theme.css"), ("http://example.com/fonts/f.woff2", "example.com/fonts/f~1.woff2"));

        var result = rewriter.RewriteCss(
            "/* url(comment.png) */@import url(theme.css);\n@font-face{src:url('../fonts/f.woff2') format('woff2')}\na{background:url(data:image/png;base64,AA)}",
            Url.Parse("http://example.com/css/site.css"),
            "example.com/css/site.css");

        Assert.Equal(
            "/* url(comment.png) */@import url(theme.css);\n@font-face{src:url(\"../fonts/f~1.woff2\") format('woff2')}\na{background:url(data:image/png;base64,AA)}",
            result);
    }

    [Fact]
    public void RewriteCss_QuoteInPath_IsEscaped()
    {
        var rewriter = Rewriter(("http://example.com/a.png", "example.com/a\".png"));

        var result = rewriter.RewriteCss("a{background:url(a.png)}", Url.Parse("http://example.com/s.css"), "example.com/s.css");

        Assert.Equal("a{background:url(\"a%22.png\")}", result);
    }

    [Fact]
    public void RewriteHtml_EveryExtractedLink_RoundTripsToItsSavedFile()
    {
        // Oracle: AngleSharp's extractor on the rewritten file, read as a file: URL, must land on the saved paths.
        const string html = """
            <html><head><link rel=stylesheet href="/s.css"><link rel=icon href=favicon.ico>
            <style>@import url(imp.css); body{background:url("../bg.png")}</style></head>
            <body background=body.gif><a href=p1.html>1</a><a href="/sub/p2.html#frag">2</a>
            <img src=i.png srcset="i2.png 2x, i3.png 3x"><picture><source srcset=w.webp></picture>
            <script src=app.js></script><iframe src=frame.html></iframe><video src=v.mp4 poster=p.jpg><track src=t.vtt></video>
            <object data=o.svg></object><embed src=e.swf><input type=image src=btn.png>
            <meta http-equiv=refresh content="9;url=later.html"><div style="background:url(div.png)"></div></body></html>
            """;
        var links = new HtmlLinkExtractor().Extract(html, Document);
        var layout = new MirrorLayout();
        foreach (var link in links)
        {
            layout.Assign(link.Url, null);
        }

        var saved = layout.Snapshot();
        var rewritten = new LinkRewriter(saved).RewriteHtml(html, Document, DocumentPath);

        var local = new HtmlLinkExtractor().Extract(rewritten, Url.Parse("file:///mirror/" + DocumentPath));
        Assert.Equal(links.Count, local.Count);
        Assert.Equal(
            links.Select(l => "/mirror/" + saved[l.Url]).Order(StringComparer.Ordinal),
            local.Select(l => Uri.UnescapeDataString(l.Url.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RewriteHtml_WithoutHostDirectories_LinksAcrossHostsLandOnTheirOwnFiles()
    {
        // wget -nH with --span-hosts: both hosts share the root, so b.test's colliding names carry "~N". Oracle as above.
        const string html = """
            <link rel=stylesheet href="/s.css"><a href="other.html">1</a><a href="/">home</a>
            <a href="http://b.test/">b home</a><a href="http://b.test/dir/page.html#x">b page</a><img src="http://b.test/s.css">
            """;
        var layout = new MirrorLayout { HostDirectories = false };
        var documentPath = layout.Assign(Document, "text/html");
        var links = new HtmlLinkExtractor().Extract(html, Document);
        foreach (var link in links)
        {
            layout.Assign(link.Url, null);
        }

        var saved = layout.Snapshot();
        var rewritten = new LinkRewriter(saved).RewriteHtml(html, Document, documentPath);

        Assert.Equal("dir/page.html", documentPath);
        Assert.Equal("dir/page~1.html", saved[Url.Parse("http://b.test/dir/page.html")]);
        Assert.Equal("s~1.css", saved[Url.Parse("http://b.test/s.css")]);
        Assert.Contains("href=\"../index~1.html\"", rewritten, StringComparison.Ordinal);
        Assert.Contains("href=\"page~1.html#x\"", rewritten, StringComparison.Ordinal);
        var local = new HtmlLinkExtractor().Extract(rewritten, Url.Parse("file:///mirror/" + documentPath));
        Assert.Equal(
            links.Select(l => "/mirror/" + saved[l.Url]).Order(StringComparer.Ordinal),
            local.Select(l => Uri.UnescapeDataString(l.Url.Path)).Order(StringComparer.Ordinal));
    }
}
