using System.Text;
using Crawler.Protocol.Text;

namespace Crawler.Protocol.Tests.Text;

public sealed class CharsetDetectorTests
{
    [Theory]
    [InlineData("text/html; charset=utf-8", "utf-8")]
    [InlineData("text/html;charset=\"ISO-8859-1\"", "ISO-8859-1")]
    [InlineData("text/html; foo=\"a;b\"; Charset = koi8-r ", "koi8-r")]
    [InlineData("text/html", null)]
    [InlineData("text/html; charset=", null)]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void CharsetFromContentType_Parameters_Extracted(string? contentType, string? expected)
        => Assert.Equal(expected, CharsetDetector.CharsetFromContentType(contentType));

    [Theory]
    [InlineData("text/html; charset=utf-8", "<meta charset=iso-8859-2>", 65001, CharsetSource.ContentType)]
    [InlineData("text/html", "<meta charset=\"windows-1251\">", 1251, CharsetSource.MetaPrescan)]
    [InlineData("text/html", "<META CHARSET='Shift_JIS'>", 932, CharsetSource.MetaPrescan)]
    [InlineData(null, "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", 20866, CharsetSource.MetaPrescan)]
    [InlineData("text/html", "<meta content='text/html; charset=iso-8859-2' http-equiv='content-type'>", 28592, CharsetSource.MetaPrescan)]
    [InlineData("text/html", "<meta content=\"text/html; charset=iso-8859-2\">", 65001, CharsetSource.Default)]
    [InlineData("text/html", "<!-- <meta charset=koi8-r> --><meta charset=iso-8859-2>", 28592, CharsetSource.MetaPrescan)]
    [InlineData("text/html", "<div title=\"<meta charset=koi8-r>\"><meta charset=iso-8859-2>", 28592, CharsetSource.MetaPrescan)]
    [InlineData("text/html", "<meta name=x><meta charset=bogus-label><meta charset=koi8-r>", 20866, CharsetSource.MetaPrescan)]
    [InlineData("text/html", "<meta charset=utf-16>", 65001, CharsetSource.MetaPrescan)]
    [InlineData("text/html", "<metal charset=koi8-r>", 65001, CharsetSource.Default)]
    [InlineData("text/plain", "<meta charset=koi8-r>", 65001, CharsetSource.Default)]
    [InlineData("text/html; charset=latin1", "", 1252, CharsetSource.ContentType)]
    [InlineData("text/html; charset=us-ascii", "", 1252, CharsetSource.ContentType)]
    [InlineData("text/html; charset=nonsense", "", 65001, CharsetSource.Default)]
    [InlineData(null, "plain words", 65001, CharsetSource.Default)]
    public void Detect_HeaderThenMetaThenDefault(string? contentType, string head, int codePage, CharsetSource source)
    {
        var detected = CharsetDetector.Detect(Encoding.ASCII.GetBytes(head), contentType);
        Assert.Equal(codePage, detected.Encoding.CodePage);
        Assert.Equal(source, detected.Source);
        Assert.Equal(0, detected.BomLength);
    }

    [Fact]
    public void Detect_MetaAfterFirst1024Bytes_IsIgnored()
    {
        var head = Encoding.ASCII.GetBytes(new string(' ', CharsetDetector.PrescanBytes - 10) + "<meta charset=koi8-r>");
        Assert.Equal(CharsetSource.Default, CharsetDetector.Detect(head, "text/html").Source);

        var within = Encoding.ASCII.GetBytes(new string(' ', CharsetDetector.PrescanBytes - 25) + "<meta charset=koi8-r>");
        Assert.Equal(CharsetSource.MetaPrescan, CharsetDetector.Detect(within, "text/html").Source);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a' }, 65001, 3)]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, 1200, 2)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, 1201, 2)]
    public void Detect_Bom_OverridesContentType(byte[] head, int codePage, int bomLength)
    {
        var detected = CharsetDetector.Detect(head, "text/html; charset=iso-8859-2");
        Assert.Equal(codePage, detected.Encoding.CodePage);
        Assert.Equal(CharsetSource.ByteOrderMark, detected.Source);
        Assert.Equal(bomLength, detected.BomLength);
    }

    [Fact]
    public void Decode_Windows1252Body_MapsC1RangeAsBrowsersDo()
    {
        // 0x80 is the euro sign in windows-1252 (which "iso-8859-1" means on the web), not a C1 control.
        var text = CharsetDetector.Decode([0x80, 0xE9], "text/html; charset=iso-8859-1");
        Assert.Equal("\u20ac\u00e9", text);
    }

    [Fact]
    public void Decode_Utf8WithBom_SkipsBom()
        => Assert.Equal("h\u00e9", CharsetDetector.Decode([0xEF, 0xBB, 0xBF, (byte)'h', 0xC3, 0xA9], null));

    [Fact]
    public void Decode_InvalidUtf8_GivesReplacementCharacter()
        => Assert.Equal("a\ufffdb", CharsetDetector.Decode([(byte)'a', 0xFF, (byte)'b'], "text/plain"));

    [Theory]
    [InlineData("text/html; charset=utf-8", "utf-8")]
    [InlineData("charset='x-y'", "x-y")]
    [InlineData("charset = \"q\"", "q")]
    [InlineData("foo;charset=abc;bar", "abc")]
    [InlineData("charset", null)]
    [InlineData("charset=\"unterminated", null)]
    [InlineData("nothing here", null)]
    public void CharsetFromMetaContent_FollowsHtmlAlgorithm(string content, string? expected)
        => Assert.Equal(expected, MetaPrescan.CharsetFromMetaContent(content));
}
