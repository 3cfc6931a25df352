using System.Text;

namespace Crawler.Protocol.Text;

/// <summary>
/// Finds the text encoding of a body: the Content-Type charset, else a &lt;meta&gt; declaration in the first
/// 1024 bytes (HTML only), else UTF-8. A byte order mark overrides all of them, as the WHATWG "decode"
/// algorithm says: a BOM is unambiguous, while headers and meta tags are often copied from elsewhere and wrong.
/// </summary>
public static class CharsetDetector
{
    /// <summary>How far the meta prescan looks; the HTML standard's number, so pages that work in browsers work here.</summary>
    public const int PrescanBytes = 1024;

    /// <summary>Detects the encoding from the start of the body and the Content-Type header value (either may be empty).</summary>
    public static DetectedCharset Detect(ReadOnlySpan<byte> head, string? contentType)
    {
        if (TryBom(head, out var bom))
        {
            return bom;
        }

        var fromHeader = EncodingLabels.Find(CharsetFromContentType(contentType));
        if (fromHeader is not null)
        {
            return new DetectedCharset(fromHeader, CharsetSource.ContentType);
        }

        if (MayBeHtml(contentType))
        {
            var fromMeta = MetaPrescan.Find(head[..Math.Min(head.Length, PrescanBytes)]);
            if (fromMeta is not null)
            {
                return new DetectedCharset(fromMeta, CharsetSource.MetaPrescan);
            }
        }

        return new DetectedCharset(EncodingLabels.Utf8NoBom, CharsetSource.Default);
    }

    /// <summary>Decodes a whole body to text with the detected encoding (BOM skipped, invalid bytes as U+FFFD).</summary>
    public static string Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var detected = Detect(body, contentType);
        return detected.Encoding.GetString(body[detected.BomLength..]);
    }

    /// <summary>As <see cref="Decode"/>, into a pooled buffer the caller disposes (see <see cref="PooledText"/>).</summary>
    public static PooledText DecodePooled(ReadOnlySpan<byte> body, string? contentType)
    {
        var detected = Detect(body, contentType);
        return PooledText.Decode(body[detected.BomLength..], detected.Encoding);
    }

    /// <summary>The charset parameter of a Content-Type value (quotes removed), or null.</summary>
    public static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        while (semicolon >= 0)
        {
            span = span[(semicolon + 1)..];
            var next = IndexOfUnquoted(span, ';');
            var parameter = (next < 0 ? span : span[..next]).Trim();
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = parameter[(equals + 1)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                {
                    value = value[1..^1];
                }

                return value.Length == 0 ? null : value.ToString();
            }

            semicolon = next;
        }

        return null;
    }

    private static bool TryBom(ReadOnlySpan<byte> head, out DetectedCharset detected)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            detected = new DetectedCharset(EncodingLabels.Utf8NoBom, CharsetSource.ByteOrderMark, 3);
            return true;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            detected = new DetectedCharset(Encoding.BigEndianUnicode, CharsetSource.ByteOrderMark, 2);
            return true;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            detected = new DetectedCharset(Encoding.Unicode, CharsetSource.ByteOrderMark, 2);
            return true;
        }

        detected = null!;
        return false;
    }

    private static bool MayBeHtml(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        mediaType = (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim();
        return mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
    }

    private static int IndexOfUnquoted(ReadOnlySpan<char> span, char target)
    {
        var quoted = false;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == '"')
            {
                quoted = !quoted;
            }
            else if (span[i] == target && !quoted)
            {
                return i;
            }
        }

        return -1;
    }
}
