using System.Diagnostics;
using Crawler.Actors.Load;
using Crawler.Actors.Runtime;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;
using Microsoft.AspNetCore.Http;

namespace Crawler.Actors.Tests.Load;

public sealed class LoadRunnerTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(4, 500)]
    public async Task Closed_FixedRequestCount_ReportMatchesServerCount(int connections, int requests)
    {
        await using var server = await LoadTestServer.StartFixedAsync(1024);

        var report = await RunAsync(new LoadOptions { Target = Url.Parse(server.BaseAddress.ToString()), Connections = connections, Requests = requests });

        Assert.Equal(requests, report.Requests);
        Assert.Equal(server.Requests, report.Requests);
        Assert.Equal(requests, report.Latency.Count);
        Assert.Equal(requests, report.StatusCodes[200]);
        Assert.Equal(0, report.TotalErrors);
        Assert.Equal(connections, report.ConnectionsOpened);
        Assert.True(report.Bytes > requests * 1024L, $"bytes {report.Bytes}");
        Assert.Null(report.Uncorrected);
    }

    [Fact]
    public async Task Run_WithLoggerFactory_ActorSystemLogsThroughIt()
    {
        await using var server = await LoadTestServer.StartFixedAsync(16);
        using var logs = new CapturingLoggerFactory();

        var report = await LoadRunner.RunAsync(
            new LoadOptions { Target = Url.Parse(server.BaseAddress.ToString()), Connections = 1, Requests = 3 }, loggerFactory: logs)
            .WaitAsync(TestTimeouts.Default);

        Assert.Equal(3, report.Requests);
        Assert.Contains(typeof(ActorSystem).FullName!, logs.Categories);
    }

    [Fact]
    public async Task Closed_ForDuration_StopsAndReportMatchesServerCount()
    {
        await using var server = await LoadTestServer.StartFixedAsync(1024);
        var watch = Stopwatch.StartNew();

        var report = await RunAsync(new LoadOptions { Target = Url.Parse(server.BaseAddress.ToString()), Connections = 3, Duration = TimeSpan.FromMilliseconds(700) });

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(650), TimeSpan.FromSeconds(5));
        Assert.True(report.Requests > 0, "no requests at all");
        Assert.Equal(server.Requests, report.Requests);
        Assert.Equal(report.Requests, report.Series.Sum(s => s.Requests));
    }

    [Fact]
    public async Task Closed_RequestOverrunsTimeout_CountedAsTimeoutAndRunGoesOn()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoadTestServer.StartAsync(async (ctx, n) =>
        {
            if (n == 5)
            {
                await release.Task.WaitAsync(ctx.RequestAborted);
            }

            ctx.Response.ContentLength = 2;
            await ctx.Response.WriteAsync("ok", ctx.RequestAborted);
        });

        try
        {
            var report = await RunAsync(new LoadOptions
            {
                Target = Url.Parse(server.BaseAddress.ToString()),
                Connections = 1,
                Requests = 20,

                // Only request 5 stalls (until released); the others answer in milliseconds, so a timeout this long
                // is overrun by that one alone, even on a machine busy with the rest of the suite.
                Timeout = TimeSpan.FromSeconds(1.5),
            });

            Assert.Equal(1, report.Errors[LoadErrorKind.Timeout]);
            Assert.Equal(19, report.Requests);
            Assert.Equal(2, report.ConnectionsOpened);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task Run_NothingListening_EndsQuicklyWithNoConnections()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var watch = Stopwatch.StartNew();

        var report = await RunAsync(new LoadOptions { Target = Url.Parse($"http://127.0.0.1:{port}/"), Connections = 4, Duration = TimeSpan.FromSeconds(30) });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(0, report.ConnectionsOpened);
        Assert.True(report.Errors[LoadErrorKind.Connect] >= 4);
        Assert.NotNull(report.Failure);
    }

    [Fact]
    public async Task Run_ServerReturnsErrors_CountedByStatusCode()
    {
        await using var server = await LoadTestServer.StartAsync((ctx, n) =>
        {
            ctx.Response.StatusCode = n % 2 == 0 ? 503 : 200;
            ctx.Response.ContentLength = 0;
            return Task.CompletedTask;
        });

        var report = await RunAsync(new LoadOptions { Target = Url.Parse(server.BaseAddress.ToString()), Connections = 1, Requests = 10 });

        Assert.Equal(5, report.StatusCodes[503]);
        Assert.Equal(5, report.StatusCodes[200]);
        Assert.Equal(5, report.Errors[LoadErrorKind.Status]);
        Assert.Equal(10, report.Latency.Count);
    }

    [Fact]
    public async Task Page_EveryIteration_FetchesEachRequisiteOnce()
    {
        const string Html = """
            <!DOCTYPE html><html><head>
            <link rel="stylesheet" href="/style.css"><script src="/app.js"></script>
            </head><body><img src="/logo.png"><img src="logo.png"><a href="/other.html">not a requisite</a></body></html>
            """;
        const string Css = "body { background: url(bg.png) } @font-face { src: url('/font.woff2') }";
        await using var server = await LoadTestServer.StartAsync((ctx, _) =>
        {
            var path = ctx.Request.Path.Value;
            var (type, body) = path switch
            {
                "/" => ("text/html", Html),
                "/style.css" => ("text/css", Css),
                _ => ("application/octet-stream", new string('b', 300)),
            };
            ctx.Response.ContentType = type;
            return ctx.Response.WriteAsync(body);
        });

        const int Pages = 6;
        var report = await RunAsync(new LoadOptions { Target = Url.Parse(server.BaseAddress.ToString()), Connections = 2, Requests = Pages, Page = true });

        Assert.Equal(Pages, report.Operations);
        Assert.Equal(0, report.TotalErrors);
        Assert.Equal(5, report.Requisites.Count);

        // Discovery fetched the page and the stylesheet once; every iteration fetches each resource once more.
        var paths = server.Paths;
        Assert.Equal(Pages + 1, paths["/"]);
        Assert.Equal(Pages + 1, paths["/style.css"]);
        foreach (var requisite in new[] { "/app.js", "/logo.png", "/bg.png", "/font.woff2" })
        {
            Assert.Equal(Pages, paths[requisite]);
        }

        Assert.False(paths.ContainsKey("/other.html"));
        Assert.Equal(Pages * 6, report.Requests);
    }

    private static async Task<LoadReport> RunAsync(LoadOptions options)
        => await LoadRunner.RunAsync(options).WaitAsync(TestTimeouts.Default);
}
