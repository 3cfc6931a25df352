using System.Text;
using Crawler.Host.Output;

namespace Crawler.Host.Tests.Output;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<html><head><title>T</title></head><body>Hello</body></html>", "Hello")]
    [InlineData("<p>one</p><p>two</p>", "one\n\ntwo")]
    [InlineData("<div>one</div><div>two</div>", "one\ntwo")]
    [InlineData("<h1>Title</h1>text", "Title\n\ntext")]
    [InlineData("<ul><li>a</li><li>b</li></ul>", "a\nb")]
    [InlineData("a<br>b", "a\nb")]
    [InlineData("a<br><br>b", "a\n\nb")]
    [InlineData("<p>a<br></p><p>b</p>", "a\n\nb")]
    [InlineData("  lots   of\n\t whitespace  ", "lots of whitespace")]
    [InlineData("<b>bold</b> <i>italic</i>", "bold italic")]
    [InlineData("<b>no</b><i>space</i>", "nospace")]
    [InlineData("word <div> block </div> word", "word\nblock\nword")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>", "a\tb\nc\td")]
    [InlineData("<div><div><p>deep</p></div></div>", "deep")]
    [InlineData("", "")]
    public void Extract_Layout_GivesBrowserLikeLines(string html, string expected)
        => Assert.Equal(expected, HtmlText.Extract(html));

    [Theory]
    [InlineData("<script>var x = '<p>no</p>';</script>yes", "yes")]
    [InlineData("<style>p { color: red }</style>yes", "yes")]
    [InlineData("<noscript>enable JS</noscript>yes", "yes")]
    [InlineData("<template><p>later</p></template>yes", "yes")]
    [InlineData("<div hidden>secret</div>yes", "yes")]
    [InlineData("<head><title>Title</title><style>x</style></head><body>yes</body>", "yes")]
    public void Extract_NonRenderedContent_IsSkipped(string html, string expected)
        => Assert.Equal(expected, HtmlText.Extract(html));

    [Theory]
    [InlineData("&lt;tag&gt; &amp; &quot;q&quot; &#39;s&#x27;", "<tag> & \"q\" 's'")]
    [InlineData("caf&eacute; &euro;5 &hellip; &rarr; &Sigma;&sigma;", "caf\u00e9 \u20ac5 \u2026 \u2192 \u03a3\u03c3")]
    [InlineData("&#128512; &#x1F600;", "\U0001F600 \U0001F600")]
    [InlineData("&amp;amp; &zzz;", "&amp; &zzz;")]
    // Legacy references without ';' match by longest prefix, as the HTML standard says.
    [InlineData("&notit; &copy2026", "\u00acit; \u00a92026")]
    [InlineData("a&nbsp;&nbsp;b", "a  b")]
    [InlineData("&NotNestedGreaterGreater;", "\u2AA2\u0338")]
    public void Extract_CharacterReferences_AreDecoded(string html, string expected)
        => Assert.Equal(expected, HtmlText.Extract(html));

    [Fact]
    public void Extract_Pre_KeepsWhitespace()
    {
        var html = "<p>before</p><pre>\n  line 1\n    line  2\n</pre><p>after   it</p>";
        Assert.Equal("before\n\n  line 1\n    line  2\n\nafter it", HtmlText.Extract(html));
    }

    [Fact]
    public void Extract_TextOutsideBody_OnlyBodyCounts()
        => Assert.Equal("in body", HtmlText.Extract("<!DOCTYPE html><html><head><meta charset=utf-8><title>head text</title></head><body>in body</body></html>"));

    [Fact]
    public void Extract_DeeplyNested_DoesNotOverflowStack()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 20_000)) + "deep" + string.Concat(Enumerable.Repeat("</span>", 20_000));
        Assert.Equal("deep", HtmlText.Extract(html));
    }

    [Fact]
    public void Extract_Bytes_UsesDetectedCharset()
    {
        var latin1 = Encoding.Latin1.GetBytes("<meta charset=iso-8859-1><p>caf\u00e9</p>");
        Assert.Equal("caf\u00e9", HtmlText.Extract(latin1, "text/html"));

        var utf8 = Encoding.UTF8.GetBytes("<p>caf\u00e9</p>");
        Assert.Equal("caf\u00e9", HtmlText.Extract(utf8, "text/html; charset=utf-8"));
    }

    [Fact]
    public void Extract_SampleSiteIndex_PrintsReadableText()
    {
        using var stream = typeof(HtmlText).Assembly.GetManifestResourceStream("sample-site/index.html");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream!);
        var text = HtmlText.Extract(reader.ReadToEnd());

        Assert.Equal(
            "Crawler & friends\n\n"
            + "This page ships with crawler. It is what crawler get prints with no URL, and the start of the sample site that crawler crawl mirrors with no URL.\n\n"
            + "About the crawler\nDocumentation\n\n"
            + "Entities decode: <tags>, \"quotes\", \u00a9 \u2603 \u2026",
            text);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
    }
}
