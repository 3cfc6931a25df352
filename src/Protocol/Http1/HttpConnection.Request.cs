using System.Buffers;
using System.Text;

namespace Crawler.Protocol.Http1;

// Request writing: validated, sized, then encoded into one pooled buffer so it leaves in one write.
public sealed partial class HttpConnection
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private byte[] EncodeRequest(FetchRequest request, out int length)
    {
        var method = request.Method.ToUpperInvariant();
        if (method is not ("GET" or "HEAD"))
        {
            throw new ArgumentException($"method '{request.Method}' is not supported: only GET and HEAD", nameof(request));
        }

        var url = request.Url;
        var target = url.PathAndQuery;
        ValidateRequestPart("request target", target, allowSpace: false);
        var hasHost = false;
        var hasUserAgent = false;
        var hasAcceptEncoding = false;
        var size = method.Length + 1 + Encoding.UTF8.GetByteCount(target) + " HTTP/1.1\r\n".Length + 2;
        foreach (var (name, value) in request.Headers)
        {
            ValidateHeaderName(name);
            ValidateRequestPart($"request header '{name}' value", value, allowSpace: true);
            hasHost |= name.Equals("Host", StringComparison.OrdinalIgnoreCase);
            hasUserAgent |= name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase);
            hasAcceptEncoding |= name.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase);
            size += HeaderSize(name, value);
        }

        // Caller-supplied Host/User-Agent/Accept-Encoding replace ours rather than doubling them.
        var authority = url.Authority;
        if (!hasHost)
        {
            size += HeaderSize("Host", authority);
        }

        if (!hasUserAgent)
        {
            ValidateRequestPart("User-Agent", _options.UserAgent, allowSpace: true);
            size += HeaderSize("User-Agent", _options.UserAgent);
        }

        if (!hasAcceptEncoding)
        {
            size += HeaderSize("Accept-Encoding", "gzip, deflate, br");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var span = buffer.AsSpan();
        var at = Encoding.ASCII.GetBytes(method, span);
        span[at++] = (byte)' ';
        at += Encoding.UTF8.GetBytes(target, span[at..]);
        " HTTP/1.1\r\n"u8.CopyTo(span[at..]);
        at += " HTTP/1.1\r\n".Length;
        if (!hasHost)
        {
            at += WriteHeader(span[at..], "Host", authority);
        }

        if (!hasUserAgent)
        {
            at += WriteHeader(span[at..], "User-Agent", _options.UserAgent);
        }

        if (!hasAcceptEncoding)
        {
            at += WriteHeader(span[at..], "Accept-Encoding", "gzip, deflate, br");
        }

        foreach (var (name, value) in request.Headers)
        {
            at += WriteHeader(span[at..], name, value);
        }

        Crlf.CopyTo(span[at..]);
        length = at + 2;
        return buffer;
    }

    /// <summary>Refuses CR, LF or NUL in the caller's header names and values (and non-token names) before any connection is opened.</summary>
    internal static void ValidateHeaders(FetchRequest request)
    {
        foreach (var (name, value) in request.Headers)
        {
            ValidateHeaderName(name);
            ValidateRequestPart($"request header '{name}' value", value, allowSpace: true);
        }
    }

    private static int HeaderSize(string name, string value) => Encoding.UTF8.GetByteCount(name) + 2 + Encoding.UTF8.GetByteCount(value) + 2;

    private static int WriteHeader(Span<byte> span, string name, string value)
    {
        var at = Encoding.UTF8.GetBytes(name, span);
        span[at++] = (byte)':';
        span[at++] = (byte)' ';
        at += Encoding.UTF8.GetBytes(value, span[at..]);
        Crlf.CopyTo(span[at..]);
        return at + 2;
    }

    private static void ValidateHeaderName(string name)
    {
        if (name.Length == 0)
        {
            ThrowInvalidRequest("request header name is empty");
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '\r' or '\n' or '\0')
            {
                ThrowInvalidRequest($"request header name '{Escape(name)}' contains 0x{(int)c:X2} at index {i}");
            }

            if (c <= ' ' || c >= 0x7F || c == ':')
            {
                ThrowInvalidRequest($"request header name '{Escape(name)}' contains '{Escape(c.ToString())}' at index {i}, not a token character");
            }
        }
    }

    private static void ValidateRequestPart(string what, string value, bool allowSpace)
    {
        var i = value.AsSpan().IndexOfAny(allowSpace ? "\r\n\0" : "\r\n\0 ");
        if (i >= 0)
        {
            ThrowInvalidRequest($"{what} contains 0x{(int)value[i]:X2} at index {i}");
        }
    }

    private static void ThrowInvalidRequest(string message) =>
        HttpProtocolException.Throw(HttpProtocolError.InvalidRequestHeader, message + "; nothing was sent");

    private static string Escape(string s) => s.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
