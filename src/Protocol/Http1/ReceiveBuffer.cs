using System.Buffers;
using System.Diagnostics;

namespace Crawler.Protocol.Http1;

/// <summary>
/// A connection's pooled receive buffer: the window of received, not yet consumed bytes, compacted or grown
/// before each read. One per connection, used by the one task that owns the connection (not thread-safe).
/// </summary>
internal sealed class ReceiveBuffer : IDisposable
{
    private byte[] _buffer;
    private int _start;
    private int _end;

    public ReceiveBuffer(int size)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    /// <summary>Received bytes not yet consumed.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    public int UnreadCount => _end - _start;

    public int Capacity => _buffer.Length;

    /// <summary>The whole buffer as scratch space for reads whose bytes are not kept (body skipping); only while nothing is unread.</summary>
    public Memory<byte> Scratch
    {
        get
        {
            Debug.Assert(_start == _end, "scratch reads would overwrite unread bytes");
            return _buffer;
        }
    }

    public void Consume(int count)
    {
        Debug.Assert(count <= _end - _start, "cannot consume more than was received");
        _start += count;
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
    }

    /// <summary>Makes room after the unread bytes (compacting, or growing when full) and returns it to receive into.</summary>
    public Memory<byte> PrepareFill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Only a head or chunk line longer than the buffer gets here; their parsers cap the growth.
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Records <paramref name="received"/> bytes written into the memory <see cref="PrepareFill"/> returned.</summary>
    public void Commit(int received) => _end += received;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = 0;
        _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
