using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Tests.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Crawl;

public sealed class CrawlJournalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_GivesBackWhatWasRecorded_ByNormalisedUrl()
    {
        var saved = new UrlOutcome(Url.Parse("http://a.test/x%7e.html"), 3, Url.Parse("http://a.test/"))
        {
            StatusCode = 200, Bytes = 1234, ContentType = "text/html; charset=\"utf-8\"", SavedPath = "a.test/x~.html", IsRequisite = true, Attempts = 2,
        };
        var redirect = new UrlOutcome(Url.Parse("http://a.test/old"), 1, null) { StatusCode = 301, RedirectTarget = Url.Parse("http://a.test/new\u00e9") };
        var missing = new UrlOutcome(Url.Parse("http://a.test/gone"), 1, null) { StatusCode = 404, Error = FetchError.FromStatus(404, "Not Found") };
        Record(saved, redirect, missing);

        var loaded = CrawlJournal.Load(_temp.Path, out var unreadable);

        Assert.Equal(0, unreadable);
        Assert.Equal(3, loaded.Count);
        var back = loaded[saved.Url.Normalize()];
        Assert.Equal((200, 1234L, saved.ContentType, saved.SavedPath, true, 2), (back.StatusCode, back.Bytes, back.ContentType, back.SavedPath, back.IsRequisite, back.Attempts));
        Assert.Equal(redirect.RedirectTarget, loaded[redirect.Url].RedirectTarget);
        Assert.Equal((FetchFailureKind.HttpStatus, 404, "HTTP 404 Not Found"), (loaded[missing.Url].Error!.Kind, loaded[missing.Url].Error!.StatusCode, loaded[missing.Url].Error!.Message));
    }

    [Fact]
    public void Load_SkipsATornLastLine_AndGarbage()
    {
        Record(new UrlOutcome(Url.Parse("http://a.test/"), 0, null) { StatusCode = 200, SavedPath = "index.html" });
        File.AppendAllText(Path.Combine(_temp.Path, CrawlJournal.FileName), "not json\n{\"url\":\"ht\n{\"url\":\"http://a.test/b\",\"sta");

        var loaded = CrawlJournal.Load(_temp.Path, out var unreadable);

        Assert.Equal(3, unreadable);
        Assert.Single(loaded);
    }

    [Fact]
    public void Load_WithoutAJournal_IsEmpty()
    {
        Assert.Empty(CrawlJournal.Load(_temp.Path, out var unreadable));
        Assert.Equal(0, unreadable);
    }

    [Fact]
    public void Load_LaterLineWins_AndAPassingFailureForgetsTheUrl()
    {
        var url = Url.Parse("http://a.test/p");
        Record(
            new UrlOutcome(url, 1, null) { StatusCode = 200, SavedPath = "p" },
            new UrlOutcome(url, 1, null) { Error = new FetchError(FetchFailureKind.Timeout, "slow") });

        Assert.Empty(CrawlJournal.Load(_temp.Path, out _));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(FetchFailureKind.HttpStatus, 404, true)]
    [InlineData(FetchFailureKind.HttpStatus, 410, true)]
    [InlineData(FetchFailureKind.HttpStatus, 408, false)]
    [InlineData(FetchFailureKind.HttpStatus, 429, false)]
    [InlineData(FetchFailureKind.HttpStatus, 503, false)]
    [InlineData(FetchFailureKind.Network, null, false)]
    [InlineData(FetchFailureKind.Timeout, null, false)]
    [InlineData(FetchFailureKind.Crashed, null, false)]
    [InlineData(FetchFailureKind.Redirect, null, false)]
    public void IsFinal_KeepsSuccessesAndLastingAnswers(FetchFailureKind? kind, int? status, bool final)
    {
        var outcome = new UrlOutcome(Url.Parse("http://a.test/"), 0, null) { Error = kind is { } k ? new FetchError(k, "x", status) : null };
        Assert.Equal(final, CrawlJournal.IsFinal(outcome));
    }

    private void Record(params UrlOutcome[] outcomes)
    {
        using var journal = CrawlJournal.Open(_temp.Path, append: true);
        foreach (var outcome in outcomes)
        {
            journal.Record(outcome);
        }
    }
}
