using System.Text;

namespace Crawler.Protocol.Http1;

/// <summary>
/// An <see cref="IResponseHeadHandler"/> that keeps only what frames the body and decides reuse: the status,
/// the version, Content-Length, Transfer-Encoding and Connection (RFC 9112 §6.3, §9.3). It stores no strings,
/// so parsing a head with it allocates nothing. Other headers are validated by the parser and dropped.
/// </summary>
internal struct ResponseFraming : IResponseHeadHandler
{
    private const long NoContentLength = -1;

    private Folding _last;
    private long _contentLength;

    // A bad Content-Length fails only a response that has a body (HttpConnection never read it for HEAD, 204
    // or 304), so it is kept and thrown by GetContentLength. Created on bad input only.
    private HttpProtocolException? _contentLengthError;

    public ResponseFraming()
    {
        _contentLength = NoContentLength;
    }

    private enum Folding : byte
    {
        Other,
        ContentLength,
        TransferEncoding,
        Connection,
    }

    public int MinorVersion { get; private set; }

    public int StatusCode { get; private set; }

    /// <summary>The head has a Content-Length header, valid or not.</summary>
    public bool HasContentLength { get; private set; }

    public bool HasTransferEncoding { get; private set; }

    /// <summary>The last transfer coding of all Transfer-Encoding values is <c>chunked</c>.</summary>
    public bool Chunked { get; private set; }

    public bool ConnectionClose { get; private set; }

    public bool ConnectionKeepAlive { get; private set; }

    /// <summary>Neither side may send another request on the connection after this response (framing aside).</summary>
    public readonly bool WantsClose => ConnectionClose || (MinorVersion == 0 && !ConnectionKeepAlive);

    /// <summary>The one Content-Length all values agree on, or -1 when the head has none; invalid or conflicting values throw.</summary>
    public readonly long GetContentLength() => _contentLengthError is null ? _contentLength : throw _contentLengthError;

    public void OnStatusLine(int minorVersion, int statusCode, ReadOnlySpan<byte> reasonPhrase)
    {
        MinorVersion = minorVersion;
        StatusCode = statusCode;
    }

    public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        _last = Folding.Other;
        switch (name.Length)
        {
            case 14 when Ascii.EqualsIgnoreCase(name, "Content-Length"u8):
                _last = Folding.ContentLength;
                HasContentLength = true;
                AddContentLength(value);
                break;
            case 17 when Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8):
                _last = Folding.TransferEncoding;
                HasTransferEncoding = true;
                AddTransferCodings(value);
                break;
            case 10 when Ascii.EqualsIgnoreCase(name, "Connection"u8):
                _last = Folding.Connection;
                AddConnectionOptions(value);
                break;
        }
    }

    public void OnContinuation(ReadOnlySpan<byte> value)
    {
        switch (_last)
        {
            case Folding.ContentLength:
                // A folded "Content-Length: 5\r\n 5" reads as "5 5": never a valid number.
                SetInvalidContentLength(value);
                break;
            case Folding.TransferEncoding:
                AddTransferCodings(value);
                break;
            case Folding.Connection:
                AddConnectionOptions(value);
                break;
        }
    }

    // "Content-Length: 5, 5" is what a proxy folding two identical headers produces (RFC 9110 §8.6).
    private void AddContentLength(ReadOnlySpan<byte> value)
    {
        if (_contentLengthError is not null)
        {
            return;
        }

        foreach (var range in value.Split((byte)','))
        {
            var part = value[range].Trim(" \t"u8);
            // 19 digits always fit a long; 20 may not, and no body is that large.
            if (part.IsEmpty || part.Length > 19 || part.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            {
                SetInvalidContentLength(value);
                return;
            }

            long parsed = 0;
            foreach (var digit in part)
            {
                parsed = (parsed * 10) + (digit - '0');
            }

            if (_contentLength != NoContentLength && _contentLength != parsed)
            {
                _contentLengthError = new HttpProtocolException(
                    HttpProtocolError.ConflictingContentLength,
                    $"conflicting Content-Length values {_contentLength} and {parsed}");
                return;
            }

            _contentLength = parsed;
        }
    }

    private void AddTransferCodings(ReadOnlySpan<byte> value)
    {
        var comma = value.LastIndexOf((byte)',');
        var last = (comma < 0 ? value : value[(comma + 1)..]).Trim(" \t"u8);
        if (!last.IsEmpty)
        {
            Chunked = Ascii.EqualsIgnoreCase(last, "chunked"u8);
        }
    }

    private void AddConnectionOptions(ReadOnlySpan<byte> value)
    {
        foreach (var range in value.Split((byte)','))
        {
            var token = value[range].Trim(" \t"u8);
            ConnectionClose |= Ascii.EqualsIgnoreCase(token, "close"u8);
            ConnectionKeepAlive |= Ascii.EqualsIgnoreCase(token, "keep-alive"u8);
        }
    }

    private void SetInvalidContentLength(ReadOnlySpan<byte> value) =>
        _contentLengthError ??= new HttpProtocolException(
            HttpProtocolError.InvalidContentLength,
            $"invalid Content-Length '{ResponseParser.Printable(value)}'");
}
