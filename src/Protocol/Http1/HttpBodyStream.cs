using System.Buffers;
using System.Runtime.CompilerServices;
using Crawler.Protocol.Streams;

namespace Crawler.Protocol.Http1;

/// <summary>Read-only, forward-only base of the body streams; everything funnels into <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.</summary>
internal abstract class HttpBodyStream : ReadOnlyStream
{
    protected HttpBodyStream(HttpConnection connection)
    {
        Connection = connection;
    }

    protected HttpConnection Connection { get; }

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    // Synchronous reads exist for callers like StreamReader.ReadToEnd; the socket work is asynchronous underneath.
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    }

    public override int Read(Span<byte> buffer)
    {
        // A span cannot cross an await: read into a pooled array, then copy.
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var n = Read(rented, 0, buffer.Length);
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Marks the connection unusable and returns the error to throw.</summary>
    protected HttpProtocolException Fail(HttpProtocolError error, string message)
    {
        Connection.MarkBroken();
        return new HttpProtocolException(error, message);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
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
