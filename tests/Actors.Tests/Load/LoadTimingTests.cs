using System.Diagnostics;
using Crawler.Actors.Load;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Crawler.Actors.Tests.Load;

/// <summary>
/// The load tests that measure real time (rate accuracy, a one-second stall). They run alone, never beside
/// other test classes of this assembly, whose CPU use and blocked pool threads would skew what they measure.
/// </summary>
[Collection(nameof(LoadTimingGroup))]
public sealed class LoadTimingTests
{
    [Fact]
    public async Task Open_RateOverTwoSeconds_HoldsRateWithinOnePercent()
    {
        await using var server = await LoadTestServer.StartFixedAsync(1024);

        var report = await RunAsync(new LoadOptions
        {
            Target = Url.Parse(server.BaseAddress.ToString()),
            Connections = 4,
            Rate = 500,
            Duration = TimeSpan.FromSeconds(2),
        });

        Assert.Equal(1000, report.Requests);
        Assert.Equal(1000, server.Requests);
        Assert.NotNull(report.Uncorrected);

        // The server's view, robust to a client that fell behind for a moment on a busy machine and caught
        // up: the median over all spans of 500 consecutive arrivals (about one second each).
        var arrivals = server.Arrivals.Order().Select(t => (double)t / Stopwatch.Frequency).ToArray();
        const int Span = 500;
        var spans = Enumerable.Range(0, arrivals.Length - Span).Select(i => arrivals[i + Span] - arrivals[i]).Order().ToArray();
        var observedRate = Span / spans[spans.Length / 2];
        Assert.InRange(observedRate, 495, 505);
    }

    [Fact]
    public async Task Open_ServerStallsOnceForOneSecond_StallShowsInCorrectedP999Only()
    {
        var stall = TimeSpan.FromSeconds(1);
        await using var server = await LoadTestServer.StartAsync(async (ctx, n) =>
        {
            if (n == 300)
            {
                // The subject of the test is a real one-second server stall, so real time it is.
                await Task.Delay(stall, ctx.RequestAborted);
            }

            ctx.Response.ContentLength = 2;
            await ctx.Response.WriteAsync("ok", ctx.RequestAborted);
        });

        var report = await RunAsync(new LoadOptions
        {
            Target = Url.Parse(server.BaseAddress.ToString()),
            Connections = 2,
            Rate = 1000,
            Duration = TimeSpan.FromSeconds(2),
        });

        Assert.Equal(2000, report.Requests);
        var corrected = TimeSpan.FromTicks(report.Latency.Percentile(99.9) / 100);
        var uncorrected = TimeSpan.FromTicks(report.Uncorrected!.Percentile(99.9) / 100);
        Assert.True(corrected >= TimeSpan.FromMilliseconds(800), $"corrected p99.9 {corrected.TotalMilliseconds} ms should show the 1 s stall");
        Assert.True(uncorrected < TimeSpan.FromMilliseconds(400), $"uncorrected p99.9 {uncorrected.TotalMilliseconds} ms should hide it");
        Assert.True(report.Uncorrected.Max >= 900_000_000, "the stalled request itself is the uncorrected max");
    }

    private static async Task<LoadReport> RunAsync(LoadOptions options)
        => await LoadRunner.RunAsync(options).WaitAsync(TestTimeouts.Default);
}
