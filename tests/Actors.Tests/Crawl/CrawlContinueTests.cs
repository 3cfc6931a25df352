using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Stats;
using Crawler.Actors.Tests.Fetching;
using Crawler.Actors.Tests.Mirror;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;
using Microsoft.AspNetCore.Http;

namespace Crawler.Actors.Tests.Crawl;

/// <summary>
/// An interrupted crawl continued with --continue (<see cref="CrawlJobOptions.Continue"/>) must end with the mirror
/// one uninterrupted crawl gives, having fetched nothing the first run finished.
/// </summary>
public sealed class CrawlContinueTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] SiteFiles =
        ["a.html", "b.html", "c.html", "d.html", "e.html", "f.html", "img/logo.png", "index.html", "style.css"];

    private readonly TempDirectory _temp = new();
    private readonly TempDirectory _fresh = new();
    private TestSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        _site
            .Page("/", """<link rel="stylesheet" href="style.css"><a href="a.html">a</a> <a href="b.html">b</a> <a href="old">old</a> <a href="missing">gone</a>""")
            .Page("/a.html", """<a href="d.html">d</a> <img src="img/logo.png">""")
            .Page("/b.html", """<a href="e.html">e</a>""")
            .Page("/c.html", """<a href="/">home</a>""")
            .Page("/d.html", "d")
            .Page("/e.html", """<a href="f.html">f</a>""")
            .Page("/f.html", "f")
            .Css("/style.css", "/* css */")
            .Add("/img/logo.png", 200, "image/png", "logo")
            .Add("/missing", 404, "text/plain", "no")
            .Handle("/old", context =>
            {
                context.Response.StatusCode = 301;
                context.Response.Headers.Location = "/c.html";
                return Task.CompletedTask;
            });
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose()
    {
        _temp.Dispose();
        _fresh.Dispose();
    }

    [Fact]
    public async Task Continue_AfterAPageLimit_FinishesTheMirrorFetchingNothingTwice()
    {
        var first = await RunAsync(Job(maxPages: 3));
        Assert.Contains(first.Outcomes, o => o.SavedPath is not null);
        Assert.NotEqual(SiteFiles, _temp.AllFiles());

        var second = await RunAsync(Job() with { Continue = true });

        Assert.Equal(SiteFiles, _temp.AllFiles());
        Assert.All(second.Outcomes.Where(o => o.Url.Path != "/missing"), o => Assert.Null(o.Error));
        Assert.Equal(first.Outcomes.Count, second.Stats.Resumed);
        Assert.All(second.Outcomes.Where(o => first.Outcomes.Any(f => f.Url == o.Url)), o => Assert.True(o.Resumed));

        // Every URL was asked for once over both runs (robots.txt once a run), and the result is the whole crawl's.
        foreach (var path in _site.Requests.Where(p => p != "/robots.txt").Distinct())
        {
            Assert.Equal(1, _site.Count(path));
        }

        var whole = await RunAsync(Job() with { OutputDirectory = _fresh.Path });
        Assert.Equal(_fresh.AllFiles(), _temp.AllFiles());
        Assert.Equal(Summary(whole), Summary(second));
    }

    [Fact]
    public async Task Continue_AfterCtrlC_FinishesTheMirrorFetchingNothingTwice()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Handle("/b.html", async context =>
        {
            if (context.Request.Headers["X-Run"] == "1")
            {
                entered.TrySetResult();
                await release.Task;
            }

            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<a href=\"e.html\">e</a>");
        });
        using var stop = new CancellationTokenSource();
        var running = CrawlJob.RunAsync(Job(), new CrawlStats(), stop.Token);
        await entered.Task.WaitAsync(TestTimeouts.Default);

        // Ctrl+C: no new URL is taken; /b.html, in flight, still finishes and is journalled.
        await stop.CancelAsync();
        release.SetResult();
        var first = await running.WaitAsync(TestTimeouts.Default);
        Assert.True(first.Cancelled);
        Assert.Contains(first.Outcomes, o => o.Url.Path == "/b.html" && o.SavedPath is not null);

        var second = await RunAsync(Job(run: 2) with { Continue = true });

        Assert.False(second.Cancelled);
        Assert.Equal(SiteFiles, _temp.AllFiles());
        foreach (var path in _site.Requests.Where(p => p != "/robots.txt").Distinct())
        {
            Assert.Equal(1, _site.Count(path));
        }
    }

    [Fact]
    public async Task Continue_OfAFinishedCrawl_FetchesNothing()
    {
        await RunAsync(Job());
        var before = _site.Requests.Count;

        var again = await RunAsync(Job() with { Continue = true });

        // Not even robots.txt: it is asked for only before a fetch.
        Assert.Empty(_site.Requests.Skip(before));
        Assert.Equal(again.Stats.Done, again.Stats.Resumed);
        Assert.Equal(SiteFiles, _temp.AllFiles());
    }

    [Fact]
    public async Task Continue_RefetchesDeletedFilesAndPassingFailures_NotLastingOnes()
    {
        _site.Handle("/d.html", async context =>
        {
            // 503 in the first run, the page in the second.
            if (context.Request.Headers["X-Run"] != "2")
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("d");
        });
        var first = await RunAsync(Job());
        Assert.Contains(first.Outcomes, o => o.Url.Path == "/d.html" && o.Error is not null);
        File.Delete(Path.Combine(_temp.Path, "f.html"));
        var before = _site.Requests.Count;

        await RunAsync(Job(run: 2) with { Continue = true });

        Assert.Equal(["/d.html", "/f.html", "/robots.txt"], _site.Requests.Skip(before).Order(StringComparer.Ordinal));
        Assert.Equal(SiteFiles, _temp.AllFiles());
    }

    [Fact]
    public async Task Continue_JournalNamingAFileOutsideTheMirror_FetchesTheUrlInstead()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_temp.Path)!, "outside-" + Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllTextAsync(outside, "<a href=\"/secret\">secret</a>");
        try
        {
            using (var journal = CrawlJournal.Open(_temp.Path, append: false))
            {
                journal.Record(new UrlOutcome(Url.Parse(_site.Url("/")), 0, null) { StatusCode = 200, ContentType = "text/html", SavedPath = "../" + Path.GetFileName(outside) });
            }

            await RunAsync(Job() with { Continue = true });

            Assert.Equal(1, _site.Count("/"));
            Assert.Equal(0, _site.Count("/secret"));
            Assert.Equal(SiteFiles, _temp.AllFiles());
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task Continue_WithoutAJournal_CrawlsAfresh()
    {
        var result = await RunAsync(Job() with { Continue = true });

        Assert.Equal(0, result.Stats.Resumed);
        Assert.Equal(SiteFiles, _temp.AllFiles());
    }

    [Fact]
    public async Task Crawl_IntoAJournalledFolderWithoutContinue_StartsAfreshAndSaysSo()
    {
        await RunAsync(Job());
        using var logs = new CapturingLoggerFactory();
        var before = _site.Requests.Count;

        var again = await RunAsync(Job() with { LoggerFactory = logs });

        Assert.Equal(0, again.Stats.Resumed);
        Assert.Equal(before * 2, _site.Requests.Count);
        var notice = Assert.Single(logs.Entries, e => e.EventId.Id == 5006);
        Assert.Contains("--continue", notice.Message, StringComparison.Ordinal);
        Assert.Equal(again.Outcomes.Count, CrawlJournal.Load(_temp.Path, out _).Count);
    }

    [Fact]
    public async Task Crawl_WithTheJournalOff_WritesNone()
    {
        await RunAsync(Job() with { Journal = false });

        Assert.False(File.Exists(Path.Combine(_temp.Path, CrawlJournal.FileName)));
    }

    private static string[] Summary(CrawlResult result)
        => [.. result.Outcomes.Select(o => $"{o.Url} {o.StatusCode} {o.Depth} {o.SavedPath} {o.Error?.Kind}").Order(StringComparer.Ordinal)];

    private CrawlJobOptions Job(int? maxPages = null, int run = 1) => new(new CrawlOptions([Url.Parse(_site.Url("/"))])
    {
        Frontier = new FrontierOptions { MaxDepth = 10, MaxPages = maxPages },
        Concurrency = 1,
    })
    {
        OutputDirectory = _temp.Path,
        HostDirectories = false,
        Fetcher = new FetcherOptions { Headers = [new("X-Run", run.ToString(System.Globalization.CultureInfo.InvariantCulture))] },
        Resilience = new FetchResilienceOptions { MaxRetryAttempts = 0 },
    };

    private static Task<CrawlResult> RunAsync(CrawlJobOptions job)
        => CrawlJob.RunAsync(job, new CrawlStats(), CancellationToken.None).WaitAsync(TestTimeouts.Default);
}
