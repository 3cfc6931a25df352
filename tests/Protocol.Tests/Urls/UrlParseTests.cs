using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Urls;

public sealed class UrlParseTests
{
    [Fact]
    public void Parse_FullHttpUrl_SplitsComponents()
    {
        var url = Url.Parse("HTTP://User:Pw@WWW.Example.COM:8080/a/b?x=1&y=2#top");

        Assert.Equal("http", url.Scheme);
        Assert.Equal("User:Pw", url.UserInfo);
        Assert.Equal("www.example.com", url.Host);
        Assert.Equal(8080, url.Port);
        Assert.False(url.IsDefaultPort);
        Assert.Equal("/a/b", url.Path);
        Assert.Equal("x=1&y=2", url.Query);
        Assert.Equal("top", url.Fragment);
        Assert.Equal("www.example.com:8080", url.Authority);
        Assert.Equal("/a/b?x=1&y=2", url.PathAndQuery);
        Assert.True(url.IsHttp);
        Assert.Equal("http://User:Pw@www.example.com:8080/a/b?x=1&y=2#top", url.ToString());
    }

    [Theory]
    [InlineData("http://h/", 80, "http://h/")]
    [InlineData("http://h:80/", 80, "http://h/")]
    [InlineData("http://h:080/", 80, "http://h/")]
    [InlineData("http://h:/", 80, "http://h/")]
    [InlineData("https://h:443/", 443, "https://h/")]
    [InlineData("https://h:80/", 80, "https://h:80/")]
    [InlineData("http://h:65535/", 65535, "http://h:65535/")]
    [InlineData("http://h:1/", 1, "http://h:1/")]
    public void Parse_Ports_DefaultDroppedAndEffectivePortReported(string text, int port, string expected)
    {
        var url = Url.Parse(text);
        Assert.Equal(port, url.Port);
        Assert.Equal(expected, url.ToString());
        Assert.Equal(expected.EndsWith(":80/", StringComparison.Ordinal) || expected.Contains(":6", StringComparison.Ordinal) || expected.Contains(":1/", StringComparison.Ordinal), !url.IsDefaultPort);
    }

    [Theory]
    [InlineData("http://[::1]:8080/", "::1", "[::1]:8080", "http://[::1]:8080/")]
    [InlineData("http://[::1]/", "::1", "[::1]", "http://[::1]/")]
    [InlineData("http://[2001:DB8:0:0:0:0:0:1]/x", "2001:db8::1", "[2001:db8::1]", "http://[2001:db8::1]/x")]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1", "127.0.0.1:5000", "http://127.0.0.1:5000/")]
    public void Parse_IpLiterals_HostWithoutBracketsAuthorityWith(string text, string host, string authority, string serialized)
    {
        var url = Url.Parse(text);
        Assert.Equal(host, url.Host);
        Assert.Equal(authority, url.Authority);
        Assert.Equal(serialized, url.ToString());
    }

    [Theory]
    [InlineData("http://b\u00fccher.example/", "xn--bcher-kva.example")]
    [InlineData("http://B\u00dcCHER.example/", "xn--bcher-kva.example")]
    [InlineData("http://\u4f8b\u3048.jp/", "xn--r8jz45g.jp")]
    [InlineData("http://ex%61mple.com/", "example.com")]
    public void Parse_InternationalHost_BecomesPunycode(string text, string host)
        => Assert.Equal(host, Url.Parse(text).Host);

    [Theory]
    [InlineData("http://h", "/")]
    [InlineData("http://h?q", "/")]
    [InlineData("http://h/a/./b/../c", "/a/c")]
    [InlineData("http://h/../../x", "/x")]
    [InlineData("http://h/a b", "/a%20b")]
    [InlineData("http://h/\u00e9", "/%C3%A9")]
    [InlineData("http://h/%zz", "/%zz")]
    [InlineData("http://h/a%2fb", "/a%2fb")]
    [InlineData("http://h/{x}", "/%7Bx%7D")]
    [InlineData("http:\\\\h\\a\\b", "/a/b")]
    [InlineData("  http://h/x  ", "/x")]
    [InlineData("ht\ttp://h/x\n", "/x")]
    public void Parse_Paths_EncodedAndDotSegmentsRemoved(string text, string path)
        => Assert.Equal(path, Url.Parse(text).Path);

    [Theory]
    [InlineData("http://h/?a b", "a%20b")]
    [InlineData("http://h/?it's", "it%27s")]
    [InlineData("http://h/?", "")]
    [InlineData("http://h/?a\\b", "a\\b")]
    public void Parse_Queries_EncodedAsBrowsersDo(string text, string query)
        => Assert.Equal(query, Url.Parse(text).Query);

