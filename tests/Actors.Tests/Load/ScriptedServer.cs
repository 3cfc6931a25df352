using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crawler.Actors.Tests.Load;

/// <summary>
/// A raw socket on 127.0.0.1:0 that answers each request on one connection with scripted bytes, optionally
/// one byte per write so every split point of the response is exercised.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;

    public ScriptedServer(IReadOnlyList<byte[]> responses, bool bytePerWrite, bool closeAfter = false)
    {
        _listener.Start();
        _serving = ServeAsync(responses, bytePerWrite, closeAfter);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public int RequestsSeen { get; private set; }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The serving loop ends with a socket error once the listener stops; that is expected.
        }
    }

    private async Task ServeAsync(IReadOnlyList<byte[]> responses, bool bytePerWrite, bool closeAfter)
    {
        using var socket = await _listener.AcceptSocketAsync();
        var buffer = new byte[8192];
        var pending = new List<byte>();
        foreach (var response in responses)
        {
            while (IndexOfHeadEnd(pending) < 0)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    return;
                }

                pending.AddRange(buffer.AsSpan(0, n));
            }

            pending.RemoveRange(0, IndexOfHeadEnd(pending) + 4);
            RequestsSeen++;
            if (bytePerWrite)
            {
                for (var i = 0; i < response.Length; i++)
                {
                    await socket.SendAsync(response.AsMemory(i, 1), SocketFlags.None);
                }
            }
            else
            {
                await socket.SendAsync(response, SocketFlags.None);
            }
        }

        if (closeAfter)
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        else
        {
            // Keep the connection open until the client is done with it.
            await socket.ReceiveAsync(buffer, SocketFlags.None);
        }
    }

    private static int IndexOfHeadEnd(List<byte> data)
    {
        for (var i = 0; i + 3 < data.Count; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
