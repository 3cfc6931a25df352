using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Tests.Fetching;
using Crawler.Actors.Runtime;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Crawler.Actors.Tests.Crawl;

public sealed class SupervisorTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private TestSite _elsewhere = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        _elsewhere = await TestSite.StartAsync();
        _elsewhere.Page("/", "<p>other host</p>");
        _site
            .Page("/", $"""
                <link rel="stylesheet" href="/style.css">
                <img src="/logo.png">
                <a href="/a.html">a</a> <a href="b.html#top">b</a> <a href="{_elsewhere.Url("/")}">away</a>
                """)
            .Page("/a.html", """<a href="/">home</a> <a href="/deep/c.html">c</a> <a href="/missing.html">gone</a>""")
            .Page("/b.html", """<a href="/a.html">a</a> <a href="/broken.html">broken</a> <img src="/logo.png">""")
            .Page("/deep/c.html", """<a href="/deep/d.html">d</a>""")
            .Page("/deep/d.html", "<p>bottom</p>")
            .Css("/style.css", "body { background: url('/img/bg.png') } @font-face { src: url(fonts/f.woff2) }")
            .Add("/logo.png", 200, "image/png", "PNG")
            .Add("/img/bg.png", 200, "image/png", "BG")
            .Add("/fonts/f.woff2", 200, "font/woff2", "WOFF")
            .Add("/broken.html", 500, "text/plain", "boom");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task Crawl_SmallSite_FetchesEveryReachableUrlExactlyOnceAndNothingOutOfScope()
    {
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options());

        string[] expected = ["/", "/style.css", "/logo.png", "/a.html", "/b.html", "/img/bg.png", "/fonts/f.woff2",
            "/deep/c.html", "/missing.html", "/deep/d.html"];
        foreach (var path in expected)
        {
            Assert.Equal(1, _site.Count(path));
        }

        Assert.Equal(2, _site.Count("/broken.html"));
        Assert.Empty(_elsewhere.Requests);
        Assert.Equal(expected.Length + 1, result.Outcomes.Count);
        Assert.Equal(result.Outcomes.Count, result.Outcomes.Select(o => o.Url).Distinct().Count());
        Assert.False(result.Cancelled);
        Assert.Equal(result.Outcomes.Count, result.Stats.Done);
    }

    [Fact]
    public async Task Crawl_NotFoundAndServerError_RecordedWithReferrerAndStatus()
    {
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options());

        var missing = Assert.Single(result.Outcomes, o => o.Url.Path == "/missing.html");
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(FetchFailureKind.HttpStatus, missing.Error!.Kind);
        Assert.Equal(_site.Url("/a.html"), missing.Referrer!.ToString());
        var broken = Assert.Single(result.Outcomes, o => o.Url.Path == "/broken.html");
        Assert.Equal(500, broken.StatusCode);
        Assert.Equal(2, broken.Attempts);
        Assert.Equal(_site.Url("/b.html"), broken.Referrer!.ToString());
        Assert.Equal(2, result.Stats.Failed);
    }

    [Fact]
    public async Task Crawl_FetcherCrashesMidCrawl_EveryUrlStillFetchedExactlyOnce()
    {
        var crashed = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using var harness = new SupervisorHarness
        {
            Fetcher = new FetcherOptions
            {
                // Crash once on each of three URLs, the first time a fetcher is handed them.
                FaultInjector = job =>
                {
                    if (job.Url.Path is "/a.html" or "/style.css" or "/deep/c.html" && crashed.AddOrUpdate(job.Url.Path, 1, (_, n) => n + 1) == 1)
                    {
                        throw new InvalidOperationException($"injected crash on {job.Url.Path}");
                    }
                },
            },
        };

        var result = await harness.RunAsync(Options());

        Assert.Equal(3, crashed.Count);
        foreach (var path in new[] { "/", "/style.css", "/a.html", "/deep/c.html", "/deep/d.html", "/img/bg.png" })
        {
            Assert.True(_site.Count(path) == 1, $"{path} requested {_site.Count(path)} times; outcomes: {string.Join(", ", result.Outcomes.Select(o => $"{o.Url.Path}={o.StatusCode}:{o.Error}:{o.Bytes}:{o.ContentType}"))}; dead letters {harness.DeadLetters}; warnings: {string.Join(" | ", result.Warnings)}");
        }

        Assert.Equal(result.Outcomes.Count, result.Outcomes.Select(o => o.Url).Distinct().Count());
        Assert.Contains(result.Outcomes, o => o.Url.Path == "/deep/c.html" && o.IsSuccess);
    }

    [Fact]
    public async Task Crawl_FetcherCrashesEveryTime_UrlRecordedAsCrashedWithReferrer()
    {
        await using var harness = new SupervisorHarness
        {
            Fetcher = new FetcherOptions
            {
                FaultInjector = job =>
                {
                    if (job.Url.Path == "/b.html")
                    {
                        throw new InvalidOperationException("always");
                    }
                },
            },
        };

        var result = await harness.RunAsync(Options() with { MaxCrashesPerUrl = 3 });

        var b = Assert.Single(result.Outcomes, o => o.Url.Path == "/b.html");
        Assert.Equal(FetchFailureKind.Crashed, b.Error!.Kind);
        Assert.Contains("3 times", b.Error.Message, StringComparison.Ordinal);
        Assert.Equal(_site.Url("/"), b.Referrer!.ToString());
        Assert.Equal(0, _site.Count("/b.html"));
        Assert.Equal(1, _site.Count("/a.html"));
    }

    [Fact]
    public async Task Crawl_RobotsDisallowPath_PathNeverRequestedAndRobotsFetchedOnce()
    {
        _site.Add("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /deep/\n");
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options());

        Assert.Equal(0, _site.Count("/deep/c.html"));
        Assert.Equal(1, _site.Count("/robots.txt"));
        Assert.Contains(result.Skipped, s => s.Job.Url.Path == "/deep/c.html");
        Assert.DoesNotContain(result.Outcomes, o => o.Url.Path.StartsWith("/deep/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawl_IgnoreRobots_DisallowedPathFetched()
    {
        _site.Add("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /deep/\n");
        await using var harness = new SupervisorHarness { Fetcher = new FetcherOptions { IgnoreRobots = true } };

        await harness.RunAsync(Options());

        Assert.Equal(1, _site.Count("/deep/c.html"));
        Assert.Equal(0, _site.Count("/robots.txt"));
    }

    [Fact]
    public async Task Crawl_SeedOutsideIncludePatterns_SeedStillFetchedAndRecursionFollowsThePatterns()
    {
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options() with { Scope = new ScopeOptions { Include = ["/deep/**"], Exclude = ["/"] } });

        Assert.Equal(1, _site.Count("/"));
        Assert.Equal(0, _site.Count("/a.html"));
        Assert.Equal(0, _site.Count("/b.html"));
        Assert.Equal(1, _site.Count("/style.css"));
        Assert.Contains(result.Outcomes, o => o.Url.Path == "/");
    }

    [Fact]
    public async Task Crawl_SeedDisallowedByRobots_SeedSkippedUnlessIgnoreRobots()
    {
        _site.Add("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /deep/\n");
        await using var harness = new SupervisorHarness();
        var deepSeed = new CrawlOptions([Url.Parse(_site.Url("/deep/c.html"))]) { Concurrency = 2, Fetchers = 1, Scope = new ScopeOptions { Include = ["/nothing/**"] } };

        var result = await harness.RunAsync(deepSeed);

        Assert.Equal(0, _site.Count("/deep/c.html"));
        Assert.Contains(result.Skipped, s => s.Job.Url.Path == "/deep/c.html");
    }

    [Theory]
    [InlineData(0, new[] { "/", "/style.css", "/logo.png", "/img/bg.png", "/fonts/f.woff2" })]
    [InlineData(1, new[] { "/", "/style.css", "/logo.png", "/img/bg.png", "/fonts/f.woff2", "/a.html", "/b.html" })]
    public async Task Crawl_MaxDepth_PagesBeyondItNotFetchedButRequisitesAre(int depth, string[] expected)
    {
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options() with { Frontier = new FrontierOptions { MaxDepth = depth } });

        Assert.Equal(expected.Order(), result.Outcomes.Select(o => o.Url.Path).Order());
    }

    [Fact]
    public async Task Warm_NoPageFollowing_FetchesThePageAndItsRequisitesOnly()
    {
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options() with { Frontier = new FrontierOptions { MaxDepth = 0 }, Scope = new ScopeOptions { SpanHosts = true } });

        Assert.Equal(["/", "/fonts/f.woff2", "/img/bg.png", "/logo.png", "/style.css"], result.Outcomes.Select(o => o.Url.Path).Order());
        Assert.All(result.Outcomes.Where(o => o.Url.Path != "/"), o => Assert.True(o.IsRequisite));
    }

    [Fact]
    public async Task Crawl_LinkToARedirectTarget_TargetFetchedOnceAndTheRedirectCostsNoBody()
    {
        _site
            .Page("/", """<a href="/old.html">old</a> <a href="/a.html">a</a>""")
            .Page("/a.html", """<a href="/new.html">new</a>""")
            .Page("/new.html", "<p>moved here</p>")
            .Handle("/old.html", Redirect("/new.html"));
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options() with { Concurrency = 1 });

        Assert.Equal(1, _site.Count("/old.html"));
        Assert.Equal(1, _site.Count("/new.html"));
        var old = Assert.Single(result.Outcomes, o => o.Url.Path == "/old.html");
        Assert.Equal((301, _site.Url("/new.html"), 0L), (old.StatusCode, old.RedirectTarget!.ToString(), old.Bytes));
        Assert.True(old.IsSuccess);
        var target = Assert.Single(result.Outcomes, o => o.Url.Path == "/new.html");
        Assert.Equal((200, "/old.html", 1), (target.StatusCode, target.Referrer!.Path, target.Depth));
    }

    [Fact]
    public async Task Crawl_RedirectChain_EachHopFetchedOnceAtTheLinksDepth()
    {
        _site
            .Page("/", """<a href="/r1">r1</a>""")
            .Handle("/r1", Redirect("/r2"))
            .Handle("/r2", Redirect("/end.html"))
            .Page("/end.html", """<a href="/after.html">after</a>""")
            .Page("/after.html", "<p>after</p>");
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options() with { Frontier = new FrontierOptions { MaxDepth = 2 } });

        Assert.All(["/r1", "/r2", "/end.html", "/after.html"], path => Assert.Equal(1, _site.Count(path)));
        Assert.Equal(1, Assert.Single(result.Outcomes, o => o.Url.Path == "/end.html").Depth);
        Assert.All(result.Outcomes, o => Assert.True(o.IsSuccess, o.Error?.Message));
    }

    [Fact]
    public async Task Crawl_RedirectLoop_RecordedAsFailedAndEveryHopFetchedOnce()
    {
        _site
            .Page("/", """<a href="/loop-a">loop</a>""")
            .Handle("/loop-a", Redirect("/loop-b"))
            .Handle("/loop-b", Redirect("/loop-a"));
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options());

        Assert.Equal((1, 1), (_site.Count("/loop-a"), _site.Count("/loop-b")));
        var failed = Assert.Single(result.Outcomes, o => !o.IsSuccess);
        Assert.Equal(("/loop-b", FetchFailureKind.Redirect), (failed.Url.Path, failed.Error!.Kind));
        Assert.Contains("redirect loop", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_RedirectChainLongerThanTheLimit_LastHopRecordedAsFailed()
    {
        _site.Page("/", """<a href="/hop/0">start</a>""");
        for (var i = 0; i < 10; i++)
        {
            _site.Handle($"/hop/{i}", Redirect($"/hop/{i + 1}"));
        }

        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options() with { MaxRedirects = 3 });

        Assert.Equal([1, 1, 1, 1, 0], Enumerable.Range(0, 5).Select(i => _site.Count($"/hop/{i}")));
        var failed = Assert.Single(result.Outcomes, o => !o.IsSuccess);
        Assert.Equal(("/hop/3", FetchFailureKind.Redirect), (failed.Url.Path, failed.Error!.Kind));
        Assert.Contains("too many redirects", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_RedirectToAnotherHost_TargetNotFetched()
    {
        _site
            .Page("/", """<a href="/away">away</a>""")
            .Handle("/away", Redirect(_elsewhere.Url("/")));
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options());

        Assert.Empty(_elsewhere.Requests);
        Assert.True(Assert.Single(result.Outcomes, o => o.Url.Path == "/away").IsSuccess);
    }

    private static Func<HttpContext, Task> Redirect(string location) => context =>
    {
        context.Response.StatusCode = 301;
        context.Response.Headers.Location = location;
        return context.Response.WriteAsync("<p>moved</p>");
    };

    [Fact]
    public async Task Crawl_MaxPages_StopsAcceptingPages()
    {
        await using var harness = new SupervisorHarness();

        var result = await harness.RunAsync(Options() with { Frontier = new FrontierOptions { MaxPages = 2 } });

        Assert.Equal(2, result.Outcomes.Count(o => !o.IsRequisite));
    }

    [Fact]
    public async Task Crawl_StopRequested_InFlightFinishesAndResultIsMarkedCancelled()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Handle("/a.html", async context =>
        {
            entered.TrySetResult();
            await release.Task;
            await context.Response.WriteAsync("<p>late</p>");
        });
        await using var harness = new SupervisorHarness();
        var supervisor = harness.Create(Options() with { Concurrency = 1 });

        var pending = supervisor.Ask<CrawlResult>(StartCrawl.Instance, TestSupport.TestTimeouts.Default);
        await entered.Task.WaitAsync(TestSupport.TestTimeouts.Default);
        supervisor.Tell(StopCrawl.Instance);
        release.SetResult();
        var result = await pending;

        Assert.True(result.Cancelled);
        Assert.Contains(result.Outcomes, o => o.Url.Path == "/a.html" && o.IsSuccess);
        Assert.Equal(0, _site.Count("/deep/c.html"));
    }

    [Fact]
    public async Task Crawl_PageStillFetching_URLsTwoDepthsBelowItWaitAndGetTheirShortestDepth()
    {
        // /held (depth 1) is held at the server. /a (1) and /a/b (2) may go meanwhile; /a/b/c, offered at depth 3 by
        // /a/b, may not: /held could yet link to it from depth 1, and does. The crawl comes to rest with /a/b/c queued,
        // and once /held is parsed, /a/b/c is fetched at depth 2 with /held as its referrer.
        await using var site = await TestSite.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.Page("/", """<a href="/a">a</a> <a href="/held">held</a>""")
            .Page("/a", """<a href="/a/b">b</a>""")
            .Page("/a/b", """<a href="/a/b/c">c</a>""")
            .Page("/a/b/c", "<p>bottom</p>")
            .Handle("/held", async context =>
            {
                await release.Task.WaitAsync(TestTimeouts.Default);
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("""<a href="/a/b/c">c</a>""");
            });
        await using var harness = new SupervisorHarness { Fetcher = new FetcherOptions { PerHost = 4 } };
        var crawl = harness.Create(new CrawlOptions([Url.Parse(site.Url("/"))]) { Concurrency = 4, Fetchers = 2 })
            .Ask<CrawlResult>(StartCrawl.Instance, TestTimeouts.Default);

        await Eventually.TrueAsync(() => harness.Stats.Snapshot() is { Done: 3, InFlight: 1, Queued: 1 });
        Assert.Equal(0, site.Count("/a/b/c"));

        release.SetResult();
        var result = await crawl;
        var deepest = Assert.Single(result.Outcomes, o => o.Url.Path == "/a/b/c");
        Assert.Equal((2, "/held"), (deepest.Depth, deepest.Referrer!.Path));
        Assert.Equal(1, site.Count("/a/b/c"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Crawl_SupervisorFails_TheAskFailsWithTheCauseInsteadOfWaitingForEver(bool journalled)
    {
        await using var harness = new SupervisorHarness();
        var options = Options() with { RecordOutcome = journalled ? _ => { } : null };
        var frontier = new FailingFrontier(new MemoryFrontier(new FrontierOptions(), new ScopeRules(options.Seeds, options.Scope)));

        var crawl = harness.Create(options, frontier).Ask<CrawlResult>(StartCrawl.Instance, TestTimeouts.Default);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => crawl);
        Assert.Contains("the crawl stopped: its supervisor failed on StartCrawl: frontier broke", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Equal(journalled, error.Message.Contains("--continue carries on", StringComparison.Ordinal));
    }

    /// <summary>A frontier with a bug: admits as usual, then throws when asked for work.</summary>
    private sealed class FailingFrontier(IFrontier inner) : IFrontier
    {
        public int PendingCount => inner.PendingCount;

        public int AdmittedCount => inner.AdmittedCount;

        public int AdmittedPages => inner.AdmittedPages;

        public int ShallowestPendingDepth => inner.ShallowestPendingDepth;

        public AddResult TryAdd(CrawlEntry entry) => inner.TryAdd(entry);

        public bool TryTake(int deepest, out CrawlEntry entry) => throw new InvalidDataException("frontier broke");

        public void Requeue(CrawlEntry entry) => inner.Requeue(entry);
    }

    private CrawlOptions Options() => new([Url.Parse(_site.Url("/"))]) { Concurrency = 4, Fetchers = 3 };
}
