using System.IO.Compression;
using System.Runtime.CompilerServices;
using Crawler.Protocol.Streams;

namespace Crawler.Protocol.Decoding;

/// <summary>
/// "deflate" as servers really send it: RFC 9110 says zlib-wrapped (RFC 1950), but some servers send raw
/// RFC 1951 data. The first two bytes decide: a zlib header has compression method 8 and a checksum making
/// CMF*256+FLG a multiple of 31, which raw deflate data matches only by accident.
/// </summary>
internal sealed class DeflateSniffingStream(Stream inner) : ReadOnlyStream
{
    private const int ZlibHeaderBytes = 2;

    private Stream? _decoder;

    public override int Read(Span<byte> buffer)
    {
        if (_decoder is null)
        {
            var header = new byte[ZlibHeaderBytes];
            var n = 0;
            while (n < header.Length)
            {
                var read = inner.Read(header.AsSpan(n));
                if (read == 0)
                {
                    break;
                }

                n += read;
            }

            _decoder = CreateDecoder(header, n);
        }

        return _decoder.Read(buffer);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_decoder is null)
        {
            var header = new byte[ZlibHeaderBytes];
            var n = 0;
            while (n < header.Length)
            {
                var read = await inner.ReadAsync(header.AsMemory(n), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                n += read;
            }

            _decoder = CreateDecoder(header, n);
        }

        return await _decoder.ReadAsync(buffer, cancellationToken);
    }

    internal static bool IsZlibHeader(byte cmf, byte flg) => (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_decoder ?? inner).Dispose();
        }

        base.Dispose(disposing);
    }

    private Stream CreateDecoder(byte[] header, int length)
    {
        var replay = new PrefixedReadStream(header.AsMemory(0, length), inner);
        return length == ZlibHeaderBytes && IsZlibHeader(header[0], header[1])
            ? new ZLibStream(replay, CompressionMode.Decompress)
            : new DeflateStream(replay, CompressionMode.Decompress);
    }
}