    [Theory]
    [InlineData("", "empty URL")]
    [InlineData("   ", "empty URL")]
    [InlineData("example.com/x", "no scheme")]
    [InlineData("/relative", "no scheme")]
    [InlineData("1http://h/", "no scheme")]
    [InlineData("ftp://h/", "unsupported scheme 'ftp'")]
    [InlineData("mailto:a@b", "unsupported scheme 'mailto'")]
    [InlineData("http:h", "expected '//'")]
    [InlineData("http://", "empty host")]
    [InlineData("http:///x", "empty host")]
    [InlineData("http://:80/", "empty host")]
    [InlineData("http://u@/", "empty host")]
    [InlineData("http://h:99999/", "port 99999 out of range 1-65535")]
    [InlineData("http://h:65536/", "port 65536 out of range 1-65535")]
    [InlineData("http://h:0/", "port 0 out of range 1-65535")]
    [InlineData("http://h:99999999999999999999/", "out of range")]
    [InlineData("http://h:8o/", "port '8o' is not a number")]
    [InlineData("http://h:-1/", "port '-1' is not a number")]
    [InlineData("http://a b/", "invalid character ' ' in host")]
    [InlineData("http://a<b/", "invalid character '<' in host")]
    [InlineData("http://a%00b/", "invalid character '\\u0000' in host")]
    [InlineData("http://a^b/", "invalid character '^' in host")]
    [InlineData("http://[::1/", "no closing ']'")]
    [InlineData("http://[zz::1]/", "invalid IPv6 literal")]
    [InlineData("http://[127.0.0.1]/", "invalid IPv6 literal")]
    [InlineData("http://[::1]x/", "unexpected 'x' after IPv6 literal")]
    [InlineData("http://[fe80::1%25eth0]/", "zone identifiers")]
    [InlineData("data:text/plain", "no ','")]
    [InlineData("view-source:view-source:http://h/", "cannot wrap")]
    [InlineData("view-source:gopher://h/", "unsupported scheme 'gopher'")]
    [InlineData("file:relative/x", "must be absolute")]
    [InlineData("file://h:1/x", "port or user info")]
    public void Parse_BadUrl_ThrowsUrlFormatExceptionNamingUrlAndCause(string text, string reason)
    {
        var e = Assert.Throws<UrlFormatException>(() => Url.Parse(text));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Equal(text, e.Url);
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
        Assert.Equal(FetchErrorKind.InvalidUrl, e.Kind);
    }

    [Fact]
    public void Parse_TooLong_ThrowsWithLimitAndShortenedUrl()
    {
        var text = "http://h/" + new string('a', UrlParser.MaxUrlLength);
        var e = Assert.Throws<UrlFormatException>(() => Url.Parse(text));
        Assert.Contains(UrlParser.MaxUrlLength.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Reason, StringComparison.Ordinal);
        Assert.True(e.Url.Length < 300);
    }

    [Theory]
    [InlineData("file:///etc/hosts", "", "/etc/hosts", "file:///etc/hosts")]
    [InlineData("file:/etc/hosts", "", "/etc/hosts", "file:///etc/hosts")]
    [InlineData("FILE://localhost/tmp/a%20b", "", "/tmp/a%20b", "file:///tmp/a%20b")]
    [InlineData("file://Server/share/x", "server", "/share/x", "file://server/share/x")]
    [InlineData("file:///C:/dir/../x", "", "/C:/x", "file:///C:/x")]
    [InlineData("file://[::1]/x", "::1", "/x", "file://[::1]/x")]
    public void Parse_FileUrls_HostAndPath(string text, string host, string path, string serialized)
    {
        var url = Url.Parse(text);
        Assert.Equal("file", url.Scheme);
        Assert.Equal(host, url.Host);
        Assert.Equal(path, url.Path);
        Assert.Equal(-1, url.Port);
        Assert.Equal(serialized, url.ToString());
        Assert.False(url.IsHttp);
    }

    [Fact]
    public void Parse_DataUrl_KeepsBodyAsPath()
    {
        var url = Url.Parse("DATA:text/plain;base64,SGk=#frag");
        Assert.Equal("data", url.Scheme);
        Assert.Equal("text/plain;base64,SGk=", url.Path);
        Assert.Equal("frag", url.Fragment);
        Assert.Null(url.Query);
        Assert.Equal("", url.Host);
        Assert.Equal("data:text/plain;base64,SGk=#frag", url.ToString());
    }

    [Fact]
    public void Parse_ViewSource_WrapsInnerUrl()
    {
        var url = Url.Parse("View-Source:HTTP://H/x?y");
        Assert.Equal("view-source", url.Scheme);
        Assert.NotNull(url.Inner);
        Assert.Equal("http://h/x?y", url.Inner!.ToString());
        Assert.Equal("view-source:http://h/x?y", url.ToString());
    }

    [Fact]
    public void TryParse_BadUrl_ReturnsFalseWithReason()
    {
        Assert.False(Url.TryParse("http://h:x/", out var url, out var error));
        Assert.Null(url);
        Assert.Contains("not a number", error, StringComparison.Ordinal);
        Assert.True(Url.TryParse("http://h/", out url, out error));
        Assert.Equal("http://h/", url!.ToString());
        Assert.Null(error);
    }

    [Fact]
    public void Equals_SameText_EqualAndSameHash()
    {
        var a = Url.Parse("http://H/x");
        var b = Url.Parse("http://h/x");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Url.Parse("http://h/x#f"));
    }
}
