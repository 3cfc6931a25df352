using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Urls;

public sealed class UrlResolveTests
{
    private static readonly Url Base = Url.Parse("http://a/b/c/d;p?q");

    // RFC 3986 §5.4.1. Our http URLs always have a path, so "//g" gives "http://g/" where the RFC writes "http://g".
    [Theory]
    [InlineData("g:h", null)]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g/")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q#s")]
    [InlineData("g#s", "http://a/b/c/g#s")]
    [InlineData("g?y#s", "http://a/b/c/g?y#s")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("g;x", "http://a/b/c/g;x")]
    [InlineData("g;x?y#s", "http://a/b/c/g;x?y#s")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("./", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../..", "http://a/")]
    [InlineData("../../", "http://a/")]
    [InlineData("../../g", "http://a/g")]
    public void Resolve_Rfc3986NormalExamples_MatchTheRfc(string reference, string? expected)
    {
        if (expected is null)
        {
            // "g:h" is a valid absolute URI of an unknown scheme; we only speak http, https, file, data.
            var e = Assert.Throws<UrlFormatException>(() => Base.Resolve(reference));
            Assert.Contains("unsupported scheme 'g'", e.Message, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(expected, Base.Resolve(reference).ToString());
    }

    // RFC 3986 §5.4.2.
    [Theory]
    [InlineData("../../../g", "http://a/g")]
    [InlineData("../../../../g", "http://a/g")]
    [InlineData("/./g", "http://a/g")]
    [InlineData("/../g", "http://a/g")]
    [InlineData("g.", "http://a/b/c/g.")]
    [InlineData(".g", "http://a/b/c/.g")]
    [InlineData("g..", "http://a/b/c/g..")]
    [InlineData("..g", "http://a/b/c/..g")]
    [InlineData("./../g", "http://a/b/g")]
    [InlineData("./g/.", "http://a/b/c/g/")]
    [InlineData("g/./h", "http://a/b/c/g/h")]
    [InlineData("g/../h", "http://a/b/c/h")]
    [InlineData("g;x=1/./y", "http://a/b/c/g;x=1/y")]
    [InlineData("g;x=1/../y", "http://a/b/c/y")]
    [InlineData("g?y/./x", "http://a/b/c/g?y/./x")]
    [InlineData("g?y/../x", "http://a/b/c/g?y/../x")]
    [InlineData("g#s/./x", "http://a/b/c/g#s/./x")]
    [InlineData("g#s/../x", "http://a/b/c/g#s/../x")]
    // The RFC allows either; we take the backward-compatible "non-strict" reading, as browsers do.
    [InlineData("http:g", "http://a/b/c/g")]
    public void Resolve_Rfc3986AbnormalExamples_MatchTheRfc(string reference, string expected)
        => Assert.Equal(expected, Base.Resolve(reference).ToString());

    [Theory]
    [InlineData("//other.example/x", "http://other.example/x")]
    [InlineData("//other.example:8080", "http://other.example:8080/")]
    [InlineData("https://secure.example/p", "https://secure.example/p")]
    [InlineData("https:g", null)]
    [InlineData("/abs/path?k=v", "http://a/abs/path?k=v")]
    [InlineData("?only", "http://a/b/c/d;p?only")]
    [InlineData("#frag", "http://a/b/c/d;p?q#frag")]
    [InlineData("  g \t\n", "http://a/b/c/g")]
    [InlineData("\u0001 /x\r\n", "http://a/x")]
    [InlineData("g\\h", "http://a/b/c/g/h")]
    [InlineData("\\\\other\\x", "http://other/x")]
    [InlineData("g?a\\b", "http://a/b/c/g?a\\b")]
    [InlineData("a b", "http://a/b/c/a%20b")]
    [InlineData("caf\u00e9", "http://a/b/c/caf%C3%A9")]
    [InlineData("view-source:http://x/", "view-source:http://x/")]
    public void Resolve_BrowserStyleReferences_GiveExpectedUrl(string reference, string? expected)
    {
        if (expected is null)
        {
            // A different scheme with no authority is absolute: "https:g" has no host.
            var e = Assert.Throws<UrlFormatException>(() => Base.Resolve(reference));
            Assert.Contains("expected '//'", e.Message, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(expected, Base.Resolve(reference).ToString());
    }

    [Theory]
    [InlineData("mailto:someone@example.com", "unsupported scheme 'mailto'")]
    [InlineData("javascript:void(0)", "unsupported scheme 'javascript'")]
    [InlineData("//bad host/", "invalid character ' ' in host")]
    [InlineData("//h:70000/", "port 70000 out of range")]
    public void Resolve_UnusableReference_ThrowsUrlFormatException(string reference, string reason)
    {
        var e = Assert.Throws<UrlFormatException>(() => Base.Resolve(reference));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Equal(FetchErrorKind.InvalidUrl, e.Kind);
    }

    [Fact]
    public void Resolve_TooLongReference_Throws()
    {
        var e = Assert.Throws<UrlFormatException>(() => Base.Resolve(new string('a', UrlParser.MaxUrlLength + 1)));
        Assert.Contains("more than the limit", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AgainstFileBase_StaysOnFile()
        => Assert.Equal("file:///srv/site/img/a.png", Url.Parse("file:///srv/site/pages/x.html").Resolve("../img/a.png").ToString());

    [Fact]
    public void Resolve_AgainstViewSource_ResolvesAgainstInnerUrl()
        => Assert.Equal("http://h/b/c", Url.Parse("view-source:http://h/b/a").Resolve("c").ToString());

    [Fact]
    public void Resolve_RelativeAgainstData_Throws()
    {
        var e = Assert.Throws<UrlFormatException>(() => Url.Parse("data:,x").Resolve("g"));
        Assert.Contains("data:", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FragmentAgainstData_KeepsData()
        => Assert.Equal("data:,x#f", Url.Parse("data:,x").Resolve("#f").ToString());

    [Fact]
    public void Resolve_BaseWithUserInfoAndPort_KeepsThem()
        => Assert.Equal("http://u:p@h:8080/x/y", Url.Parse("http://u:p@h:8080/x/z").Resolve("y").ToString());

    [Fact]
    public void Resolve_IPv6Base_KeepsBrackets()
        => Assert.Equal("http://[::1]:8080/b", Url.Parse("http://[::1]:8080/a").Resolve("b").ToString());
}
