using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using Crawler.Actors.Parsing;

namespace Crawler.Actors.Tests.Parsing;

/// <summary>AngleSharp.Css as an oracle: every URL its CSSOM keeps, our tokenizer must find too.</summary>
public sealed partial class CssScannerOracleTests
{
    [Theory]
    [InlineData("a{background:url(bg.png) no-repeat}")]
    [InlineData("a{background-image:url('x.png'), url(\"y.png\")}")]
    [InlineData("ul{list-style-image:url(bullet.gif)}")]
    [InlineData("a{cursor:url(hand.cur), pointer}")]
    [InlineData("a{border-image:url(border.png) 30 round}")]
    [InlineData("@import url(base.css); @import 'print.css' print;")]
    [InlineData("@font-face{font-family:X;src:url(x.woff2) format('woff2'),url(x.woff) format('woff')}")]
    [InlineData("@media screen{a{background:url(media.png)}}")]
    [InlineData("/* url(no.png) */a{background:url(a\\(b.png)}")]
    public void Scan_StandardCss_FindsEveryUrlAngleSharpKeeps(string css)
    {
        var sheet = new CssParser().ParseStyleSheet(css);
        var oracle = QuotedUrl().Matches(sheet.ToCss()).Select(m => Regex.Unescape(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

        var ours = CssUrlScanner.Scan(css).Select(r => r.Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(oracle);
        Assert.Superset(oracle, ours);
    }

    [Fact]
    public void AngleSharpCss_UnknownProperty_DropsItsUrlByDefault()
    {
        // Why the tokenizer: the default CSSOM loses URLs of properties it does not know.
        const string css = "a{-future-thing:url(future.png)}";

        var sheet = new CssParser().ParseStyleSheet(css);

        Assert.DoesNotContain("future.png", sheet.ToCss(), StringComparison.Ordinal);
        Assert.Equal(["future.png"], CssUrlScanner.Scan(css).Select(r => r.Value));
    }

    [GeneratedRegex("url\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)")]
    private static partial Regex QuotedUrl();
}
