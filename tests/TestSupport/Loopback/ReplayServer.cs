using System.Net;
using System.Net.Sockets;

namespace Crawler.TestSupport.Loopback;

/// <summary>
/// A keep-alive server on one dedicated thread with blocking socket calls, which allocate nothing: for every
/// request head it reads it sends the same canned response, so an allocation test or a benchmark measures only the
/// client. One connection at a time. Shared as source with bench/Crawler.Benchmarks, which links this file.
/// </summary>
public sealed class ReplayServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly byte[] _response;
    private readonly Thread _thread;
    private Socket? _accepted;

    public ReplayServer(byte[] response)
    {
        _response = response;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _thread = new Thread(Serve) { IsBackground = true, Name = nameof(ReplayServer) };
        _thread.Start();
    }

    public IPEndPoint EndPoint { get; }

    public void Dispose()
    {
        _listener.Dispose();
        Volatile.Read(ref _accepted)?.Dispose();
        _thread.Join(TimeSpan.FromSeconds(10));
    }

    private void Serve()
    {
        try
        {
            using var socket = _listener.Accept();
            Volatile.Write(ref _accepted, socket);
            var buffer = new byte[4096];
            var filled = 0;
            while (true)
            {
                var n = socket.Receive(buffer.AsSpan(filled), SocketFlags.None);
                if (n == 0)
                {
                    return;
                }

                filled += n;
                // The client sends the next request only after reading this response: no pipelining to untangle.
                if (buffer.AsSpan(0, filled).EndsWith("\r\n\r\n"u8))
                {
                    filled = 0;
                    socket.Send(_response, SocketFlags.None);
                }
            }
        }
        catch (SocketException)
        {
            // Disposed by the test, or the client went away.
        }
        catch (ObjectDisposedException)
        {
            // Disposed by the test.
        }
    }
}
