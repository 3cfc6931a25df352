using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Urls;

public sealed class UrlNormalizeTests
{
    [Theory]
    [InlineData("HTTP://Example.COM:80", "http://example.com/")]
    [InlineData("http://h/a#frag", "http://h/a")]
    [InlineData("http://h/%7Euser/%41%42c", "http://h/~user/ABc")]
    [InlineData("http://h/a%2fb%3a", "http://h/a%2Fb%3A")]
    [InlineData("http://h/a/%2E%2E/b", "http://h/b")]
    [InlineData("http://h/a/%2e/b", "http://h/a/b")]
    [InlineData("http://h/?q=%7e%2f", "http://h/?q=~%2F")]
    [InlineData("http://h/%zz%4", "http://h/%zz%4")]
    [InlineData("https://h:443/x?", "https://h/x?")]
    [InlineData("data:,x#f", "data:,x")]
    [InlineData("view-source:http://h/%7e#f", "view-source:http://h/~")]
    public void Normalize_Variants_GiveCanonicalForm(string text, string expected)
        => Assert.Equal(expected, Url.Parse(text).Normalize().ToString());

    [Fact]
    public void Normalize_EquivalentSpellings_AreEqual()
    {
        var spellings = new[]
        {
            "http://example.com/a/b",
            "HTTP://EXAMPLE.com:80/a/./b#x",
            "http://example.com/a/c/../b",
            "http://example.com/%61/%62",
            "http://Example.Com/a/b#",
        };

        var normalized = spellings.Select(s => Url.Parse(s).Normalize()).Distinct().ToList();
        Assert.Single(normalized);
    }

    [Fact]
    public void Normalize_AlreadyNormal_ReturnsSameInstance()
    {
        var url = Url.Parse("http://h/a?b");
        Assert.Same(url, url.Normalize());
    }

    [Fact]
    public void WithoutFragment_DropsOnlyFragment()
        => Assert.Equal("http://h/%7e?q", Url.Parse("http://h/%7e?q#f").WithoutFragment().ToString());
}
