using Crawler.Actors.Crawl;
using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Crawl;

public sealed class ScopeRulesTests
{
    private static ScopeVerdict Check(string seed, string url, ScopeOptions? options = null, LinkKind kind = LinkKind.Page) =>
        new ScopeRules([Url.Parse(seed)], options ?? new ScopeOptions()).Check(Url.Parse(url), kind);

    [Theory]
    [InlineData("http://example.com/", "http://example.com/a", ScopeVerdict.InScope)]
    [InlineData("http://example.com/", "http://EXAMPLE.com/a", ScopeVerdict.InScope)]
    [InlineData("http://example.com/", "https://example.com/a", ScopeVerdict.InScope)]
    [InlineData("http://example.com/", "http://www.example.com/a", ScopeVerdict.OtherHost)]
    [InlineData("http://example.com/", "http://example.com:8080/a", ScopeVerdict.OtherHost)]
    [InlineData("http://example.com:8080/", "http://example.com:8080/a", ScopeVerdict.InScope)]
    [InlineData("http://example.com:8080/", "http://example.com/a", ScopeVerdict.OtherHost)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5001/", ScopeVerdict.OtherHost)]
    public void Check_DefaultScope_SameHostAndPortOnly(string seed, string url, ScopeVerdict expected) => Assert.Equal(expected, Check(seed, url));

    [Fact]
    public void Check_RequisiteOnOtherHostWithoutSpanHosts_OutOfScope()
    {
        Assert.Equal(ScopeVerdict.OtherHost, Check("http://example.com/", "http://cdn.example.net/app.js", kind: LinkKind.Requisite));
    }

    [Fact]
    public void Check_SpanHostsWithoutDomains_AnyHost()
    {
        Assert.Equal(ScopeVerdict.InScope, Check("http://example.com/", "http://anything.org/", new ScopeOptions { SpanHosts = true }));
    }

    [Theory]
    [InlineData("http://a.com/", ScopeVerdict.InScope)]
    [InlineData("http://www.a.com/", ScopeVerdict.InScope)]
    [InlineData("http://deep.sub.b.org/", ScopeVerdict.InScope)]
    [InlineData("http://evila.com/", ScopeVerdict.OutsideDomains)]
    [InlineData("http://a.com.evil.net/", ScopeVerdict.OutsideDomains)]
    [InlineData("http://c.com/", ScopeVerdict.OutsideDomains)]
    [InlineData("http://example.com/seed-host-always", ScopeVerdict.InScope)]
    public void Check_SpanHostsWithDomains_LabelSuffixMatch(string url, ScopeVerdict expected)
    {
        var options = new ScopeOptions { SpanHosts = true, Domains = ["a.com", ".B.org"] };

        Assert.Equal(expected, Check("http://example.com/", url, options));
    }

    [Theory]
    [InlineData("/blog/**", "/blog/2024/post.html", ScopeVerdict.InScope)]
    [InlineData("/blog/**", "/about.html", ScopeVerdict.NotIncluded)]
    [InlineData("/blog/*", "/blog/post.html", ScopeVerdict.InScope)]
    [InlineData("/blog/*", "/blog/2024/post.html", ScopeVerdict.NotIncluded)]
    [InlineData("*.html", "/a/b/c.html", ScopeVerdict.InScope)]
    [InlineData("*.html", "/a/b/c.htm", ScopeVerdict.NotIncluded)]
    [InlineData("/p?ge", "/page", ScopeVerdict.InScope)]
    [InlineData("/p?ge", "/p/ge", ScopeVerdict.NotIncluded)]
    [InlineData("regex:^/docs/v[0-9]+/", "/docs/v12/intro", ScopeVerdict.InScope)]
    [InlineData("regex:^/docs/v[0-9]+/", "/docs/latest/intro", ScopeVerdict.NotIncluded)]
    [InlineData("regex:lang=en", "/search?q=x&lang=en", ScopeVerdict.InScope)]
    public void Check_IncludePatterns_ApplyToPages(string pattern, string path, ScopeVerdict expected)
    {
        Assert.Equal(expected, Check("http://example.com/", "http://example.com" + path, new ScopeOptions { Include = [pattern] }));
    }

    [Fact]
    public void Check_IncludePatterns_DoNotApplyToRequisites()
    {
        var options = new ScopeOptions { Include = ["/blog/**"] };

        Assert.Equal(ScopeVerdict.InScope, Check("http://example.com/blog/", "http://example.com/static/site.css", options, LinkKind.Requisite));
    }

    [Theory]
    [InlineData(LinkKind.Page)]
    [InlineData(LinkKind.Requisite)]
    public void Check_ExcludePatterns_ApplyToEverything(LinkKind kind)
    {
        var options = new ScopeOptions { Exclude = ["*.zip", "regex:[?&]sessionid="] };

        Assert.Equal(ScopeVerdict.Excluded, Check("http://example.com/", "http://example.com/files/big.zip", options, kind));
        Assert.Equal(ScopeVerdict.Excluded, Check("http://example.com/", "http://example.com/a?x=1&sessionid=9", options, kind));
        Assert.Equal(ScopeVerdict.InScope, Check("http://example.com/", "http://example.com/a?x=1", options, kind));
    }

    [Theory]
    [InlineData("http://example.com/docs/guide/", "http://example.com/docs/guide/ch1.html", ScopeVerdict.InScope)]
    [InlineData("http://example.com/docs/guide/", "http://example.com/docs/guide/", ScopeVerdict.InScope)]
    [InlineData("http://example.com/docs/guide/", "http://example.com/docs/other.html", ScopeVerdict.AboveParent)]
    [InlineData("http://example.com/docs/guide/", "http://example.com/docs/guidebook/", ScopeVerdict.AboveParent)]
    [InlineData("http://example.com/docs/guide/index.html", "http://example.com/docs/guide/ch2.html", ScopeVerdict.InScope)]
    [InlineData("http://example.com/docs/guide", "http://example.com/docs/x.html", ScopeVerdict.InScope)]
    [InlineData("http://example.com/docs/guide", "http://example.com/x.html", ScopeVerdict.AboveParent)]
    public void Check_NoParent_StaysUnderSeedDirectory(string seed, string url, ScopeVerdict expected)
    {
        Assert.Equal(expected, Check(seed, url, new ScopeOptions { NoParent = true }));
    }

    [Fact]
    public void Check_NoParentRequisiteAbove_StillInScope()
    {
        Assert.Equal(ScopeVerdict.InScope, Check("http://example.com/docs/", "http://example.com/static/s.css", new ScopeOptions { NoParent = true }, LinkKind.Requisite));
    }

    [Fact]
    public void Check_NoParentWithTwoSeeds_EitherDirectory()
    {
        var rules = new ScopeRules([Url.Parse("http://example.com/a/"), Url.Parse("http://example.com/b/")], new ScopeOptions { NoParent = true });

        Assert.True(rules.IsInScope(Url.Parse("http://example.com/a/x"), LinkKind.Page));
        Assert.True(rules.IsInScope(Url.Parse("http://example.com/b/y"), LinkKind.Page));
        Assert.False(rules.IsInScope(Url.Parse("http://example.com/c/z"), LinkKind.Page));
    }

    [Theory]
    [InlineData(LinkKind.Page)]
    [InlineData(LinkKind.Requisite)]
    public void Check_SeedItself_InScopeWhateverIncludeExcludeOrNoParent(LinkKind kind)
    {
        var options = new ScopeOptions { Include = ["/blog/**"], Exclude = ["/start/**"], NoParent = true };
        var rules = new ScopeRules([Url.Parse("http://example.com/start/index.html"), Url.Parse("http://example.com/about")], options);

        Assert.Equal(ScopeVerdict.InScope, rules.Check(Url.Parse("http://example.com/start/index.html"), kind));
        Assert.Equal(ScopeVerdict.InScope, rules.Check(Url.Parse("http://EXAMPLE.com:80/about#team"), kind));
        Assert.Equal(ScopeVerdict.Excluded, rules.Check(Url.Parse("http://example.com/start/other.html"), kind));
        Assert.Equal(ScopeVerdict.NotIncluded, rules.Check(Url.Parse("http://example.com/about/more"), LinkKind.Page));
    }

    [Theory]
    [InlineData("regex:(a")]
    [InlineData("regex:(?<=x)y")]
    [InlineData("regex:(a)\\1")]
    public void Constructor_BadPattern_ThrowsNamingPattern(string pattern)
    {
        var error = Assert.Throws<ScopePatternException>(() => new ScopeRules([Url.Parse("http://example.com/")], new ScopeOptions { Exclude = [pattern] }));

        Assert.Equal(pattern, error.Pattern);
    }
}
