using System.Text.Json;
using Crawler.Host.Commands;
using Crawler.Host.Cli;
using Crawler.Host.Output;
using Crawler.Host.Tests.Cli;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Host.Tests.Load;

public sealed class LoadCommandTests : IAsyncLifetime
{
    private KestrelServer _server = null!;

    public async Task InitializeAsync()
    {
        var body = new string('x', 1024);
        _server = await KestrelServer.StartAsync(
            app =>
            {
                app.MapGet("/", () => Results.Text(body));
                app.MapGet("/echo", (HttpRequest r) => Results.Text(r.Headers["X-Load"].ToString(), statusCode: r.Headers["X-Load"] == "yes" ? 200 : 400));
            },
            compression: false);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Load_FixedRequestsAsJson_CountMatchesServerAndExitsZero()
    {
        var run = await RunAsync(["load", _server.Url("/"), "-n", "300", "-c", "3", "--json"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(300, json.RootElement.GetProperty("requests").GetInt64());
        Assert.Equal(_server.RequestCount, json.RootElement.GetProperty("requests").GetInt64());
        Assert.Equal(3, _server.ConnectionCount);
        Assert.Equal(300, json.RootElement.GetProperty("statusCodes").GetProperty("200").GetInt64());
    }

    [Fact]
    public async Task Load_WithHeaderAndReport_SendsHeaderAndWritesSelfContainedHtml()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crawler-load-{Guid.NewGuid():N}.html");
        try
        {
            var run = await RunAsync(["load", _server.Url("/echo"), "-n", "20", "-c", "1", "-H", "X-Load: yes", "--report", path]);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("20 requests in", run.Out, StringComparison.Ordinal);
            Assert.Contains("200 x20", run.Out, StringComparison.Ordinal);
            var html = await File.ReadAllTextAsync(path);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Load_ServerAnswers400_RunCompletesWithExitZeroAndCountsStatus()
    {
        var run = await RunAsync(["load", _server.Url("/echo"), "-n", "10", "-c", "2", "--json"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(10, json.RootElement.GetProperty("errors").GetProperty("status").GetInt64());
    }

    [Fact]
    public async Task Load_OpenModelFlags_ReportsBothHistograms()
    {
        var run = await RunAsync(["load", _server.Url("/"), "--rate", "200", "-d", "500ms", "-c", "2", "--json"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("open", json.RootElement.GetProperty("model").GetString());
        Assert.Equal(100, json.RootElement.GetProperty("requests").GetInt64());
        Assert.True(json.RootElement.TryGetProperty("uncorrectedLatency", out _));
    }

    [Fact]
    public async Task Load_NothingListening_ExitsThree()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await RunAsync(["load", $"http://127.0.0.1:{port}/", "-c", "2", "-d", "20s"]);

        Assert.Equal(ExitCodes.Network, run.ExitCode);
        Assert.Contains("no connection", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-c", "0")]
    [InlineData("-n", "0")]
    [InlineData("--rate", "-5")]
    [InlineData("-H", "no colon")]
    [InlineData("-d", "forever")]
    public async Task Load_BadOption_ExitsTwo(string option, string value)
    {
        var run = await RunAsync(["load", _server.Url("/"), option, value]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("not a url")]
    public async Task Load_NonHttpUrl_ExitsTwo(string url)
    {
        var run = await RunAsync(["load", url, "-n", "1"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task Load_RateAndPageTogether_ExitsTwo()
    {
        var run = await RunAsync(["load", _server.Url("/"), "--rate", "10", "--page"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--page and --rate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseHeaders_NameColonValue_TrimsBoth()
    {
        var headers = LoadCommand.ParseHeaders(["X-A:  1 ", "Accept: text/html"]);

        Assert.Equal([new("X-A", "1"), new("Accept", "text/html")], headers);
    }

    private static Task<CliRun> RunAsync(string[] args) => CliHarness.RunAsync(args).WaitAsync(TestTimeouts.Default);
}
