using System.Buffers;

namespace Crawler.Protocol.Caching;

/// <summary>
/// Tees a body into memory while the caller reads it, and hands the bytes to the cache once the body ended.
/// Chosen over buffering up front so a cacheable response still streams, and over a length check alone so
/// chunked bodies can be cached too; past the cap the copy is dropped and the body just streams.
/// </summary>
internal sealed class CachingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _maxBytes;
    private readonly Action<ReadOnlyMemory<byte>> _onComplete;
    private ArrayBufferWriter<byte>? _copy = new();

    public CachingReadStream(Stream inner, long maxBytes, Action<ReadOnlyMemory<byte>> onComplete)
    {
        _inner = inner;
        _maxBytes = maxBytes;
        _onComplete = onComplete;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var n = await _inner.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (count == 0)
        {
            return 0;
        }

        var n = _inner.Read(buffer, offset, count);
        Account(buffer.AsSpan(offset, n));
        return n;
    }

    private void Account(ReadOnlySpan<byte> read)
    {
        if (_copy is null)
        {
            return;
        }

        if (read.IsEmpty)
        {
            var copy = _copy;
            _copy = null;
            _onComplete(copy.WrittenMemory);
            return;
        }

        if (_copy.WrittenCount + read.Length > _maxBytes)
        {
            _copy = null;
            return;
        }

        _copy.Write(read);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        await base.DisposeAsync();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
