using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crawler.Protocol.Connections;
using Crawler.Protocol.Tests.Client;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;

namespace Crawler.Protocol.Tests.Connections;

public sealed class TlsTests
{
    internal static readonly Lazy<X509Certificate2> Certificate = new(CreateSelfSigned);

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // On Linux an ephemeral key is not usable by SslStream; a PFX round trip gives it a real private key.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

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
