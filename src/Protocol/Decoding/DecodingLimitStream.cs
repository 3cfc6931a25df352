using System.Buffers;
using System.Runtime.CompilerServices;
using Crawler.Protocol.Streams;

namespace Crawler.Protocol.Decoding;

/// <summary>
/// The outermost layer of a decoded body: counts decoded bytes against <see cref="DecodingLimits"/>, checks at
/// the end that every coding's stream was complete (see <see cref="CompressedInputStream"/>), and turns whatever
/// the decompressors throw on bad data into <see cref="DecodingException"/>, so callers see one type.
/// </summary>
/// <param name="decoded">The decoder of the last coding applied (the top of the stack).</param>
/// <param name="top">The input of that decoder; <see cref="CompressedInputStream.Below"/> leads down to the wire.</param>
/// <param name="encoded">The wire body's input, whose count is the encoded size.</param>
internal sealed class DecodingLimitStream(Stream decoded, CompressedInputStream top, CompressedInputStream encoded, DecodingLimits limits, string codings)
    : ReadOnlyStream
{
    private const int DrainBufferBytes = 8 << 10;

    private bool _complete;

    public long DecodedBytes { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        try
        {
            var n = decoded.Read(buffer);
            if (n == 0 && !buffer.IsEmpty && !_complete)
            {
                if (top.Below is not null)
                {
                    DrainStack();
                }

                Complete();
            }

            return Count(n);
        }
        catch (Exception e) when (IsCorruptDataException(e))
        {
            throw Failed(e);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            var n = await decoded.ReadAsync(buffer, cancellationToken);
            if (n == 0 && !buffer.IsEmpty && !_complete)
            {
                if (top.Below is not null)
                {
                    await DrainStackAsync(cancellationToken);
                }

                Complete();
            }

            return Count(n);
        }
        catch (Exception e) when (IsCorruptDataException(e))
        {
            throw Failed(e);
        }
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

    private long MaxDiscarded => limits.MaxDecodedBytes - DecodedBytes;

    // A decoder that finished its stream before the end of its input leaves the layer below unchecked: its end
    // (a gzip trailer, say) may be missing. Reading the rest of that input takes the layer below to its end.
    private void DrainStack()
    {
        Span<byte> scratch = stackalloc byte[1024];
        for (var layer = top; layer.Below is not null; layer = layer.Below)
        {
            if (!layer.EndReached)
            {
                CountDiscarded(layer.Drain(scratch, MaxDiscarded));
            }
        }
    }

    private async ValueTask DrainStackAsync(CancellationToken cancellationToken)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(DrainBufferBytes);
        try
        {
            for (var layer = top; layer.Below is not null; layer = layer.Below)
            {
                if (!layer.EndReached)
                {
                    CountDiscarded(await layer.DrainAsync(scratch, MaxDiscarded, cancellationToken));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void CountDiscarded(long discarded)
    {
        if (discarded > MaxDiscarded)
        {
            throw TooLarge(DecodedBytes + discarded, ", counting data after the end of an inner stream,");
        }
    }

    // The top decoder returned its end: every layer has now reached its own, and the verdict is final.
    private void Complete()
    {
        top.DecoderEnded();
        if (DeepestTruncated() is { } truncated)
        {
            throw Truncated(truncated, null);
        }

        _complete = true;
    }

    private int Count(int n)
    {
        if (n == 0)
        {
            return 0;
        }

        if (top.SentinelPending)
        {
            // A gzip decoder gives nothing for the sentinel after a complete member; these bytes came from it.
            top.OutputAfterSentinel();
            throw Truncated(top, null);
        }

        DecodedBytes += n;
        if (DecodedBytes > limits.MaxDecodedBytes)
        {
            throw TooLarge(DecodedBytes, "");
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

    private DecodingException TooLarge(long decodedBytes, string counting) => new(
        DecodingError.TooLarge,
        $"decoded body ({codings}) exceeds {limits.MaxDecodedBytes} bytes{counting} after {encoded.BytesRead} encoded bytes",
        decodedBytes,
        encoded.BytesRead);

    // A stream cut short on the wire leaves every layer above it short of input too: the deepest is the cause.
    private CompressedInputStream? DeepestTruncated()
    {
        CompressedInputStream? deepest = null;
        for (var layer = top; layer is not null; layer = layer.Below)
        {
            if (layer.IsTruncated)
            {
                deepest = layer;
            }
        }

        return deepest;
    }

    // Data that ends early may also fail to decode (a gzip decoder chokes on the sentinel; a stricter runtime
    // throws on a premature end itself): a layer that had reached its end when the error struck names the cause.
    private DecodingException Failed(Exception e)
        => DeepestTruncated() is { } truncated
            ? Truncated(truncated, e)
            : new(DecodingError.CorruptData, $"corrupt {codings} data after {encoded.BytesRead} encoded bytes: {e.Message}", DecodedBytes, encoded.BytesRead, e);

    private DecodingException Truncated(CompressedInputStream layer, Exception? inner)
    {
        var stack = top.Below is null ? "" : $" ({codings})";
        return new(
            DecodingError.Truncated,
            $"{layer.Coding} body ends before the end of its compressed stream after {layer.BytesRead} encoded bytes{stack}",
            DecodedBytes,
            encoded.BytesRead,
            inner);
    }
}
