using Crawler.Protocol.Http1;
using Crawler.Protocol.Schemes;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Schemes;

public sealed class ViewSourceTests
{
    [Fact]
    public void Target_ViewSourceUrl_IsInner()
    {
        var url = Url.Parse("view-source:https://h/p");
        Assert.True(ViewSource.IsViewSource(url));
        Assert.Equal(Url.Parse("https://h/p"), ViewSource.Target(url));
        Assert.False(ViewSource.IsViewSource(Url.Parse("https://h/p")));
        Assert.Throws<ArgumentException>(() => ViewSource.Target(Url.Parse("https://h/p")));
    }

    [Fact]
    public async Task AsSource_HtmlResponse_BecomesPlainTextKeepingCharsetAndDisposesOriginal()
    {
        var headers = new HttpHeaders();
        headers.Add("Content-Type", "text/html; charset=ISO-8859-1");
        headers.Add("ETag", "\"x\"");
        var released = false;
        var fetched = new FetchResponse(Url.Parse("https://h/p"), 200, "OK", headers, new MemoryStream([1, 2]), () =>
        {
            released = true;
            return ValueTask.CompletedTask;
        });
        var requested = Url.Parse("view-source:https://h/p");

        await using (var source = ViewSource.AsSource(requested, fetched))
        {
            Assert.Equal(requested, source.Url);
            Assert.Equal("text/plain; charset=ISO-8859-1", source.ContentType);
            Assert.Equal("\"x\"", source.Headers["ETag"]);
            Assert.Same(fetched.Body, source.Body);
        }

        Assert.True(released);
    }
}
