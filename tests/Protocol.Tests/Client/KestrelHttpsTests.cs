using System.Net.Security;
using Crawler.Protocol.Connections;
using Crawler.TestSupport.Loopback;
using Crawler.TestSupport.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Protocol.Tests.Client;

/// <summary>The client against Kestrel over TLS with a self-signed certificate: end to end, not a scripted server.</summary>
public sealed class KestrelHttpsTests
{
    private static readonly string Page = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Hello, TLS!</p>", 200)) + "</body></html>";

    private static Task<KestrelServer> StartAsync() => KestrelServer.StartAsync(
        app =>
        {
            app.MapGet("/text", () => Results.Text("secure text", "text/plain"));
            app.MapGet("/page", () => Results.Text(Page, "text/html"));
        },
        certificate: TestCertificates.SelfSigned);

    [Fact]
    public async Task Get_InsecureAgainstSelfSigned_ReturnsBody()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create(new ClientOptions { Insecure = true });

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url("/text")));

        Assert.StartsWith("https://127.0.0.1:", server.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("secure text", await ClientFactory.ReadBodyAsync(response));
    }

    [Fact]
    public async Task Get_InsecureGzip_DecodesThePage()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create(new ClientOptions { Insecure = true });
        var request = ClientFactory.Get(server.Url("/page")) with { Headers = [new("Accept-Encoding", "gzip")] };

        await using var response = await client.SendAsync(request);

        Assert.Equal("gzip", response.Headers["Content-Encoding"]);
        Assert.Equal(Page, await ClientFactory.ReadBodyAsync(response));
    }

    [Fact]
    public async Task Get_InsecureSequentialRequests_ReuseOneTlsConnection()
    {
        const int Requests = 10;
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create(new ClientOptions { Insecure = true });

        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal(i % 2 == 0 ? "secure text" : Page, await client.GetStringAsync(server.Url(i % 2 == 0 ? "/text" : "/page")));
        }

        Assert.Equal(Requests, server.RequestCount);
        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(1, client.ConnectionsOpened);
    }

    [Fact]
    public async Task Get_ValidationOnAgainstSelfSigned_ThrowsTlsHandshakeException()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        var e = await Assert.ThrowsAsync<TlsHandshakeException>(() => client.SendAsync(ClientFactory.Get(server.Url("/text"))));

        Assert.Equal(FetchErrorKind.Network, e.Kind);
        Assert.True(e.PolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors), e.PolicyErrors.ToString());
        Assert.Equal(0, server.RequestCount);
    }
}
