using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Crawler.TestSupport.Loopback;

/// <summary>The server side of one accepted connection, driven by the test.</summary>
public sealed class LoopbackConnection : IAsyncDisposable
{
    // A request head larger than this is a bug in the client under test.
    private const int MaxRequestHeadBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[MaxRequestHeadBytes];
    private int _buffered;
    private bool _disposed;

    internal LoopbackConnection(Socket socket, Stream stream, SslStream? ssl)
    {
        _socket = socket;
        _stream = stream;
        Tls = ssl;
    }

    /// <summary>The server-side TLS stream (SNI in <c>TargetHostName</c>, ALPN negotiated), or null for plain TCP.</summary>
    public SslStream? Tls { get; }

    public Stream Stream => _stream;

    /// <summary>Reads up to and including the blank line that ends a request head; null when the client closed first.</summary>
    public async Task<RequestHead?> TryReadRequestHeadAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        while (true)
        {
            var end = _buffer.AsSpan(0, _buffered).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var text = Encoding.UTF8.GetString(_buffer, 0, end);
                var consumed = end + 4;
                Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _buffered - consumed);
                _buffered -= consumed;
                return Parse(text);
            }

            if (_buffered == _buffer.Length)
            {
                throw new InvalidOperationException($"request head exceeds {_buffer.Length} bytes");
            }

            int n;
            try
            {
                n = await _stream.ReadAsync(_buffer.AsMemory(_buffered), timeout.Token);
            }
            catch (IOException)
            {
                return null;
            }

            if (n == 0)
            {
                return null;
            }

            _buffered += n;
        }
    }

    public async Task<RequestHead> ReadRequestHeadAsync() =>
        await TryReadRequestHeadAsync() ?? throw new InvalidOperationException("the client closed the connection before sending a request");

    private static RequestHead Parse(string text)
    {
        var lines = text.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3)
        {
            throw new InvalidOperationException($"malformed request line '{lines[0]}'");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        return new RequestHead(parts[0], parts[1], parts[2], headers);
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public Task SendRawAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes a status line, the given headers, the framing header and the body framed as asked.</summary>
    public async Task WriteResponseAsync(
        int statusCode = 200,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte> body = default,
        BodyFraming framing = BodyFraming.ContentLength,
        string reasonPhrase = "OK")
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {statusCode} {reasonPhrase}\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        switch (framing)
        {
            case BodyFraming.ContentLength:
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
                break;
            case BodyFraming.Chunked:
            case BodyFraming.BytePerChunk:
                head.Append("Transfer-Encoding: chunked\r\n");
                break;
            default:
                head.Append("Connection: close\r\n");
                break;
        }

        head.Append("\r\n");
        await SendRawAsync(head.ToString());
        switch (framing)
        {
            case BodyFraming.ContentLength:
                await SendRawAsync(body);
                break;
            case BodyFraming.Chunked:
                if (!body.IsEmpty)
                {
                    await SendRawAsync(Chunk(body.Span));
                }

                await SendRawAsync("0\r\n\r\n");
                break;
            case BodyFraming.BytePerChunk:
                for (var i = 0; i < body.Length; i++)
                {
                    await SendRawAsync(Chunk(body.Span.Slice(i, 1)));
                }

                await SendRawAsync("0\r\n\r\n");
                break;
            default:
                await SendRawAsync(body);
                await CloseAsync();
                break;
        }
    }

    private static byte[] Chunk(ReadOnlySpan<byte> data)
    {
        var prefix = Encoding.ASCII.GetBytes($"{data.Length:X}\r\n");
        var chunk = new byte[prefix.Length + data.Length + 2];
        prefix.CopyTo(chunk, 0);
        data.CopyTo(chunk.AsSpan(prefix.Length));
        chunk[^2] = (byte)'\r';
        chunk[^1] = (byte)'\n';
        return chunk;
    }

    /// <summary>Waits until the client closes its side (reads to EOF, discarding); true when it did within the timeout.</summary>
    public async Task<bool> WaitForClientCloseAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        var scratch = new byte[1024];
        try
        {
            while (await _stream.ReadAsync(scratch, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Graceful close: FIN after everything written.</summary>
    public async Task CloseAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
        }

        await DisposeAsync();
    }

    /// <summary>Abortive close: linger 0 makes the kernel send RST instead of FIN.</summary>
    public async Task ResetAsync()
    {
        if (_disposed)
        {
            return;
        }

        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _stream.DisposeAsync();
        }
        catch (IOException)
        {
        }

        _socket.Dispose();
    }
}
