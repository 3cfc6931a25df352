using System.Text;

namespace Crawler.Protocol.Http1;

/// <summary>
/// Header names and values that responses carry all the time, so reading a parsed header (<see cref="HeaderBlock"/>)
/// hands out one shared string instead of allocating a new one per header per response.
/// </summary>
internal static class KnownHeaders
{
    public const string ContentLength = "Content-Length";
    public const string TransferEncoding = "Transfer-Encoding";
    public const string ContentEncoding = "Content-Encoding";
    public const string Connection = "Connection";
    public const string Location = "Location";

    private static readonly string[] Names =
    [
        "Accept-Ranges", "Age", "Alt-Svc", "Cache-Control", Connection, ContentEncoding, ContentLength,
        "Content-Security-Policy", "Content-Type", "Date", "ETag", "Expires", "Keep-Alive", "Last-Modified",
        "Link", Location, "Server", "Set-Cookie", "Strict-Transport-Security", TransferEncoding, "Vary", "Via",
        "X-Content-Type-Options", "X-Frame-Options", "Access-Control-Allow-Origin", "Content-Disposition",
        "Content-Language", "Pragma", "Referrer-Policy", "Trailer", "Upgrade", "WWW-Authenticate", "X-Cache",
    ];

    private static readonly byte[][] NameBytes = Array.ConvertAll(Names, Encoding.ASCII.GetBytes);

    // Values that recur on nearly every response; matched exactly (they are tokens servers send verbatim).
    private static readonly string[] Values =
    [
        "keep-alive", "close", "chunked", "gzip", "br", "deflate", "nosniff", "Accept-Encoding", "bytes",
        "text/html", "text/html; charset=utf-8", "text/html; charset=UTF-8", "text/css", "application/javascript",
        "application/json", "no-cache", "nginx", "Kestrel", "SAMEORIGIN", "DENY", "0",
    ];

    private static readonly byte[][] ValueBytes = Array.ConvertAll(Values, Encoding.ASCII.GetBytes);

    /// <summary>The shared string for a common value, else a new one (Latin-1, as HTTP field values are octets).</summary>
    public static string GetValue(ReadOnlySpan<byte> value)
    {
        var bytes = ValueBytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i].Length == value.Length && value.SequenceEqual(bytes[i]))
            {
                return Values[i];
            }
        }

        return Encoding.Latin1.GetString(value);
    }

    /// <summary>The shared string for a known name (matched case-insensitively), else a new one.</summary>
    public static string GetName(ReadOnlySpan<byte> name)
    {
        var bytes = NameBytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i].Length == name.Length && System.Text.Ascii.EqualsIgnoreCase(bytes[i], name))
            {
                return Names[i];
            }
        }

        return Encoding.ASCII.GetString(name);
    }
}
