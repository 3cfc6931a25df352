using Crawler.Actors.Fetching;
using Crawler.Actors.Parsing;
using Crawler.Actors.Runtime;
using Crawler.Protocol.Text;
using Crawler.Protocol.Urls;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Parsing;

public sealed class ParserActorTests : ActorTestBase
{
    private static readonly Url Page = Url.Parse("http://127.0.0.1/dir/page.html");

    [Fact]
    public async Task Parse_Html_RepliesWithLinks_AndReturnsTheTextBuffer()
    {
        var probe = CreateTestProbe();
        var parser = Sys.ActorOf(Props.Create(() => new ParserActor()), "parser");
        var text = PooledText.From("<a href=next.html>n</a><img src=/i.png>");

        parser.Tell(new ParseDocument(Page, 2, DocumentKind.Html, text, probe.Ref));

        var found = await probe.ExpectMsgAsync<LinksFound>();
        Assert.Equal(Page, found.Page);
        Assert.Equal(2, found.Depth);
        Assert.Null(found.Error);
        Assert.Equal(["http://127.0.0.1/dir/next.html", "http://127.0.0.1/i.png"], found.Links.Select(l => l.Url.ToString()).Order());
        Assert.Throws<ObjectDisposedException>(() => text.Memory);
    }

    [Fact]
    public async Task Parse_ExtractorThrows_EmptyResultWithError_AndTheTextIsStillReturned()
    {
        var probe = CreateTestProbe();
        var parser = Sys.ActorOf(Props.Create(() => new ParserActor(_ => throw new InvalidOperationException("bad page"))), "parser");
        var text = PooledText.From("<a href=x>");

        parser.Tell(new ParseDocument(Page, 0, DocumentKind.Html, text, probe.Ref));

        var found = await probe.ExpectMsgAsync<LinksFound>();
        Assert.Empty(found.Links);
        Assert.Contains("bad page", found.Error, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => text.Memory);
    }
}
