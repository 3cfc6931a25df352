using System.Text;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Urls;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("abc", "Path", "abc")]
    [InlineData("a b\"<>`{}", "Path", "a%20b%22%3C%3E%60%7B%7D")]
    [InlineData("a b'", "Query", "a%20b'")]
    [InlineData("a b'", "SpecialQuery", "a%20b%27")]
    [InlineData("a`b{", "Fragment", "a%60b{")]
    [InlineData("\u00e9\u20ac", "Path", "%C3%A9%E2%82%AC")]
    [InlineData("\U0001F600", "C0Control", "%F0%9F%98%80")]
    [InlineData("%41%zz%", "Path", "%41%zz%")]
    [InlineData("\u0000\u007f", "C0Control", "%00%7F")]
    // The set travels as its name: the enum is internal and theory parameters of public tests must be public.
    public void Encode_Sets_EncodeWhatBrowsersDo(string text, string set, string expected)
        => Assert.Equal(expected, PercentEncoding.Encode(text, Enum.Parse<PercentEncodeSet>(set)));

    [Fact]
    public void Encode_LoneSurrogate_BecomesReplacementCharacter()
        => Assert.Equal("%EF%BF%BDx", PercentEncoding.Encode(new string(['\ud800', 'x']), PercentEncodeSet.Path));

    [Fact]
    public void Encode_NothingToEncode_ReturnsSameInstance()
    {
        var text = "/a/b?c";
        Assert.Same(text, PercentEncoding.Encode(text, PercentEncodeSet.Query));
    }

    [Theory]
    [InlineData("%41%42%7e%2d%2E%5F", "AB~-._")]
    [InlineData("%2f%3a%c3%a9", "%2F%3A%C3%A9")]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%4g", "%4g")]
    [InlineData("a%", "a%")]
    [InlineData("%%41", "%A")]
    public void NormalizeEscapes_DecodesUnreservedUppercasesOthers(string text, string expected)
        => Assert.Equal(expected, PercentEncoding.NormalizeEscapes(text));

    [Theory]
    [InlineData("a%20b", "a b")]
    [InlineData("%C3%A9t%C3%A9", "\u00e9t\u00e9")]
    [InlineData("100%", "100%")]
    [InlineData("%zz%41", "%zzA")]
    [InlineData("\u00e9%41", "\u00e9A")]
    [InlineData("%FF", "\ufffd")]
    public void DecodeToString_Escapes_DecodedAsUtf8(string text, string expected)
        => Assert.Equal(expected, PercentEncoding.DecodeToString(text));

    [Fact]
    public void DecodeToBytes_RawBytes_Kept()
        => Assert.Equal(new byte[] { 0xFF, 0x00, (byte)'a' }.Concat(Encoding.UTF8.GetBytes("\u00e9")), PercentEncoding.DecodeToBytes("%FF%00a\u00e9"));
}
