using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crawler.Host.Sample;

/// <summary>
/// Serves the embedded sample site on 127.0.0.1 (a free port) from inside the program, so <c>crawler crawl</c> with no
/// URL crawls a real HTTP server on a fresh machine. A minimal HTTP/1.1 static server over <see cref="TcpListener"/>
/// (GET/HEAD, keep-alive, 404) rather than Kestrel: Host does not reference ASP.NET Core, and this is all it needs.
/// </summary>
internal sealed class SampleSiteServer : IAsyncDisposable
{
    // A request head larger than this is not from our own crawler; the connection is closed.
    private const int MaxRequestHeadBytes = 16 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    public Uri BaseAddress { get; private set; } = null!;

    public static SampleSiteServer Start()
    {
        var server = new SampleSiteServer();
        server._listener.Start();
        var port = ((IPEndPoint)server._listener.LocalEndpoint).Port;
        server.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        server._accepting = server.AcceptAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;

        // Small responses on keep-alive connections: without NoDelay, Nagle plus the peer's delayed ACK adds ~40 ms each.
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var buffer = new byte[MaxRequestHeadBytes];
        var filled = 0;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                int end;
                while ((end = IndexOfHeadEnd(buffer.AsSpan(0, filled))) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        return;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(filled), _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, end);
                var keepAlive = await RespondAsync(stream, head);
                Buffer.BlockCopy(buffer, end + 4, buffer, 0, filled - end - 4);
                filled -= end + 4;
                if (!keepAlive)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The client went away or we are shutting down: nothing to answer.
        }
    }

    private static async Task<bool> RespondAsync(Stream stream, string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        var method = parts.Length > 0 ? parts[0] : "";
        var target = parts.Length > 1 ? parts[1] : "/";
        var keepAlive = !lines.Any(l => l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && l.Contains("close", StringComparison.OrdinalIgnoreCase));
        var path = Uri.UnescapeDataString(target.Split('?', 2)[0]).TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/'))
        {
            path += SampleSite.IndexPath;
        }

        byte[]? body = method is "GET" or "HEAD" && !path.Contains("..", StringComparison.Ordinal) ? TryRead(path) : null;
        var status = body is null ? (method is "GET" or "HEAD" ? "404 Not Found" : "405 Method Not Allowed") : "200 OK";
        body ??= Encoding.UTF8.GetBytes("not found\n");
        var contentType = status[0] == '2' ? ContentType(path) : "text/plain; charset=utf-8";
        var response = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nCache-Control: max-age=60\r\n{(keepAlive ? "" : "Connection: close\r\n")}\r\n";
        var headBytes = Encoding.ASCII.GetBytes(response);
        var message = new byte[headBytes.Length + (method == "HEAD" ? 0 : body.Length)];
        headBytes.CopyTo(message, 0);
        if (method != "HEAD")
        {
            body.CopyTo(message, headBytes.Length);
        }

        // One write per response, so head and body leave in the same segment.
        await stream.WriteAsync(message);

        return keepAlive;
    }

    private static byte[]? TryRead(string path)
    {
        using var resource = SampleSite.Open(path);
        if (resource is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    private static int IndexOfHeadEnd(ReadOnlySpan<byte> data) => data.IndexOf("\r\n\r\n"u8);

    private static string ContentType(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".HTML" => "text/html; charset=utf-8",
        ".CSS" => "text/css; charset=utf-8",
        ".JS" => "text/javascript; charset=utf-8",
        ".SVG" => "image/svg+xml",
        ".WOFF2" => "font/woff2",
        ".PNG" => "image/png",
        ".XML" => "application/xml",
        ".TXT" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
