using System.Text;
using Crawler.Actors.Mirror;

namespace Crawler.Actors.Tests.Mirror;

public sealed class SafePathTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("caf%C3%A9", "café")]
    [InlineData("café", "café")]
    [InlineData("a%2Fb", "a%2Fb")]
    [InlineData("a%2fb", "a%2Fb")]
    [InlineData("a%5cb", "a%5Cb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("%2e%2e", "..")]
    [InlineData("%25", "%25")]
    [InlineData("100%", "100%25")]
    [InlineData("%zz", "%25zz")]
    [InlineData("%c0%ae%c0%ae", "%C0%AE%C0%AE")]
    [InlineData("%c0%af", "%C0%AF")]
    [InlineData("%e0%80%ae", "%E0%80%AE")]
    [InlineData("%ff", "%FF")]
    [InlineData("a:b*c?d\"e<f>g|h", "a%3Ab%2Ac%3Fd%22e%3Cf%3Eg%7Ch")]
    [InlineData("a@b", "a%40b")]
    [InlineData("%00", "%00")]
    [InlineData("a%0Ab%7F", "a%0Ab%7F")]
    [InlineData("%E2%80%AEtxt.exe", "%E2%80%AEtxt.exe")]
    [InlineData("a%20b", "a b")]
    [InlineData("~user", "~user")]
    public void EncodeComponent_Inputs_DecodeAndEscapeUnsafe(string raw, string expected) => Assert.Equal(expected, SafePath.EncodeComponent(raw));

    [Fact]
    public void EncodeComponent_EachPrintableAsciiCharacter_IsKeptUnlessAFileNameMustNotHoldIt()
    {
        for (var c = ' '; c <= '~'; c++)
        {
            var raw = $"a{c}b";
            var expected = "%/\\:*?\"<>|@".Contains(c, StringComparison.Ordinal) ? $"a%{(int)c:X2}b" : raw;
            Assert.Equal(expected, SafePath.EncodeComponent(raw));
        }
    }

    [Theory]
    [InlineData(".", "%2E")]
    [InlineData("..", "%2E%2E")]
    [InlineData("...", "..%2E")]
    [InlineData("name.", "name%2E")]
    [InlineData("name ", "name%20")]
    [InlineData("CON", "%43ON")]
    [InlineData("con", "%63on")]
    [InlineData("aux.txt", "%61ux.txt")]
    [InlineData("NUL.tar.gz", "%4EUL.tar.gz")]
    [InlineData("COM1", "%43OM1")]
    [InlineData("lpt9.log", "%6Cpt9.log")]
    [InlineData("CONOUT$", "%43ONOUT$")]
    [InlineData("console", "console")]
    [InlineData("COM10", "COM10")]
    [InlineData("index.html", "index.html")]
    public void FinishName_SpecialNames_AreEscaped(string name, string expected) => Assert.Equal(expected, SafePath.FinishName(name));

    [Theory]
    [InlineData(200, false)]
    [InlineData(201, true)]
    [InlineData(300, true)]
    [InlineData(5000, true)]
    public void FinishName_LongNames_ShortenedWithHashAndExtension(int length, bool shortened)
    {
        var name = new string('x', length - 5) + ".html";

        var finished = SafePath.FinishName(name);

        Assert.True(Encoding.UTF8.GetByteCount(finished) <= MirrorLimits.DefaultMaxSegmentBytes);
        Assert.EndsWith(".html", finished, StringComparison.Ordinal);
        Assert.Equal(shortened, finished != name);
    }

    [Fact]
    public void FinishName_LongNamesDifferingAtTheEnd_StayDistinct()
    {
        var a = SafePath.FinishName(new string('x', 300) + "a");
        var b = SafePath.FinishName(new string('x', 300) + "b");

        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("é", 150)]
    [InlineData("😀", 80)]
    [InlineData("%2F", 100)]
    public void FinishName_LongMultiByteOrEscapedNames_CutOnBoundaries(string unit, int count)
    {
        var name = string.Concat(Enumerable.Repeat(unit, count));

        var finished = SafePath.FinishName(name);

        Assert.True(Encoding.UTF8.GetByteCount(finished) <= MirrorLimits.DefaultMaxSegmentBytes);
        Assert.DoesNotContain('\uFFFD', finished);
        var stem = finished[..finished.LastIndexOf('~')];
        Assert.Equal(0, stem.Length % unit.Length);
        Assert.StartsWith(stem, name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\..\\..\\x")]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("a/")]
    [InlineData("a\0b")]
    [InlineData("..")]
    public void Combine_EscapingOrMalformedPaths_Throw(string relative)
    {
        var root = Path.Combine(Path.GetTempPath(), "mirror-root");

        var error = Assert.Throws<UnsafePathException>(() => SafePath.Combine(root, relative));

        Assert.Equal(relative, error.Path);
    }

    [Fact]
    public void Combine_OrdinaryPath_IsUnderRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "mirror-root");

        var full = SafePath.Combine(root, "example.com/a/b.html");

        Assert.Equal(Path.Combine(root, "example.com", "a", "b.html"), full);
    }

    [Fact]
    public void Combine_RootWithTrailingSeparator_IsUnderRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "mirror-root") + Path.DirectorySeparatorChar;

        var full = SafePath.Combine(root, "x");

        Assert.StartsWith(root, full, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_SiblingWithRootAsPrefix_IsNotConfusedWithRoot()
    {
        // "/tmp/mirror-root-evil" starts with "/tmp/mirror-root" but is not inside it; the separator check catches it.
        var root = Path.Combine(Path.GetTempPath(), "mirror-root");

        Assert.Throws<UnsafePathException>(() => SafePath.Combine(root, "../mirror-root-evil/x"));
    }
}
