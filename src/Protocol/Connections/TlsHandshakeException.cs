using System.Net.Security;
using System.Net.Sockets;

namespace Crawler.Protocol.Connections;

/// <summary>The TLS handshake failed; <see cref="PolicyErrors"/> names a certificate problem when that was the cause.</summary>
public sealed class TlsHandshakeException : NetworkException
{
    public TlsHandshakeException(string host, int port, SslPolicyErrors policyErrors, string message, Exception? inner = null)
        : base(host, port, SocketError.SocketError, message, inner)
    {
        PolicyErrors = policyErrors;
    }

    public SslPolicyErrors PolicyErrors { get; }
}
