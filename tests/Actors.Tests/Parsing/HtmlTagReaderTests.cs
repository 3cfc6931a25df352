using Crawler.Actors.Parsing;

namespace Crawler.Actors.Tests.Parsing;

public sealed class HtmlTagReaderTests
{
    [Fact]
    public void Read_WalksStartTagsOnly_WithPositionsAttributesAndRawText()
    {
        const string html = "<!-- <a href=no> --><P class=x>t</p><img SRC='a.png' src=b.png alt><style>p{}</style></x y=1><br/>";
        var reader = new HtmlTagReader(html.AsMemory());

        Assert.True(reader.Read());
        Assert.Equal("p", reader.Name);
        Assert.Equal(html.IndexOf("<P", StringComparison.Ordinal), reader.Start);
        Assert.Equal("class", Assert.Single(reader.Attributes.ToArray()).Name);
        Assert.Equal("x", reader.Get("class"));

        Assert.True(reader.Read());
        Assert.Equal("img", reader.Name);
        Assert.Equal(["src", "alt"], reader.Attributes.ToArray().Select(a => a.Name)); // the first of each name, as the parser keeps
        Assert.Equal("a.png", reader.Get("src"));
        Assert.Equal("", reader.Get("alt"));
        Assert.Null(reader.Get("class"));
        Assert.Equal(html.IndexOf("<style>", StringComparison.Ordinal), reader.End);

        Assert.True(reader.Read());
        Assert.Equal("style", reader.Name);
        Assert.Equal("p{}", html.Substring(reader.RawTextStart, reader.RawTextLength));

        Assert.True(reader.Read());
        Assert.Equal("br", reader.Name);
        Assert.True(reader.Attributes.IsEmpty);

        Assert.False(reader.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_SameTagsAsScan()
    {
        const string html = "<a href=1>x</a><script>if (a<b) document.write('<img src=no>')</script><div style='u'><a href=2 href=3>";
        var scanned = HtmlTagScanner.Scan(html);
        var reader = new HtmlTagReader(html.AsMemory());
        foreach (var tag in scanned)
        {
            Assert.True(reader.Read());
            Assert.Equal((tag.Name, tag.Start, tag.End, tag.RawTextStart, tag.RawTextLength), (reader.Name, reader.Start, reader.End, reader.RawTextStart, reader.RawTextLength));
            Assert.Equal(tag.Attributes.Select(a => (a.Name, a.RawValue)), reader.Attributes.ToArray().Select(a => (a.Name, a.RawValue)));
        }

        Assert.False(reader.Read());
    }
}
