using System.Buffers;
using System.Text;

namespace Crawler.Protocol.Http1;

/// <summary>
/// Parses a status line and header block from bytes, Kestrel style: each call consumes only complete lines,
/// reports how many bytes it consumed, and returns true once the empty line ending the head was consumed.
/// Bare LF line endings are accepted. One instance is reused for every response on a connection.
/// </summary>
internal sealed class ResponseParser
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
    private bool _statusLineDone;
    private int _minorVersion;
    private int _statusCode;
    private string _reasonPhrase = "";
    // Typical responses carry 10-20 headers; sizing for that avoids regrowing the list while parsing.
    private const int ExpectedHeaderCount = 16;

    private HttpHeaders _headers = new(ExpectedHeaderCount);

    public ResponseParser(int maxHeaderBytes = ProtocolLimits.MaxResponseHeaderBytes, int maxHeaderCount = ProtocolLimits.MaxResponseHeaderCount)
    {
        _maxHeaderBytes = maxHeaderBytes;
        _maxHeaderCount = maxHeaderCount;
    }

    /// <summary>Bytes of the current head consumed so far.</summary>
    public int HeadBytes => _headBytes;

    public void Reset()
    {
        _headBytes = 0;
        _statusLineDone = false;
        _minorVersion = 0;
        _statusCode = 0;
        _reasonPhrase = "";
        _headers = new HttpHeaders(ExpectedHeaderCount);
    }

    /// <summary>The parsed head; valid once <see cref="TryParse"/> returned true.</summary>
    public HttpResponseHead GetHead() => new(_minorVersion, _statusCode, _reasonPhrase, _headers);

    /// <summary>Consumes every complete line of <paramref name="buffer"/>; true when the head is complete.</summary>
    public bool TryParse(ReadOnlySpan<byte> buffer, out int consumed)
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
                ParseStatusLine(line);
                _statusLineDone = true;
            }
            else if (line.IsEmpty)
            {
                return true;
            }
            else
            {
                ParseHeaderLine(line);
            }
        }
    }

    private void ThrowHeadTooLarge(int bytes) =>
        HttpProtocolException.Throw(
            HttpProtocolError.HeadersTooLarge,
            $"response status line and headers exceed {_maxHeaderBytes} bytes (at least {bytes} received)");

    private void ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP/1.x SP 3DIGIT [SP reason]; some servers omit the space after the code when the reason is empty.
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)line[7]) || line[8] != SP
            || !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11])
            || (line.Length > 12 && line[12] != SP))
        {
            ThrowInvalidStatusLine(line);
        }

        _minorVersion = line[7] - '0';
        _statusCode = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        if (_statusCode < 100)
        {
            ThrowInvalidStatusLine(line);
        }

        var reason = line.Length > 13 ? line[13..] : [];
        if (reason.IndexOfAny((byte)0, CR) >= 0)
        {
            ThrowInvalidStatusLine(line);
        }

        _reasonPhrase = reason.IsEmpty ? "" : KnownReason(reason) ?? Encoding.Latin1.GetString(reason);
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

    private void ParseHeaderLine(ReadOnlySpan<byte> line)
    {
        if (line[0] is SP or HT)
        {
            var continuation = Encoding.Latin1.GetString(line.Trim(" \t"u8));
            if (!_headers.TryAppendToLast(continuation))
            {
                ThrowInvalidHeader(line, "continuation line before any header");
            }

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

        if (_headers.Count >= _maxHeaderCount)
        {
            HttpProtocolException.Throw(
                HttpProtocolError.TooManyHeaders,
                $"response has more than {_maxHeaderCount} headers");
        }

        _headers.Add(KnownHeaders.GetName(name), value.IsEmpty ? "" : KnownHeaders.GetValue(value));
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
