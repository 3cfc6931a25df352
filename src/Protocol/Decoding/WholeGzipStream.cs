using System.Buffers;
using System.Buffers.Binary;
using Crawler.Protocol.Streams;

namespace Crawler.Protocol.Decoding;

/// <summary>
/// A gzip body decoded in one call by <see cref="Libdeflate"/>. The first read takes the whole body into a pooled
/// buffer, reads the decoded size from the gzip trailer, checks it against the limits, and inflates the body into a
/// second pooled buffer that later reads copy from.
/// <para>
/// What this path cannot vouch for exactly goes to the streaming decoder (<see cref="ContentDecoder"/>'s stack),
/// which reads the same bytes again and then the rest of the body, so every error, limit and truncation verdict
/// stays the streaming path's own: a body of <see cref="MaxEncodedBytes"/> or more, a stated size past
/// <see cref="MaxWholeDecodedBytes"/> or the limits, and anything but one complete member that fills exactly its
/// stated size (several members, bytes after the member, a cut or corrupt stream). The one difference: the
/// expansion ratio is checked on the totals, before inflating, where the streaming path checks it as it goes; the
/// memory at stake is bounded by <see cref="MaxWholeDecodedBytes"/> either way.
/// </para>
/// </summary>
internal sealed class WholeGzipStream(Stream body, List<string> codings, DecodingLimits limits) : ReadOnlyStream
{
    /// <summary>
    /// A body that fills this streams: a page's gzip is tens of KiB, a big download should not sit in memory whole,
    /// and a bomb should be found out after little reading.
    /// </summary>
    internal const int MaxEncodedBytes = 256 << 10;

    /// <summary>The largest decoded size a body may state (its ISIZE) and still be inflated whole.</summary>
    internal const int MaxWholeDecodedBytes = 16 << 20;

    // A 10-byte header, the smallest deflate stream (2 bytes), then CRC-32 and ISIZE (4 bytes each).
    private const int SmallestMemberBytes = 18;

    private const int FirstBufferBytes = 16 << 10;

    private byte[]? _encoded;
    private int _encodedLength;
    private byte[]? _decoded;
    private int _decodedLength;
    private int _position;
    private Stream? _streaming;
    private bool _started;

    /// <summary>Whether the body was inflated whole (else it streams); known after the first read.</summary>
    internal bool InflatedWhole { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (!_started)
        {
            (_encoded, _encodedLength) = PooledRead.UpTo(body, FirstBufferBytes, MaxEncodedBytes);
            Decide();

            // Only now: a read that failed on the way leaves nothing that a retried read would take for a decoded end.
            _started = true;
        }

        return _streaming?.Read(buffer) ?? CopyDecoded(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            (_encoded, _encodedLength) = await PooledRead.UpToAsync(body, FirstBufferBytes, MaxEncodedBytes, cancellationToken);
            Decide();
            _started = true;
        }

        return _streaming is null ? CopyDecoded(buffer.Span) : await _streaming.ReadAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The streaming decoder owns the body once it exists; it reads the buffered bytes first.
            if (_streaming is null)
            {
                body.Dispose();
            }
            else
            {
                _streaming.Dispose();
            }

            Return(ref _encoded);
            Return(ref _decoded);
        }

        base.Dispose(disposing);
    }

    private static void Return(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private void Decide()
    {
        // No bytes at all is no stream (servers label empty bodies with their usual coding): it decodes to nothing.
        if (_encodedLength == 0)
        {
            InflatedWhole = true;
            return;
        }

        if (TryInflate())
        {
            InflatedWhole = true;
            Return(ref _encoded);
            return;
        }

        _streaming = ContentDecoder.DecodeStreaming(new PrefixedReadStream(_encoded.AsMemory(0, _encodedLength), body), codings, limits);
    }

    private bool TryInflate()
    {
        // A full buffer may have more behind it.
        if (_encodedLength == MaxEncodedBytes || _encodedLength < SmallestMemberBytes)
        {
            return false;
        }

        var encoded = _encoded.AsSpan(0, _encodedLength);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(encoded[^4..]);
        if (size > MaxWholeDecodedBytes || size > limits.MaxDecodedBytes
            || (size > limits.RatioGraceBytes && size > limits.MaxExpansionRatio * _encodedLength))
        {
            return false;
        }

        _decoded = ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)size));
        if (Libdeflate.TryGunzip(encoded, _decoded.AsSpan(0, (int)size), out var consumed, out var written)
            && consumed == _encodedLength && written == size)
        {
            _decodedLength = written;
            return true;
        }

        Return(ref _decoded);
        return false;
    }

    private int CopyDecoded(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _decodedLength - _position);
        if (n > 0)
        {
            _decoded.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
        }

        return n;
    }
}
