using System.Buffers;
using System.Globalization;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Text;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Schemes;

/// <summary>
/// A decoded data: URL (RFC 2397, with the WHATWG fetch processor's leniency: ASCII whitespace ignored in
/// base64, "=" padding optional, a media type starting with ';' means text/plain).
/// </summary>
internal sealed class DataUrl
{
    public const string DefaultMediaType = "text/plain;charset=US-ASCII";

    private DataUrl(string mediaType, byte[] body)
    {
        MediaType = mediaType;
        Body = body;
    }

    /// <summary>The media type with its parameters, as the Content-Type to report.</summary>
    public string MediaType { get; }

    /// <summary>The charset parameter, or null.</summary>
    public string? Charset => CharsetDetector.CharsetFromContentType(MediaType);

    public byte[] Body { get; }

    public static DataUrl Decode(Url url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != "data")
        {
            throw new ArgumentException($"not a data: URL: {url}", nameof(url));
        }

        var text = url.Path;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            throw new DataUrlException(url.ToString(), "no ',' between the media type and the data");
        }

        var header = PercentEncoding.DecodeToString(text.AsSpan(0, comma)).Trim();
        var isBase64 = false;
        var semicolon = header.LastIndexOf(';');
        if (semicolon >= 0 && header.AsSpan(semicolon + 1).Trim().Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            isBase64 = true;
            header = header[..semicolon].TrimEnd();
        }

        if (header.StartsWith(';'))
        {
            header = "text/plain" + header;
        }

        var mediaType = header.Length == 0 ? DefaultMediaType : header;
        var data = PercentEncoding.DecodeToBytes(text.AsSpan(comma + 1));
        return new DataUrl(mediaType, isBase64 ? DecodeBase64(url, data) : data);
    }

    public FetchResponse ToResponse(Url url)
    {
        var headers = new HttpHeaders();
        headers.Add("Content-Type", MediaType);
        headers.Add("Content-Length", Body.Length.ToString(CultureInfo.InvariantCulture));
        return new FetchResponse(url, 200, "OK", headers, new MemoryStream(Body, writable: false));
    }

    // WHATWG "forgiving-base64 decode": drop ASCII whitespace, accept missing padding, refuse anything else.
    private static byte[] DecodeBase64(Url url, byte[] encoded)
    {
        var chars = new List<char>(encoded.Length + 2);
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r')
            {
                continue;
            }

            if (!IsBase64Char(b))
            {
                throw new DataUrlException(url.ToString(), $"invalid base64: byte 0x{b:X2} ('{(b is >= 0x20 and < 0x7F ? (char)b : '?')}') at offset {i} of the data");
            }

            chars.Add((char)b);
        }

        var padding = chars.Count - chars.FindLastIndex(c => c != '=') - 1;
        var firstPad = chars.IndexOf('=');
        if (padding > 2 || (firstPad >= 0 && firstPad < chars.Count - padding))
        {
            throw new DataUrlException(url.ToString(), $"invalid base64: '=' padding in the middle or more than two at the end (at offset {firstPad})");
        }

        chars.RemoveRange(chars.Count - padding, padding);
        if (chars.Count % 4 == 1)
        {
            throw new DataUrlException(url.ToString(), $"invalid base64: {chars.Count} significant characters cannot encode whole bytes");
        }

        while (chars.Count % 4 != 0)
        {
            chars.Add('=');
        }

        var output = new byte[chars.Count / 4 * 3];
        var rented = ArrayPool<char>.Shared.Rent(chars.Count);
        try
        {
            chars.CopyTo(rented);
            if (!Convert.TryFromBase64Chars(rented.AsSpan(0, chars.Count), output, out var written))
            {
                throw new DataUrlException(url.ToString(), "invalid base64");
            }

            return output[..written];
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static bool IsBase64Char(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/' or (byte)'=';
}
