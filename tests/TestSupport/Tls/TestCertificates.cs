using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crawler.TestSupport.Tls;

/// <summary>One self-signed server certificate (CN=localhost, SAN localhost and 127.0.0.1) shared by every TLS test.</summary>
public static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> SelfSignedValue = new(CreateSelfSigned);

    public static X509Certificate2 SelfSigned => SelfSignedValue.Value;

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
}
