using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Crawl;

public sealed class LinkConversionTests
{
    private static readonly Url Page = Url.Parse("http://site.test/new.html");

    [Fact]
    public void WithRedirects_ChainEndingAtASavedFile_EveryHopPointsAtThatFile()
    {
        var saved = new Dictionary<Url, string> { [Page] = "site.test/new.html" };
        UrlOutcome[] outcomes =
        [
            Redirect("http://site.test/old.html", "http://site.test/older.html"),
            Redirect("http://site.test/older.html", "http://site.test/new.html"),
        ];

        var paths = LinkConversion.WithRedirects(saved, outcomes);

        Assert.Equal("site.test/new.html", paths[Url.Parse("http://site.test/old.html")]);
        Assert.Equal("site.test/new.html", paths[Url.Parse("http://site.test/older.html")]);
        Assert.Equal("site.test/new.html", paths[Page]);
    }

    [Fact]
    public void WithRedirects_LoopOrUnsavedTarget_AddsNothingAndEnds()
    {
        var saved = new Dictionary<Url, string> { [Page] = "site.test/new.html" };
        UrlOutcome[] outcomes =
        [
            Redirect("http://site.test/a", "http://site.test/b"),
            Redirect("http://site.test/b", "http://site.test/a"),
            Redirect("http://site.test/gone", "http://elsewhere.test/"),
        ];

        var paths = LinkConversion.WithRedirects(saved, outcomes);

        Assert.Equal([Page], paths.Keys);
    }

    private static UrlOutcome Redirect(string from, string to)
        => new(Url.Parse(from), 1, null) { StatusCode = 301, RedirectTarget = Url.Parse(to) };
}
