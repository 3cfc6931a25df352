using Crawler.Host.Output;
using Crawler.Host.Tests.Cli;
using Crawler.TestSupport.Loopback;
using Crawler.TestSupport.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Host.Tests.Commands;

/// <summary><c>crawler get</c> against Kestrel over TLS with a self-signed certificate.</summary>
public sealed class GetCommandHttpsTests : IAsyncLifetime
{
    private KestrelServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await KestrelServer.StartAsync(
            app => app.MapGet("/", () => Results.Content("<html><body><h1>Secure &amp; sound</h1></body></html>", "text/html; charset=utf-8")),
            certificate: TestCertificates.SelfSigned);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_InsecureHttps_PrintsThePageTextAndExitsOk()
    {
        var run = await CliHarness.RunAsync(["get", "--insecure", _server.Url("/")]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Secure & sound", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HttpsSelfSignedWithoutInsecure_ExitsWithNetworkError()
    {
        var run = await CliHarness.RunAsync(["get", _server.Url("/")]);

        Assert.Equal(ExitCodes.Network, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("certificate", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _server.RequestCount);
    }
}
