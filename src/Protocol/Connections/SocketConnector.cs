using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Connections;

/// <summary>Opens TCP (each resolved address in turn, IPv4 and IPv6) and, for https, TLS with SNI and ALPN http/1.1.</summary>
internal sealed class SocketConnector
{
    private readonly ClientOptions _options;
    private readonly TimeProvider _time;
    private readonly DnsCache _dns;

    public SocketConnector(ClientOptions options, TimeProvider time, DnsCache dns)
    {
        _options = options;
        _time = time;
        _dns = dns;
    }

    public async Task<HttpConnection> ConnectAsync(Url origin, CancellationToken cancellationToken)
    {
        if (!origin.IsHttp)
        {
            throw new ArgumentException($"'{origin}' is not an http or https URL", nameof(origin));
        }

        var host = origin.Host;
        var port = origin.Port;
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var addresses = await _dns.ResolveAsync(host, port, linked.Token);
            var socket = await ConnectSocketAsync(host, port, addresses, linked.Token);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            string? alpn = null;
            if (origin.Scheme == "https")
            {
                (stream, alpn) = await HandshakeAsync((NetworkStream)stream, host, port, linked.Token);
            }

            return new HttpConnection(stream, host, port, _options, _time, socket) { NegotiatedProtocol = alpn };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchTimeoutException(FetchTimeout.Connect, _options.ConnectTimeout, $"{host}:{port}");
        }
    }

    private static async Task<Socket> ConnectSocketAsync(string host, int port, IPAddress[] addresses, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new NetworkException(
            host,
            port,
            last?.SocketErrorCode ?? SocketError.HostNotFound,
            $"cannot connect to any of {addresses.Length} address(es) [{string.Join(", ", (IEnumerable<IPAddress>)addresses)}]",
            last);
    }

    private async Task<(Stream Stream, string? Alpn)> HandshakeAsync(NetworkStream inner, string host, int port, CancellationToken cancellationToken)
    {
        var policyErrors = SslPolicyErrors.None;
        var chainProblems = "";
        var insecure = _options.Insecure;
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        var sslOptions = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, _, chain, errors) =>
            {
                policyErrors = errors;
                chainProblems = DescribeChain(chain);
                return insecure || errors == SslPolicyErrors.None;
            },
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(sslOptions, cancellationToken);
            var alpn = ssl.NegotiatedApplicationProtocol.Protocol.IsEmpty ? null : ssl.NegotiatedApplicationProtocol.ToString();
            return (ssl, alpn);
        }
        catch (AuthenticationException e)
        {
            await ssl.DisposeAsync();
            var message = policyErrors == SslPolicyErrors.None
                ? $"TLS handshake failed: {e.Message}"
                : $"TLS certificate rejected: {policyErrors}{chainProblems}";
            throw new TlsHandshakeException(host, port, policyErrors, message, e);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await ssl.DisposeAsync();
            throw NetworkException.From(host, port, e, "TLS handshake failed");
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    private static string DescribeChain(X509Chain? chain)
    {
        if (chain is null || chain.ChainStatus.Length == 0)
        {
            return "";
        }

        return " (" + string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct()) + ")";
    }
}
