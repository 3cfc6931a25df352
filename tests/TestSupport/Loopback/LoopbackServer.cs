using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Crawler.TestSupport.Loopback;

/// <summary>
/// A raw TCP server on 127.0.0.1:0 (or [::1]:0) that a test scripts byte by byte: accept, read the request
/// head, answer well-formed, malformed, truncated, reset or not at all. Optionally TLS with a given certificate.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly X509Certificate2? _certificate;
    private readonly List<LoopbackConnection> _connections = [];
    private int _accepted;

    private LoopbackServer(Socket listener, X509Certificate2? certificate)
    {
        _listener = listener;
        _certificate = certificate;
        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        Port = endPoint.Port;
        var host = endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]" : endPoint.Address.ToString();
        Authority = $"{host}:{Port}";
    }

    public int Port { get; }

    /// <summary>host:port as it goes in a URL.</summary>
    public string Authority { get; }

    /// <summary>Connections accepted so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _accepted);

    /// <summary>
    /// Listens on loopback port 0. With a certificate every accepted connection does a TLS handshake first
    /// (ALPN http/1.1); tests read SNI and ALPN from <see cref="LoopbackConnection.Tls"/>.
    /// </summary>
    public static LoopbackServer Create(bool ipv6 = false, X509Certificate2? certificate = null)
    {
        var address = ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, 0));
        listener.Listen(64);
        return new LoopbackServer(listener, certificate);
    }

    /// <summary>A URL on this server: http (or https with a certificate) plus <paramref name="pathAndQuery"/>.</summary>
    public string Url(string pathAndQuery = "/") => $"{(_certificate is null ? "http" : "https")}://{Authority}{pathAndQuery}";

    /// <summary>Runs the client and server halves together; a failure in either fails the test, and both are bounded by the default timeout.</summary>
    public static async Task CreateClientAndServerAsync(Func<LoopbackServer, Task> client, Func<LoopbackServer, Task> server, bool ipv6 = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        await using var loopback = Create(ipv6);
        var serverTask = server(loopback);
        var clientTask = client(loopback);
        await Task.WhenAll(clientTask, serverTask).WaitAsync(TestTimeouts.Default);
    }

    public async Task<LoopbackConnection> AcceptConnectionAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestTimeouts.Default);
        var socket = await _listener.AcceptAsync(timeout.Token);
        Interlocked.Increment(ref _accepted);
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        SslStream? ssl = null;
        if (_certificate is not null)
        {
            ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                },
                timeout.Token);
            stream = ssl;
        }

        var connection = new LoopbackConnection(socket, stream, ssl);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    /// <summary>Accepts one connection, reads one request, answers with a body, and returns the request.</summary>
    public async Task<RequestHead> HandleRequestAsync(
        int statusCode = 200,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        string body = "",
        BodyFraming framing = BodyFraming.ContentLength)
    {
        await using var connection = await AcceptConnectionAsync();
        var request = await connection.ReadRequestHeadAsync();
        await connection.WriteResponseAsync(statusCode, headers, System.Text.Encoding.UTF8.GetBytes(body), framing);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        LoopbackConnection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}
