using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Parsing;

public sealed class CssLinkExtractorTests
{
    private static readonly Url Sheet = Url.Parse("http://example.com/css/site.css");

    private static string[] Values(string css) => CssUrlScanner.Scan(css).Select(r => r.Value).ToArray();

    [Theory]
    [InlineData("@import 'a.css';", "a.css")]
    [InlineData("@import \"a.css\";", "a.css")]
    [InlineData("@import url(a.css);", "a.css")]
    [InlineData("@import url('a.css') screen;", "a.css")]
    [InlineData("@import url( \"a.css\" ) layer(base);", "a.css")]
    [InlineData("@IMPORT 'a.css';", "a.css")]
    [InlineData("@import/*c*/'a.css';", "a.css")]
    public void Scan_ImportForms_FindImport(string css, string expected)
    {
        var reference = Assert.Single(CssUrlScanner.Scan(css));

        Assert.Equal(expected, reference.Value);
        Assert.True(reference.IsImport);
    }

    [Theory]
    [InlineData("a{background:url(bg.png)}", "bg.png")]
    [InlineData("a{background:url( bg.png )}", "bg.png")]
    [InlineData("a{background:URL(bg.png)}", "bg.png")]
    [InlineData("a{background:url('bg.png')}", "bg.png")]
    [InlineData("a{background:url(\"b g.png\")}", "b g.png")]
    [InlineData("@font-face{src:url(f.woff2) format('woff2')}", "f.woff2")]
    [InlineData("a{cursor:url(c.cur),auto}", "c.cur")]
    [InlineData("a{--x:url(custom.png)}", "custom.png")]
    [InlineData("a{-future-prop:url(future.png)}", "future.png")]
    [InlineData("a{background:url(a\\)b.png)}", "a)b.png")]
    [InlineData("a{background:url(a\\20 b.png)}", "a b.png")]
    [InlineData("a{background:url('it\\'s.png')}", "it's.png")]
    [InlineData("a{background:url(\"\\62 g.png\")}", "bg.png")]
    [InlineData("a{background:url(\"long\\\nline.png\")}", "longline.png")]
    [InlineData("a{background:\\75 rl(esc.png)}", "esc.png")]
    [InlineData("a{background:url(eof.png", "eof.png")]
    public void Scan_UrlForms_FindDecodedValue(string css, string expected) => Assert.Equal([expected], Values(css));

    [Theory]
    [InlineData("/* url(commented.png) */ a{}")]
    [InlineData("/* @import 'c.css'; */")]
    [InlineData("a{content:'url(in-string.png)'}")]
    [InlineData("a{content:\"@import 'x.css'\"}")]
    [InlineData("a{background:myurl(x.png)}")]
    [InlineData("a{width:1url(x.png)}")]
    [InlineData("#url(x.png){}")]
    [InlineData("a{background:url(bad url.png)}")]
    [InlineData("a{background:url(bad\"quote.png)}")]
    [InlineData("a{background:url(bad(paren.png)}")]
    [InlineData("@import 'bad\nstring.css';")]
    [InlineData("@media print { }")]
    [InlineData("a{font-family:'x.css'}")]
    public void Scan_NonUrls_FindNothing(string css) => Assert.Empty(Values(css));

    [Fact]
    public void Scan_BadUrlThenGoodUrl_RecoversAfterBadUrl()
    {
        Assert.Equal(["good.png"], Values("a{background:url(bad url.png)} b{background:url(good.png)}"));
    }

    [Fact]
    public void Scan_ImageSet_FindsStringsAndUrls()
    {
        Assert.Equal(["a.png", "b.png", "c.png"], Values("a{background:image-set('a.png' 1x, url(b.png) 2x, -webkit-image-set(\"c.png\" 1x))}"));
    }

    [Fact]
    public void Scan_StringAfterImageSet_IsNoUrl()
    {
        Assert.Equal(["a.png"], Values("a{background:image-set('a.png' 1x);content:'not.png'}"));
    }

    [Fact]
    public void Scan_UnterminatedComment_EndsScan() => Assert.Empty(Values("/* url(x.png)"));

    [Fact]
    public void Scan_Ranges_CoverTheTokenToReplace()
    {
        const string css = "@import 'i.css'; a{background:url( b.png )} b{background:url(\"c.png\")}";

        var ranges = CssUrlScanner.Scan(css).Select(r => css.Substring(r.Start, r.Length)).ToArray();

        Assert.Equal(["'i.css'", "url( b.png )", "\"c.png\""], ranges);
    }

    [Fact]
    public void Extract_ResolvesAgainstStylesheetAndMarksRequisite()
    {
        var links = new CssLinkExtractor().Extract("@import 'theme.css'; h1{background:url(../img/logo.svg)} i{background:url(data:image/png;base64,AA)}", Sheet);

        Assert.Equal(["http://example.com/css/theme.css", "http://example.com/img/logo.svg"], links.Select(l => l.Url.ToString()));
        Assert.Equal(["css@import", "css@url"], links.Select(l => l.Source));
        Assert.All(links, l => Assert.Equal(LinkKind.Requisite, l.Kind));
    }

    [Fact]
    public void Extract_SameUrlTwice_Deduplicates()
    {
        var links = new CssLinkExtractor().Extract("a{background:url(x.png)} b{background:url('x.png#frag')}", Sheet);

        Assert.Single(links);
    }
}
