using System.Text;
using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Mirror;

/// <summary>crawler.crawl.mirror.*: the configured name length and collision cap are the ones the layout enforces.</summary>
public sealed class MirrorOptionsTests
{
    [Fact]
    public void Assign_LoweredMaxNameBytes_ShortensWithHashSuffixAndKeepsExtension()
    {
        var layout = new MirrorLayout { HostDirectories = false, Options = new MirrorOptions { MaxNameBytes = 40 } };

        var path = layout.Assign(Url.Parse("http://example.com/" + new string('a', 60) + ".png"), "image/png");

        Assert.Equal(40, Encoding.UTF8.GetByteCount(path));
        Assert.Matches("^a{19}~[0-9a-f]{16}\\.png$", path);
    }

    [Fact]
    public void Assign_NameWithinDefaultButOverLoweredCap_ShortenedOnlyUnderTheCap()
    {
        var url = Url.Parse("http://example.com/dir-" + new string('d', 50) + "/page.html");

        var plain = new MirrorLayout { HostDirectories = false }.Assign(url, "text/html");
        var capped = new MirrorLayout { HostDirectories = false, Options = new MirrorOptions { MaxNameBytes = 33 } }.Assign(url, "text/html");

        Assert.Equal("dir-" + new string('d', 50) + "/page.html", plain);
        Assert.Matches("^dir-d{12}~[0-9a-f]{16}/page\\.html$", capped);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(250)]
    public void FinishName_AnyAllowedCap_NameFitsAndStaysDistinct(int maxBytes)
    {
        var a = SafePath.FinishName(new string('x', 300) + "a.html", maxBytes);
        var b = SafePath.FinishName(new string('x', 300) + "b.html", maxBytes);

        Assert.True(Encoding.UTF8.GetByteCount(a) <= maxBytes);
        Assert.NotEqual(a, b);
        Assert.EndsWith(".html", a, StringComparison.Ordinal);
    }

    [Fact]
    public void FinishName_CapBelowHashSuffix_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => SafePath.FinishName("x", MirrorLimits.MinSegmentBytes - 1));

    [Theory]
    [InlineData(MirrorLimits.MinSegmentBytes - 1, 1000)]
    [InlineData(251, 1000)]
    [InlineData(250, 10_000)]
    [InlineData(200, 0)]
    public void Options_OutOfRange_RefusedByTheLayout(int maxNameBytes, int maxCollisionSuffix)
    {
        var options = new MirrorOptions { MaxNameBytes = maxNameBytes, MaxCollisionSuffix = maxCollisionSuffix };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MirrorLayout { Options = options });
        Assert.Contains("Max", error.ParamName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MirrorLimits.MinSegmentBytes, 1000)]
    [InlineData(250, 1000)]
    [InlineData(249, 10_000)]
    public void Options_Boundaries_Accepted(int maxNameBytes, int maxCollisionSuffix)
    {
        var layout = new MirrorLayout { Options = new MirrorOptions { MaxNameBytes = maxNameBytes, MaxCollisionSuffix = maxCollisionSuffix } };

        Assert.Equal(maxNameBytes, layout.Options.MaxNameBytes);
    }

    [Fact]
    public void Assign_PastLoweredCollisionCap_FailsInsteadOfSharing()
    {
        var layout = new MirrorLayout { HostDirectories = false, Options = new MirrorOptions { MaxCollisionSuffix = 2 } };

        Assert.Equal("x.png", layout.Assign(Url.Parse("http://a.example/x.png"), "image/png"));
        Assert.Equal("x~1.png", layout.Assign(Url.Parse("http://b.example/x.png"), "image/png"));
        Assert.Equal("x~2.png", layout.Assign(Url.Parse("http://c.example/x.png"), "image/png"));
        var error = Assert.Throws<UnsafePathException>(() => layout.Assign(Url.Parse("http://d.example/x.png"), "image/png"));
        Assert.Contains("more than 2 names collide", error.Message, StringComparison.Ordinal);
    }
}
