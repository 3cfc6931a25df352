using System.Buffers;
using Crawler.Protocol.Streams;

namespace Crawler.Protocol.Caching;

/// <summary>
/// Tees a body into memory while the caller reads it, and hands the bytes to the cache once the body ended.
/// Chosen over buffering up front so a cacheable response still streams, and over a length check alone so
/// chunked bodies can be cached too; past the cap the copy is dropped and the body just streams.
/// </summary>
internal sealed class CachingReadStream : ReadOnlyStream
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

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var n = _inner.Read(buffer);
        Account(buffer[..n]);
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
}
