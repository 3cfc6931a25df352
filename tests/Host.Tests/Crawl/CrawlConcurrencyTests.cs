using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Host.Tests.Crawl;

/// <summary>--per-host is what reaches the server: requests in flight to one host, each on a connection of its own.</summary>
public sealed class CrawlConcurrencyTests
{
    private const int Images = 10;

    [Fact]
    public async Task Crawl_PerHostAboveTheConnectionPoolDefault_ThatManyRequestsReachTheServerAtOnce()
    {
        using var run = new CrawlRun();
        var gate = new ConcurrencyGate(Images);
        var page = "<html><body>" + string.Concat(Enumerable.Range(0, Images).Select(i => $"<img src=\"/img/{i}.png\">")) + "</body></html>";
        await using var server = await KestrelServer.StartAsync(app => app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path == "/")
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(page);
            }
            else if (path.StartsWith("/img/", StringComparison.Ordinal))
            {
                // Each image answers only once all of them are in flight together (or the wait times out).
                await gate.ArriveAndWaitAsync();
                context.Response.ContentType = "image/png";
                await context.Response.Body.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }), compression: false);

        var (exit, output, error) = await run.RunAsync("crawl", server.Url("/"), "-o", "out", "-c", "16", "--per-host", Images.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--set", "crawler.http.max-connections-per-origin=6");

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.Equal(Images, gate.MostAtOnce);
    }

    /// <summary>Holds each arrival until <c>expected</c> are waiting together, or until a test timeout; records the most seen at once.</summary>
    private sealed class ConcurrencyGate(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;
        private int _most;

        public int MostAtOnce => Volatile.Read(ref _most);

        public async Task ArriveAndWaitAsync()
        {
            var now = Interlocked.Increment(ref _inside);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }

            if (now >= expected)
            {
                _all.TrySetResult();
            }

            try
            {
                await _all.Task.WaitAsync(TestTimeouts.Default);
            }
            catch (TimeoutException)
            {
                _all.TrySetResult(); // too few came together: let everyone go, and the assertion on MostAtOnce says how many
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }
    }
}
