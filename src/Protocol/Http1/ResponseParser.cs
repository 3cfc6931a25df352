using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace Crawler.Protocol.Http1;

/// <summary>
/// Parses a status line and header block from bytes, Kestrel style: each call consumes only complete lines,
/// reports how many bytes it consumed, and returns true once the empty line ending the head was consumed.
/// Bare LF line endings are accepted. One instance is reused for every response on a connection.
/// The line scanning and validation are shared by every caller through <see cref="TryParse{THandler}"/>;
/// the non-generic <see cref="TryParse(ReadOnlySpan{byte}, out int)"/> copies each field into a pooled
/// <see cref="HeaderBlock"/> for the fetch path (no string per header), while the load generator's handler keeps
/// only framing.
/// </summary>
internal sealed class ResponseParser : IResponseHeadHandler
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';
    private const byte SP = (byte)' ';
    private const byte HT = (byte)'\t';
    private const byte Colon = (byte)':';

    // RFC 9110 §5.6.2 tchar: what a header name may contain.
    private static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private readonly int _maxHeaderBytes;
    private readonly int _maxHeaderCount;
    private int _headBytes;
    private int _headerCount;
    private bool _statusLineDone;
    private int _minorVersion;
    private int _statusCode;
    private string _reasonPhrase = "";

    // The current head's fields; created at its first header. Ours until GetHead hands it out with the head,
    // after which the response owns it and returns its buffers.
    private HeaderBlock? _block;
    private HttpResponseHead? _head;

    // The fetch path reads its framing from the same handler the load generator uses, not from header strings.
    private ResponseFraming _framing = new();

    public ResponseParser(int maxHeaderBytes = ProtocolLimits.MaxResponseHeaderBytes, int maxHeaderCount = ProtocolLimits.MaxResponseHeaderCount)
    {
        _maxHeaderBytes = maxHeaderBytes;
        _maxHeaderCount = maxHeaderCount;
    }

    /// <summary>Bytes of the current head consumed so far.</summary>
    public int HeadBytes => _headBytes;

    /// <summary>Starts a new head for <see cref="TryParse{THandler}"/>; allocates nothing.</summary>
    public void BeginHead()
    {
        _headBytes = 0;
        _headerCount = 0;
        _statusLineDone = false;
    }

    /// <summary>
    /// Starts a new head for <see cref="TryParse(ReadOnlySpan{byte}, out int)"/>. A previous head that was never
    /// handed out (an interim 1xx response) has its pooled header block returned here.
    /// </summary>
    public void Reset()
    {
        BeginHead();
        _minorVersion = 0;
        _statusCode = 0;
        _reasonPhrase = "";
        if (_head is null)
        {
            _block?.Release();
        }

        _block = null;
        _head = null;
        _framing = new ResponseFraming();
    }

    /// <summary>
    /// The parsed head; valid once <see cref="TryParse(ReadOnlySpan{byte}, out int)"/> returned true. Its headers
    /// own the pooled block from then on: whoever takes the head calls <see cref="HttpResponseHead.Release"/>
    /// (the response does when it is disposed). Repeated calls return the same head.
    /// </summary>
    public HttpResponseHead GetHead() =>
        _head ??= new(_minorVersion, _statusCode, _reasonPhrase, _block is null ? new HttpHeaders() : new HttpHeaders(_block));

    /// <summary>The head's framing; valid once <see cref="TryParse(ReadOnlySpan{byte}, out int)"/> returned true.</summary>
    public ResponseFraming Framing => _framing;

    /// <summary>Consumes every complete line of <paramref name="buffer"/>; true when the head is complete.</summary>
    public bool TryParse(ReadOnlySpan<byte> buffer, out int consumed)
    {
        var self = this;
        return TryParse(buffer, ref self, out consumed);
    }

    /// <summary>
    /// Consumes every complete line of <paramref name="buffer"/>, validating it and passing its pieces to
    /// <paramref name="handler"/>; true when the head is complete. A struct handler is passed by reference so
    /// its fields accumulate the head without boxing.
    /// </summary>
    public bool TryParse<THandler>(ReadOnlySpan<byte> buffer, ref THandler handler, out int consumed)
        where THandler : IResponseHeadHandler
    {
        consumed = 0;
        while (true)
        {
            var rest = buffer[consumed..];
            var lf = rest.IndexOf(LF);
            if (lf < 0)
            {
                // Never consume a partial line, but do not wait forever for one that is already too long.
                if (_headBytes + rest.Length > _maxHeaderBytes)
                {
                    ThrowHeadTooLarge(_headBytes + rest.Length);
                }

                return false;
            }

            var lineBytes = lf + 1;
            if (_headBytes + lineBytes > _maxHeaderBytes)
            {
                ThrowHeadTooLarge(_headBytes + lineBytes);
            }

            var line = rest[..lf];
            if (!line.IsEmpty && line[^1] == CR)
            {
                line = line[..^1];
            }

            consumed += lineBytes;
            _headBytes += lineBytes;
            if (!_statusLineDone)
            {
                ParseStatusLine(line, ref handler);
                _statusLineDone = true;
            }
            else if (line.IsEmpty)
            {
                return true;
            }
            else
            {
                ParseHeaderLine(line, ref handler);
            }
        }
    }

    private void ThrowHeadTooLarge(int bytes) =>
        HttpProtocolException.Throw(
            HttpProtocolError.HeadersTooLarge,
            $"response status line and headers exceed {_maxHeaderBytes} bytes (at least {bytes} received)");

    private static void ParseStatusLine<THandler>(ReadOnlySpan<byte> line, ref THandler handler)
        where THandler : IResponseHeadHandler
    {
        // HTTP/1.x SP 3DIGIT [SP reason]; some servers omit the space after the code when the reason is empty.
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)line[7]) || line[8] != SP
            || !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11])
            || (line.Length > 12 && line[12] != SP))
        {
            ThrowInvalidStatusLine(line);
        }

        var statusCode = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        if (statusCode < 100)
        {
            ThrowInvalidStatusLine(line);
        }

        var reason = line.Length > 13 ? line[13..] : [];
        if (reason.IndexOfAny((byte)0, CR) >= 0)
        {
            ThrowInvalidStatusLine(line);
        }

        handler.OnStatusLine(line[7] - '0', statusCode, reason);
    }

    void IResponseHeadHandler.OnStatusLine(int minorVersion, int statusCode, ReadOnlySpan<byte> reasonPhrase)
    {
        _framing.OnStatusLine(minorVersion, statusCode, reasonPhrase);
        _minorVersion = minorVersion;
        _statusCode = statusCode;
        _reasonPhrase = reasonPhrase.IsEmpty ? "" : KnownReason(reasonPhrase) ?? Encoding.Latin1.GetString(reasonPhrase);
    }

    void IResponseHeadHandler.OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        _framing.OnHeader(name, value);
        (_block ??= new HeaderBlock()).Add(name, value);
    }

    void IResponseHeadHandler.OnContinuation(ReadOnlySpan<byte> value)
    {
        _framing.OnContinuation(value);
        Debug.Assert(_block is not null, "the parser passes continuations only after a header");
        _block?.AppendToLast(value);
    }

    private static string? KnownReason(ReadOnlySpan<byte> reason) => reason.Length switch
    {
        2 when reason.SequenceEqual("OK"u8) => "OK",
        9 when reason.SequenceEqual("Not Found"u8) => "Not Found",
        12 when reason.SequenceEqual("Not Modified"u8) => "Not Modified",
        5 when reason.SequenceEqual("Found"u8) => "Found",
        17 when reason.SequenceEqual("Moved Permanently"u8) => "Moved Permanently",
        _ => null,
    };

    private static void ThrowInvalidStatusLine(ReadOnlySpan<byte> line) =>
        HttpProtocolException.Throw(
            HttpProtocolError.InvalidStatusLine,
            $"invalid status line ({line.Length} bytes): '{Printable(line)}'");

    private void ParseHeaderLine<THandler>(ReadOnlySpan<byte> line, ref THandler handler)
        where THandler : IResponseHeadHandler
    {
        if (line[0] is SP or HT)
        {
            if (_headerCount == 0)
            {
                ThrowInvalidHeader(line, "continuation line before any header");
            }

            handler.OnContinuation(line.Trim(" \t"u8));
            return;
        }

        var colon = line.IndexOf(Colon);
        if (colon <= 0)
        {
            ThrowInvalidHeader(line, "no ':' after a header name");
        }

        var name = line[..colon];
        if (name.IndexOfAnyExcept(TokenChars) >= 0)
        {
            ThrowInvalidHeader(line, "header name is not a token (whitespace before ':' is not allowed)");
        }

        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (value.IndexOfAny((byte)0, CR) >= 0)
        {
            ThrowInvalidHeader(line, "header value contains NUL or a bare CR");
        }

        if (_headerCount >= _maxHeaderCount)
        {
            HttpProtocolException.Throw(
                HttpProtocolError.TooManyHeaders,
                $"response has more than {_maxHeaderCount} headers");
        }

        _headerCount++;
        handler.OnHeader(name, value);
    }

    private static void ThrowInvalidHeader(ReadOnlySpan<byte> line, string why) =>
        HttpProtocolException.Throw(HttpProtocolError.InvalidHeaderLine, $"invalid header line ({line.Length} bytes, {why}): '{Printable(line)}'");

    // Error messages show at most 64 bytes of the offending line, with control bytes escaped.
    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        const int MaxShown = 64;
        var sb = new StringBuilder();
        foreach (var b in bytes[..Math.Min(bytes.Length, MaxShown)])
        {
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : $"\\x{b:X2}");
        }

        if (bytes.Length > MaxShown)
        {
            sb.Append("...");
        }

        return sb.ToString();
    }
}
