using Crawler.Host.Cli;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Host.Tests.Crawl;

public sealed class CrawlInterruptTests
{
    [Fact]
    public async Task Crawl_CtrlC_InFlightRequestFinishesSummaryPrintsExit130_AndContinueFinishesTheRest()
    {
        using var run = new CrawlRun();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await KestrelServer.StartAsync(app => app.Run(async context =>
        {
            context.Response.ContentType = "text/html";
            if (context.Request.Path == "/slow.html")
            {
                entered.TrySetResult();
                await release.Task;
                await context.Response.WriteAsync("<p>finished after Ctrl+C</p>");
                return;
            }

            await context.Response.WriteAsync(context.Request.Path == "/"
                ? """<a href="/slow.html">s</a> <a href="/never1.html">1</a> <a href="/never2.html">2</a>"""
                : "<p>page</p>");
        }));
        using var ctrlC = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliEnvironment { Out = output, Error = error, IsErrorRedirected = true, CurrentDirectory = run.Work };

        var running = CliApplication.RunAsync(["crawl", server.Url("/"), "-o", "out", "-c", "1"], cli, handleSignals: false, cancellationToken: ctrlC.Token);
        await entered.Task.WaitAsync(TestTimeouts.Default);
        await ctrlC.CancelAsync();
        release.SetResult();
        var exit = await running.WaitAsync(TestTimeouts.Default);

        Assert.Equal(130, exit);
        Assert.Contains("Stopped after 2 URLs", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/never", string.Join(" ", server.RequestPaths), StringComparison.Ordinal);
        var host = Assert.Single(Directory.GetDirectories(Path.Combine(run.Work, "out")));
        Assert.Equal("<p>finished after Ctrl+C</p>", await File.ReadAllTextAsync(Path.Combine(host, "slow.html")));
        Assert.Contains("Run the same command with --continue to finish the crawl", output.ToString(), StringComparison.Ordinal);

        var (again, againOut, againError) = await run.RunAsync(["crawl", server.Url("/"), "-o", "out", "-c", "1", "--continue"]);

        Assert.True(again == 0, $"exit {again}: {againOut} {againError}");
        Assert.Contains("Continued: 2 of these URLs", againOut, StringComparison.Ordinal);
        // Over both runs, each page once: what the first finished was not asked for again.
        Assert.Equal(["/", "/never1.html", "/never2.html", "/slow.html"], server.RequestPaths.Where(p => p != "/robots.txt").Order(StringComparer.Ordinal));
    }
}
