using Crawler.Actors.Parsing;

namespace Crawler.Actors.Tests.Parsing;

public sealed class SrcsetParserTests
{
    private static string[] Urls(string srcset) => SrcsetParser.Parse(srcset).Select(c => c.Url).ToArray();

    [Theory]
    [InlineData("a.png", new[] { "a.png" })]
    [InlineData("a.png 1x", new[] { "a.png" })]
    [InlineData("a.png 1x, b.png 2x", new[] { "a.png", "b.png" })]
    [InlineData("a.png 100w,b.png 200w", new[] { "a.png", "b.png" })]
    [InlineData("a.png,b.png", new[] { "a.png,b.png" })]
    [InlineData("a.png, b.png", new[] { "a.png", "b.png" })]
    [InlineData("a,b.png 1x, c.png 2x", new[] { "a,b.png", "c.png" })]
    [InlineData("  ,, a.png 1x ,,  ", new[] { "a.png" })]
    [InlineData("a.png,, b.png", new[] { "a.png", "b.png" })]
    [InlineData("data:image/png;base64,AAA= 1x, b.png 2x", new[] { "data:image/png;base64,AAA=", "b.png" })]
    [InlineData("a.png (foo, bar) 1x, b.png", new[] { "a.png", "b.png" })]
    [InlineData("a.png 1x bogus, b.png", new[] { "a.png", "b.png" })]
    [InlineData("\ta.png\n2x,\fb.png", new[] { "a.png", "b.png" })]
    [InlineData("", new string[0])]
    [InlineData(" , ", new string[0])]
    public void Parse_Boundaries_FindUrls(string srcset, string[] expected) => Assert.Equal(expected, Urls(srcset));

    [Fact]
    public void Parse_Candidates_CarryStartAndDescriptor()
    {
        const string srcset = " a.png 1.5x, b.png 300w";

        var candidates = SrcsetParser.Parse(srcset);

        Assert.Equal([(1, "1.5x"), (13, "300w")], candidates.Select(c => (c.Start, c.Descriptor)));
        Assert.All(candidates, c => Assert.Equal(c.Url, srcset.Substring(c.Start, c.Url.Length)));
    }
}
