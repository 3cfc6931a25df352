using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Parsing;

/// <summary>Differential: the DOM-free extractor must find exactly what the AngleSharp one finds.</summary>
public sealed class ScanningHtmlLinkExtractorTests
{
    private const int Seed = 424242;
    private const int GeneratedDocuments = 300;

    private static readonly Url Page = Url.Parse("http://example.com/dir/page.html");

    private static readonly string[] Fragments =
    [
        "<a href=x.html>x</a>", "<A HREF='/Upper.html'>u</a>", "<a href=\"q.php?a=1&amp;b=2\">q</a>", "<a href='#top'>t</a>",
        "<link rel=stylesheet href=s.css>", "<link rel='shortcut icon' href=/f.ico>", "<link rel=next href=n.html>", "<link rel=preconnect href=//cdn>",
        "<img src=i.png srcset='i2.png 2x, i3.png 3x'>", "<picture><source srcset='w.webp 1x'><img src=f.jpg></picture>",
        "<script src=/app.js></script>", "<script>var a = '<img src=no.png>';</script>", "<style>@import 'imp.css'; p{background:url(bg.png)}</style>",
        "<div style=\"background:url('d.png')\">d</div>", "<iframe src=fr.html></iframe>", "<video src=v.mp4 poster=p.jpg><track src=t.vtt></video>",
        "<object data=o.svg></object>", "<embed src=e.swf>", "<input type=image src=btn.png>", "<input type=text src=no.png>",
        "<meta http-equiv=refresh content='3; url=later.html'>", "<!-- <a href=commented.html> -->", "<textarea><a href=no.html></textarea>",
        "<title><img src=no.png></title>", "<body background=bg.gif>", "<table background=t.gif><tr><td background=td.gif>x</td></tr></table>",
        "<a href=javascript:void(0)>j</a>", "<img src='data:image/gif;base64,R0lG'>", "<a href='  spaced.html  '>s</a>", "<p>text & more < less</p>",
        "<a title='>' href=gt.html>g</a>", "<img src=dup.png><a href=dup.png>dup</a>", "<a href=x.html#frag>again</a>", "<br/>", "<p/>",
        "<img src=&quot;odd.png&quot;>", "<a href='caf&eacute;.html'>e</a>", "<a href=\"&#x2F;hex.html\">h</a>", "<area href=area.html>",
    ];

    private static string[] Keys(IReadOnlyList<ExtractedLink> links) =>
        links.Select(l => $"{l.Kind} {l.Url}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Extract_EachFragment_AgreesWithDom()
    {
        foreach (var fragment in Fragments)
        {
            Assert.Equal(Keys(new HtmlLinkExtractor().Extract(fragment, Page)), Keys(new ScanningHtmlLinkExtractor().Extract(fragment, Page)));
        }
    }

    [Theory]
    [InlineData("<a href=x.html>x</a><base href='http://other.example/b/'><img src=i.png>")]
    [InlineData("<base target=_top><a href=x.html>x</a><base href='/b/'><base href='/c/'>")]
    [InlineData("<head><base href='sub/'><link rel=stylesheet href=s.css></head><a href=x.html>x</a>")]
    public void Extract_BaseBeforeOrAfterLinks_EveryLinkUsesTheFirstBaseHref(string html)
        => Assert.Equal(Keys(new HtmlLinkExtractor().Extract(html, Page)), Keys(new ScanningHtmlLinkExtractor().Extract(html, Page)));

    [Fact]
    public void Extract_GeneratedDocuments_AgreeWithDom()
    {
        var random = new Random(Seed);
        var dom = new HtmlLinkExtractor();
        var scanning = new ScanningHtmlLinkExtractor();
        for (var n = 0; n < GeneratedDocuments; n++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Fragments[random.Next(Fragments.Length)]);
            var html = (random.Next(3) == 0 ? "<base href='http://other.example/b/'>" : "") + string.Join(random.Next(2) == 0 ? "\n" : "", parts);

            Assert.Equal(Keys(dom.Extract(html, Page)), Keys(scanning.Extract(html, Page)));
        }
    }

    [Fact]
    public void Extract_BaseHref_ResolvesAgainstBase()
    {
        var link = Assert.Single(new ScanningHtmlLinkExtractor().Extract("<base href='/b/'><a href=x.html>x</a>", Page));

        Assert.Equal("http://example.com/b/x.html", link.Url.ToString());
    }
}
