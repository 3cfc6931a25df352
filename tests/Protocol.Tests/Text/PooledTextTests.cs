using System.Text;
using Crawler.Protocol.Text;

namespace Crawler.Protocol.Tests.Text;

public sealed class PooledTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("caf\u00e9 \u65e5\u672c \U0001F600")]
    public void Decode_Utf8_HoldsExactlyTheText(string text)
    {
        using var pooled = PooledText.Decode(Encoding.UTF8.GetBytes(text), Encoding.UTF8);

        Assert.Equal(text.Length, pooled.Length);
        Assert.Equal(text, pooled.Memory.Span.ToString());
        Assert.Equal(text, pooled.ToString());
    }

    [Fact]
    public void Decode_InvalidUtf8_ReplacementCharacter()
    {
        using var pooled = PooledText.Decode([0x61, 0xFF, 0x62], Encoding.UTF8);

        Assert.Equal("a\uFFFDb", pooled.ToString());
    }

    [Fact]
    public void DecodePooled_BomAndLatin1_SameTextAsDecode()
    {
        byte[] latin1 = [0x63, 0x61, 0x66, 0xE9];
        byte[] bom = [0xEF, 0xBB, 0xBF, 0x68, 0x69];

        using var fromLatin1 = CharsetDetector.DecodePooled(latin1, "text/html; charset=iso-8859-1");
        using var fromBom = CharsetDetector.DecodePooled(bom, "text/html; charset=iso-8859-1");

        Assert.Equal(CharsetDetector.Decode(latin1, "text/html; charset=iso-8859-1"), fromLatin1.ToString());
        Assert.Equal("hi", fromBom.ToString());
    }

    [Fact]
    public void Dispose_ThenRead_Throws_AndDisposingTwiceIsHarmless()
    {
        var pooled = PooledText.From("<p>x</p>");
        pooled.Dispose();
        pooled.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pooled.Memory);
    }
}
