using System.Runtime.CompilerServices;
using Crawler.Protocol.Streams;

namespace Crawler.Protocol.Decoding;

/// <summary>
/// The compressed input of one decoding layer: the wire body for the outermost coding, the output of the next
/// decoder for a stacked one. Counts the bytes its decompressor takes (the wire layer's count feeds the
/// expansion-ratio check) and records how the decompressor met the end of them, which is how a stream cut short
/// is told from a complete one (.NET 10's decompressors just return 0 at a premature end of input):
/// <list type="bullet">
/// <item>zlib, raw deflate and brotli decoders stop at their end marker and never read past it, so one that
/// reads to the end of a non-empty input wanted more: the stream is cut.</item>
/// <item>A gzip decoder reads on after each member, looking for the next (members may be concatenated), so
/// reaching the end of the input proves nothing. It is handed <see cref="GzipSentinel"/>, one byte that cannot
/// start a member: after a complete member the decoder takes it for trailing garbage and stops without asking for
/// more or producing anything; inside a member it is more data, and the decoder then asks for more input, fails
/// on it, or decodes something from it. Any of those three means the stream is cut.</item>
/// </list>
/// A body of zero bytes is no stream at all rather than a cut one (servers label empty bodies with their usual
/// coding), so it decodes to nothing. The verdict is taken by <see cref="DecodingLimitStream"/>.
/// </summary>
internal sealed class CompressedInputStream(Stream inner, string coding, CompressedInputStream? below) : ReadOnlyStream
{
    /// <summary>
    /// Not 0x1f, so never the start of a gzip member. It could only complete a cut stream if the one byte missing
    /// were the high byte of the ISIZE trailer and 0xFF itself, which takes a decoded size of 4,278,190,080 or
    /// more modulo 4 GiB; even then nothing decoded would be missing, and the CRC-32 would have been checked.
    /// </summary>
    internal const byte GzipSentinel = 0xFF;

    private readonly bool _gzip = coding is "gzip" or "x-gzip";
    private InputEnd _end;
    private bool _decoderEnded;

    private enum InputEnd : byte
    {
        /// <summary>The decoder has not read to the end of its input.</summary>
        NotReached,
        /// <summary>The decoder read to the end of its input and was given the end (0).</summary>
        Reached,
        /// <summary>A gzip decoder read to the end of a non-empty input and was given <see cref="GzipSentinel"/>.</summary>
        SentinelServed,
        /// <summary>...and then asked for more, or decoded bytes from the sentinel: the stream is cut.</summary>
        PastSentinel,
    }

    /// <summary>The Content-Encoding token this input is coded in.</summary>
    public string Coding => coding;

    /// <summary>The input of the layer below, whose decoder this input reads; null for the wire body.</summary>
    public CompressedInputStream? Below => below;

    /// <summary>Encoded bytes the decoder has taken (the sentinel not included).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Whether the decoder has read to the end of this input.</summary>
    public bool EndReached => _end != InputEnd.NotReached;

    /// <summary>
    /// Whether the stream in this input ends before its end marker. Final once the decoder has returned its end
    /// (<see cref="DecoderEnded"/>); before that, while a gzip decoder is still working on the sentinel, it
    /// means that an exception the decoder throws was caused by the sentinel.
    /// </summary>
    public bool IsTruncated => _end switch
    {
        InputEnd.Reached => BytesRead > 0,
        InputEnd.SentinelServed => !_decoderEnded,
        InputEnd.PastSentinel => true,
        _ => false,
    };

    /// <summary>A gzip decoder has been given the sentinel and not yet returned its end.</summary>
    public bool SentinelPending => _end == InputEnd.SentinelServed && !_decoderEnded;

    /// <summary>The reader of this layer's decoder saw it return its end (0).</summary>
    public void DecoderEnded() => _decoderEnded = true;

    /// <summary>The decoder produced bytes after it was given the sentinel: they came from the sentinel.</summary>
    public void OutputAfterSentinel() => _end = InputEnd.PastSentinel;

    public override int Read(Span<byte> buffer)
    {
        if (_end != InputEnd.NotReached)
        {
            return AfterEnd(buffer.Length);
        }

        return Took(inner.Read(buffer), buffer);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_end != InputEnd.NotReached)
        {
            return AfterEnd(buffer.Length);
        }

        var n = await inner.ReadAsync(buffer, cancellationToken);
        return Took(n, buffer.Span);
    }

    /// <summary>
    /// Reads what is left of this input after the decoder finished its stream, and throws it away, so the layers
    /// below reach their own ends and are checked; bytes after a complete stream are ignored, as gzip(1) and
    /// browsers do. Stops once more than <paramref name="max"/> bytes were thrown away and returns the count.
    /// Only for stacked layers: the wire body is never read past the end of the outermost stream.
    /// </summary>
    public long Drain(Span<byte> scratch, long max)
    {
        long discarded = 0;
        while (discarded <= max)
        {
            var n = inner.Read(scratch);
            if (!Discarded(n))
            {
                break;
            }

            discarded += n;
        }

        return discarded;
    }

    /// <inheritdoc cref="Drain"/>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> DrainAsync(Memory<byte> scratch, long max, CancellationToken cancellationToken)
    {
        long discarded = 0;
        while (discarded <= max)
        {
            var n = await inner.ReadAsync(scratch, cancellationToken);
            if (!Discarded(n))
            {
                break;
            }

            discarded += n;
        }

        return discarded;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Took(int n, Span<byte> buffer)
    {
        if (n > 0)
        {
            if (below is not { SentinelPending: true })
            {
                BytesRead += n;
                return n;
            }

            // The gzip decoder below made these from the sentinel: drop them and end this input here.
            below.OutputAfterSentinel();
        }
        else if (buffer.IsEmpty)
        {
            return 0;
        }

        below?.DecoderEnded();
        if (_gzip && BytesRead > 0)
        {
            _end = InputEnd.SentinelServed;
            buffer[0] = GzipSentinel;
            return 1;
        }

        _end = InputEnd.Reached;
        return 0;
    }

    private int AfterEnd(int requested)
    {
        if (_end == InputEnd.SentinelServed && requested > 0)
        {
            _end = InputEnd.PastSentinel;
        }

        return 0;
    }

    private bool Discarded(int n)
    {
        if (n == 0)
        {
            below?.DecoderEnded();
            return false;
        }

        if (below is { SentinelPending: true })
        {
            below.OutputAfterSentinel();
            return false;
        }

        return true;
    }
}
