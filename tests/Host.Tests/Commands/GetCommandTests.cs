using System.Net.Sockets;
using System.Text;
using Crawler.Host.Output;
using Crawler.Host.Tests.Cli;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Host.Tests.Commands;

public sealed class GetCommandTests : IAsyncLifetime
{
    private const string Page =
        "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>"
        + "<body><h1>Caf&eacute; &amp; bar</h1><script>alert(1)</script><p>1 &lt; 2 &#x2603;</p></body></html>";

    private KestrelServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await KestrelServer.StartAsync(app =>
        {
            app.MapGet("/page", () => Results.Content(Page, "text/html; charset=utf-8"));
            app.MapGet("/echo-header", (HttpRequest r) => Results.Text(r.Headers["X-Test"].ToString()));
            app.MapGet("/missing", () => Results.Content("<p>gone</p>", "text/html", statusCode: 404));
            app.MapGet("/loop", () => Results.Redirect("/loop"));
            app.MapGet("/moved", () => Results.Redirect("/page"));
            app.MapGet("/binary", () => Results.Bytes(new byte[] { 0, 1, 2, 3 }, "application/octet-stream"));
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_NoUrl_PrintsTheSamplePageText()
    {
        var run = await CliHarness.RunAsync(["get"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Crawler & friends", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HtmlPage_PrintsBodyTextWithEntitiesDecodedAndScriptsSkipped()
    {
        var run = await CliHarness.RunAsync(["get", _server.Url("/page")]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Café & bar", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 < 2 ☃", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("p{}", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("T\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ViewSource_PrintsTheRawHtml()
    {
        var run = await CliHarness.RunAsync(["get", "view-source:" + _server.Url("/page")]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(Page, run.Out.TrimEnd('\n'));
    }

    [Fact]
    public async Task Get_Include_PrintsStatusLineAndHeadersFirst()
    {
        var run = await CliHarness.RunAsync(["get", "-i", _server.Url("/page")]);

        Assert.StartsWith("HTTP/1.1 200 OK\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html; charset=utf-8\n", run.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\n\nCafé & bar", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OutputFile_SavesTheDecodedBodyBytesAndPrintsNothing()
    {
        var directory = Directory.CreateTempSubdirectory("crawler-get-");
        try
        {
            var file = Path.Combine(directory.FullName, "page.html");
            var run = await CliHarness.RunAsync(["get", _server.Url("/page"), "-o", file]);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Equal(Page, await File.ReadAllTextAsync(file));
            Assert.Equal("", run.Out);
            Assert.Single(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Get_HeaderOption_IsSent()
    {
        var run = await CliHarness.RunAsync(["get", "-H", "X-Test: hello there", _server.Url("/echo-header")]);

        Assert.Equal("hello there", run.Out.TrimEnd('\n'));
    }

    [Fact]
    public async Task Get_Redirect_IsFollowed()
    {
        var run = await CliHarness.RunAsync(["get", _server.Url("/moved")]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Café & bar", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotFound_PrintsTheBodyAndExitsWithHttpFailure()
    {
        var run = await CliHarness.RunAsync(["get", _server.Url("/missing")]);

        Assert.Equal(ExitCodes.HttpFailure, run.ExitCode);
        Assert.Contains("gone", run.Out, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RedirectLoop_ExitsWithProtocolErrorNamingTheChain()
    {
        var run = await CliHarness.RunAsync(["get", "--max-redirects", "3", _server.Url("/loop")]);

        Assert.Equal(ExitCodes.Protocol, run.ExitCode);
        Assert.Contains("/loop", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Get_BinaryBody_IsNotPrinted()
    {
        var run = await CliHarness.RunAsync(["get", _server.Url("/binary")]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("-o FILE", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Get_ConnectionRefused_ExitsWithNetworkError()
    {
        // A port that was just free: bind, read it, close.
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var run = await CliHarness.RunAsync(["get", $"http://127.0.0.1:{port}/"]);

        Assert.Equal(ExitCodes.Network, run.ExitCode);
        Assert.StartsWith("crawler: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_InvalidUrl_ExitsWithUsageError()
    {
        var run = await CliHarness.RunAsync(["get", "http://exa mple.com/"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("invalid URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DataUrl_PrintsItsText()
    {
        var run = await CliHarness.RunAsync(["get", "data:text/plain;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("plain text"))]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("plain text\n", run.Out);
    }

    [Fact]
    public async Task Get_Json_WritesOneDocument()
    {
        var run = await CliHarness.RunAsync(["get", "--json", _server.Url("/page")]);

        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(200, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Café", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
