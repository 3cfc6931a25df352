using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Crawler.Protocol.Connections;
using Crawler.Protocol.Tests.Client;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;
using Crawler.TestSupport.Tls;

namespace Crawler.Protocol.Tests.Connections;

public sealed class TlsTests
{
    // Kept under this name for the other TLS tests; the certificate itself lives in TestSupport so Host.Tests share it.
    internal static readonly Lazy<X509Certificate2> Certificate = new(() => TestCertificates.SelfSigned);

    [Fact]
    public async Task Get_SelfSignedWithValidation_FailsNamingCertificateProblem()
    {
        await using var server = LoopbackServer.Create(certificate: Certificate.Value);
        await using var client = ClientFactory.Create();
        var serverTask = Task.Run(async () =>
        {
            try
            {
                await using var connection = await server.AcceptConnectionAsync();
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // The client aborts the handshake, as it should.
            }
        });

        var e = await Assert.ThrowsAsync<TlsHandshakeException>(() => client.SendAsync(ClientFactory.Get($"https://localhost:{server.Port}/")));
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(FetchErrorKind.Network, e.Kind);
        Assert.True(e.PolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors), e.PolicyErrors.ToString());
        Assert.Contains("certificate rejected: RemoteCertificateChainErrors", e.Message, StringComparison.Ordinal);
        Assert.Contains("UntrustedRoot", e.Message, StringComparison.Ordinal);
        Assert.Contains($"localhost:{server.Port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SelfSignedInsecure_SucceedsWithSniAndAlpn()
    {
        await using var server = LoopbackServer.Create(certificate: Certificate.Value);
        await using var client = ClientFactory.Create(new ClientOptions { Insecure = true });
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            var head = await connection.ReadRequestHeadAsync();
            await connection.WriteResponseAsync(200, null, "secure"u8.ToArray(), BodyFraming.Chunked);
            await connection.ReadRequestHeadAsync();
            await connection.WriteResponseAsync(200, null, "again"u8.ToArray());
            return (connection.Tls!.TargetHostName, connection.Tls.NegotiatedApplicationProtocol, head["Host"]);
        });

        var first = await client.GetStringAsync($"https://localhost:{server.Port}/");
        var second = await client.GetStringAsync($"https://localhost:{server.Port}/two");
        var (sni, alpn, host) = await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(("secure", "again"), (first, second));
        Assert.Equal("localhost", sni);
        Assert.Equal(SslApplicationProtocol.Http11, alpn);
        Assert.Equal($"localhost:{server.Port}", host);
        Assert.Equal(1, client.ConnectionsOpened);
    }

    [Fact]
    public async Task HttpConnection_Tls_ReportsNegotiatedProtocol()
    {
        await using var server = LoopbackServer.Create(certificate: Certificate.Value);
        var serverTask = server.HandleRequestAsync(body: "x");

        await using var connection = await Crawler.Protocol.Http1.HttpConnection.ConnectAsync(
            Crawler.Protocol.Urls.Url.Parse($"https://127.0.0.1:{server.Port}/"), new ClientOptions { Insecure = true });
        var drained = await connection.SendAndDrainAsync(new FetchRequest(Crawler.Protocol.Urls.Url.Parse($"https://127.0.0.1:{server.Port}/")));
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal("http/1.1", connection.NegotiatedProtocol);
        Assert.Equal(1, drained.BodyBytes);
    }
}
