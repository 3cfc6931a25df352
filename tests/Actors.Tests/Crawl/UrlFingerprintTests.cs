using Crawler.Actors.Crawl;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Crawl;

public sealed class UrlFingerprintTests
{
    [Fact]
    public void Of_SameText_SameFingerprint() =>
        Assert.Equal(UrlFingerprint.Of(Url.Parse("http://h/a?q=1")), UrlFingerprint.Of(Url.Parse("HTTP://H:80/a?q=1")));

    [Fact]
    public void Of_TenThousandDistinctUrls_AllDiffer()
    {
        var seen = new HashSet<UInt128>();
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(seen.Add(UrlFingerprint.Of(Url.Parse($"http://h/sec-{i % 20}/page-{i}.html"))), $"collision at {i}");
        }
    }
}
