namespace Crawler.Protocol.Http1;

/// <summary>Read-only, forward-only base of the body streams; everything funnels into <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.</summary>
internal abstract class HttpBodyStream : Stream
{
    protected HttpBodyStream(HttpConnection connection)
    {
        Connection = connection;
    }

    protected HttpConnection Connection { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous reads exist for callers like StreamReader.ReadToEnd; the socket work is asynchronous underneath.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override int Read(Span<byte> buffer)
    {
        var rented = new byte[buffer.Length];
        var n = Read(rented, 0, rented.Length);
        rented.AsSpan(0, n).CopyTo(buffer);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Marks the connection unusable and returns the error to throw.</summary>
    protected HttpProtocolException Fail(HttpProtocolError error, string message)
    {
        Connection.MarkBroken();
        return new HttpProtocolException(error, message);
    }

    protected async ValueTask<int> GuardAsync(ValueTask<int> read)
    {
        try
        {
            return await read;
        }
        catch
        {
            Connection.MarkBroken();
            throw;
        }
    }
}
