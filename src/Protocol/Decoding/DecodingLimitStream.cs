using System.Runtime.CompilerServices;
using Crawler.Protocol.Streams;

namespace Crawler.Protocol.Decoding;

/// <summary>
/// The outermost layer of a decoded body: counts decoded bytes against <see cref="DecodingLimits"/> and turns
/// whatever the decompressors throw on bad data into <see cref="DecodingException"/>, so callers see one type.
/// </summary>
internal sealed class DecodingLimitStream(Stream decoded, CountingReadStream encoded, DecodingLimits limits, string codings) : ReadOnlyStream
{
    public long DecodedBytes { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = decoded.Read(buffer);
        }
        catch (Exception e) when (IsCorruptDataException(e))
        {
            throw Corrupt(e);
        }

        return Count(n);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await decoded.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (IsCorruptDataException(e))
        {
            throw Corrupt(e);
        }

        return Count(n);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decoded.Dispose();
        }

        base.Dispose(disposing);
    }

    // InvalidDataException from zlib/gzip/brotli framing; BrotliStream also reports bad data as
    // InvalidOperationException. Network IOExceptions are not ours to rename.
    private static bool IsCorruptDataException(Exception e) => e is InvalidDataException or InvalidOperationException;

    private int Count(int n)
    {
        DecodedBytes += n;
        if (DecodedBytes > limits.MaxDecodedBytes)
        {
            throw new DecodingException(
                DecodingError.TooLarge,
                $"decoded body ({codings}) exceeds {limits.MaxDecodedBytes} bytes after {encoded.BytesRead} encoded bytes",
                DecodedBytes,
                encoded.BytesRead);
        }

        if (DecodedBytes > limits.RatioGraceBytes && DecodedBytes > limits.MaxExpansionRatio * Math.Max(1, encoded.BytesRead))
        {
            throw new DecodingException(
                DecodingError.ExpansionRatio,
                $"decoded body ({codings}) expanded to {DecodedBytes} bytes from {encoded.BytesRead} encoded bytes, over the ratio {limits.MaxExpansionRatio}",
                DecodedBytes,
                encoded.BytesRead);
        }

        return n;
    }

    private DecodingException Corrupt(Exception e)
        => new(DecodingError.CorruptData, $"corrupt {codings} data after {encoded.BytesRead} encoded bytes: {e.Message}", DecodedBytes, encoded.BytesRead, e);
}
