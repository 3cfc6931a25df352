using System.Net.Sockets;

namespace Crawler.Protocol.Connections;

/// <summary>DNS, connect, reset or a dropped connection: the message names host:port and the socket error.</summary>
public class NetworkException : FetchException
{
    public NetworkException(string host, int port, SocketError socketError, string message, Exception? inner = null)
        : base($"{message} ({host}:{port}, {socketError})", inner)
    {
        Host = host;
        Port = port;
        SocketError = socketError;
    }

    public string Host { get; }

    public int Port { get; }

    public SocketError SocketError { get; }

    public override FetchErrorKind Kind => FetchErrorKind.Network;

    /// <summary>Wraps an I/O failure, digging out the socket error when there is one.</summary>
    internal static NetworkException From(string host, int port, Exception e, string what)
    {
        var socketError = e switch
        {
            SocketException se => se.SocketErrorCode,
            { InnerException: SocketException se } => se.SocketErrorCode,
            _ => SocketError.SocketError,
        };
        return new NetworkException(host, port, socketError, $"{what}: {e.Message}", e);
    }
}
