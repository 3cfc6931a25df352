using System.Runtime.CompilerServices;
using System.Text;

namespace Crawler.Protocol.Http1;

/// <summary>
/// A <c>Transfer-Encoding: chunked</c> body (RFC 9112 §7.1): chunk extensions are skipped, trailers are kept in
/// <see cref="Trailers"/>, chunk-size lines are capped at <see cref="ProtocolLimits.MaxChunkLineBytes"/>.
/// </summary>
internal sealed class ChunkedReadStream : HttpBodyStream
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    private readonly int _maxTrailerBytes;
    private State _state = State.Size;
    private ulong _chunkRemaining;
    private long _bodyBytes;
    private int _trailerBytes;

    public ChunkedReadStream(HttpConnection connection, int maxTrailerBytes)
        : base(connection)
    {
        _maxTrailerBytes = maxTrailerBytes;
    }

    private enum State
    {
        Size,
        Data,
        DataTerminator,
        Trailers,
        Done,
    }

    public HttpHeaders Trailers { get; } = new();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _state == State.Done)
        {
            return 0;
        }

        try
        {
            return await ReadCoreAsync(buffer, cancellationToken);
        }
        catch
        {
            Connection.MarkBroken();
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (_state)
            {
                case State.Size:
                    if (TryParseChunkSize(Connection.Buffered, out var size, out var consumed))
                    {
                        Connection.Consume(consumed);
                        _chunkRemaining = size;
                        _state = size == 0 ? State.Trailers : State.Data;
                        continue;
                    }

                    await FillOrThrowAsync("in a chunk-size line", cancellationToken);
                    continue;

                case State.Data:
                    var want = (int)Math.Min((ulong)buffer.Length, _chunkRemaining);
                    var n = await Connection.ReadBodyAsync(buffer[..want], cancellationToken);
                    if (n == 0)
                    {
                        throw new HttpProtocolException(
                            HttpProtocolError.PrematureEof,
                            $"connection closed with {_chunkRemaining} bytes of a chunk outstanding, after {_bodyBytes} body bytes (chunked)");
                    }

                    _bodyBytes += n;
                    _chunkRemaining -= (ulong)n;
                    if (_chunkRemaining == 0)
                    {
                        _state = State.DataTerminator;
                    }

                    return n;

                case State.DataTerminator:
                    if (TryParseChunkTerminator(Connection.Buffered, _bodyBytes, out var terminator))
                    {
                        Connection.Consume(terminator);
                        _state = State.Size;
                        continue;
                    }

                    await FillOrThrowAsync("after chunk data", cancellationToken);
                    continue;

                case State.Trailers:
                    if (TryReadTrailerLine(out var end))
                    {
                        if (end)
                        {
                            _state = State.Done;
                            Connection.EndResponse();
                            return 0;
                        }

                        continue;
                    }

                    await FillOrThrowAsync("in the trailers", cancellationToken);
                    continue;

                default:
                    return 0;
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillOrThrowAsync(string where, CancellationToken cancellationToken)
    {
        if (!await Connection.FillAsync(cancellationToken))
        {
            throw new HttpProtocolException(
                HttpProtocolError.PrematureEof,
                $"connection closed {where}, after {_bodyBytes} body bytes (chunked)");
        }
    }

    private bool TryReadTrailerLine(out bool end)
    {
        end = false;
        if (!TryParseTrailerLine(Connection.Buffered, ref _trailerBytes, _maxTrailerBytes, out var line, out var consumed))
        {
            return false;
        }

        if (line.IsEmpty)
        {
            end = true;
        }
        else
        {
            // Trailers are informational for us; a malformed one is kept whole rather than failing the body.
            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                Trailers.Add(Encoding.Latin1.GetString(line[..colon]), Encoding.Latin1.GetString(line[(colon + 1)..].Trim(" \t"u8)));
            }
        }

        Connection.Consume(consumed);
        return true;
    }

    /// <summary>
    /// The CRLF (or bare LF) after a chunk's data: true with its length, false when more bytes are needed;
    /// anything else throws, naming the <paramref name="bodyBytes"/> read so far.
    /// </summary>
    internal static bool TryParseChunkTerminator(ReadOnlySpan<byte> buffered, long bodyBytes, out int consumed)
    {
        consumed = 0;
        if (buffered.Length >= 1 && buffered[0] == LF)
        {
            consumed = 1;
            return true;
        }

        if (buffered.Length >= 2 && buffered[0] == CR && buffered[1] == LF)
        {
            consumed = 2;
            return true;
        }

        if (buffered.Length >= 2 || (buffered.Length == 1 && buffered[0] != CR))
        {
            HttpProtocolException.Throw(
                HttpProtocolError.InvalidChunkTerminator,
                $"chunk data not followed by CRLF after {bodyBytes} body bytes: '{ResponseParser.Printable(buffered[..Math.Min(2, buffered.Length)])}'");
        }

        return false;
    }

    /// <summary>
    /// One trailer line (CR optional) without its line end, empty for the blank line ending the trailers.
    /// False when the line is incomplete; throws once the trailers exceed <paramref name="maxTrailerBytes"/>.
    /// </summary>
    internal static bool TryParseTrailerLine(ReadOnlySpan<byte> buffered, ref int trailerBytes, int maxTrailerBytes, out ReadOnlySpan<byte> line, out int consumed)
    {
        line = default;
        consumed = 0;
        var lf = buffered.IndexOf(LF);
        if (lf < 0)
        {
            CheckTrailerBytes(trailerBytes + buffered.Length, maxTrailerBytes);
            return false;
        }

        trailerBytes += lf + 1;
        CheckTrailerBytes(trailerBytes, maxTrailerBytes);
        line = buffered[..lf];
        if (!line.IsEmpty && line[^1] == CR)
        {
            line = line[..^1];
        }

        consumed = lf + 1;
        return true;
    }

    private static void CheckTrailerBytes(int bytes, int maxTrailerBytes)
    {
        if (bytes > maxTrailerBytes)
        {
            HttpProtocolException.Throw(HttpProtocolError.HeadersTooLarge, $"chunked trailers exceed {maxTrailerBytes} bytes");
        }
    }

    /// <summary>
    /// Parses "HEX[;ext...]" up to LF (CR optional). False when the line is incomplete; throws when it is
    /// invalid or longer than <see cref="ProtocolLimits.MaxChunkLineBytes"/>.
    /// </summary>
    internal static bool TryParseChunkSize(ReadOnlySpan<byte> buffer, out ulong size, out int consumed)
    {
        size = 0;
        consumed = 0;
        var lf = buffer.IndexOf(LF);
        if (lf < 0 || lf >= ProtocolLimits.MaxChunkLineBytes)
        {
            if (buffer.Length >= ProtocolLimits.MaxChunkLineBytes)
            {
                HttpProtocolException.Throw(
                    HttpProtocolError.ChunkLineTooLong,
                    $"chunk-size line exceeds {ProtocolLimits.MaxChunkLineBytes} bytes");
            }

            return false;
        }

        var line = buffer[..lf];
        if (!line.IsEmpty && line[^1] == CR)
        {
            line = line[..^1];
        }

        var i = 0;
        for (; i < line.Length; i++)
        {
            var digit = HexValue(line[i]);
            if (digit < 0)
            {
                break;
            }

            // 16 hex digits fill a ulong; a 17th would overflow.
            if (i == 16)
            {
                ThrowInvalidChunkSize(line, "more than 16 hex digits");
            }

            size = (size << 4) | (uint)digit;
        }

        if (i == 0)
        {
            ThrowInvalidChunkSize(line, "no hex digits");
        }

        if (size > long.MaxValue)
        {
            ThrowInvalidChunkSize(line, "size overflows");
        }

        var rest = line[i..].TrimStart(" \t"u8);
        if (!rest.IsEmpty && rest[0] != (byte)';')
        {
            ThrowInvalidChunkSize(line, "unexpected characters after the size");
        }

        consumed = lf + 1;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static void ThrowInvalidChunkSize(ReadOnlySpan<byte> line, string why) =>
        HttpProtocolException.Throw(HttpProtocolError.InvalidChunkSize, $"invalid chunk-size line ({why}): '{ResponseParser.Printable(line)}'");
}
