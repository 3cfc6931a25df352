using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Crawler.Protocol.Urls;

/// <summary>
/// Parses absolute URLs of the schemes the crawler speaks. Lenient where browsers are (stray spaces and
/// non-ASCII in paths are percent-encoded, backslashes count as slashes for http, https and file, tabs and
/// newlines are dropped, C0 controls and spaces trimmed); strict where a request would go wrong (host, port).
/// </summary>
internal static class UrlParser
{
    // Chrome refuses URLs past 2 MiB; data: URLs with inline images are the only legitimate giants.
    public const int MaxUrlLength = 2 * 1024 * 1024;

    private const string ViewSourceScheme = "view-source";

    public static Url Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            throw new UrlFormatException(text, "empty URL");
        }

        if (cleaned.Length > MaxUrlLength)
        {
            throw new UrlFormatException(Shorten(text), $"URL is {cleaned.Length} characters, more than the limit of {MaxUrlLength}");
        }

        if (!TrySplitScheme(cleaned, out var scheme, out var rest))
        {
            throw new UrlFormatException(text, "no scheme: not an absolute URL");
        }

        switch (scheme)
        {
            case ViewSourceScheme:
                Url inner;
                try
                {
                    inner = Parse(rest);
                }
                catch (UrlFormatException e)
                {
                    throw new UrlFormatException(text, e.Reason);
                }

                if (inner.Scheme == ViewSourceScheme)
                {
                    throw new UrlFormatException(text, "view-source: cannot wrap another view-source: URL");
                }

                return Url.CreateViewSource(inner);
            case "data":
                return ParseData(text, rest);
            case "http" or "https" or "file":
                return ParseHierarchical(text, scheme, rest);
            default:
                throw new UrlFormatException(text, $"unsupported scheme '{scheme}' (expected http, https, file, data or view-source)");
        }
    }

    /// <summary>Trims leading and trailing C0 controls and spaces, and drops every tab, CR and LF (WHATWG URL "basic parser" pre-processing).</summary>
    public static string Clean(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        while (start < span.Length && span[start] <= ' ')
        {
            start++;
        }

        var end = span.Length;
        while (end > start && span[end - 1] <= ' ')
        {
            end--;
        }

        var trimmed = span[start..end];
        if (trimmed.IndexOfAny('\t', '\r', '\n') < 0)
        {
            return start == 0 && end == span.Length ? text : trimmed.ToString();
        }

        return string.Create(trimmed.Length - CountTabsAndNewlines(trimmed), text[start..end], static (dest, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (c is not ('\t' or '\r' or '\n'))
                {
                    dest[i++] = c;
                }
            }
        });
    }

    /// <summary>Splits "scheme:rest" when the text starts with a valid scheme (RFC 3986 §3.1); the scheme comes back lower-cased.</summary>
    public static bool TrySplitScheme(string text, out string scheme, out string rest)
    {
        scheme = "";
        rest = text;
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                scheme = KnownScheme(text.AsSpan(0, i)) ?? text[..i].ToLowerInvariant();
                rest = text[(i + 1)..];
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    // The schemes we meet on every link, without allocating a lower-cased copy.
    private static string? KnownScheme(ReadOnlySpan<char> scheme)
    {
        foreach (var known in (ReadOnlySpan<string>)["http", "https", "file", "data", ViewSourceScheme])
        {
            if (scheme.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    public static int DefaultPort(string scheme) => scheme switch
    {
        "http" => 80,
        "https" => 443,
        _ => -1,
    };

    /// <summary>Splits off "#fragment" and then "?query"; backslashes in what remains become slashes (all our hierarchical schemes are "special").</summary>
    public static (string Before, string? Query, string? Fragment) SplitQueryAndFragment(string text)
    {
        string? fragment = null;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = text[(hash + 1)..];
            text = text[..hash];
        }

        string? query = null;
        var question = text.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = text[(question + 1)..];
            text = text[..question];
        }

        return (text.Replace('\\', '/'), query, fragment);
    }

    private static Url ParseData(string original, string rest)
    {
        string? fragment = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = PercentEncoding.Encode(rest[(hash + 1)..], PercentEncodeSet.Fragment);
            rest = rest[..hash];
        }

        if (!rest.Contains(',', StringComparison.Ordinal))
        {
            throw new UrlFormatException(original, "data: URL has no ',' between the media type and the data");
        }

        return Url.CreateData(PercentEncoding.Encode(rest, PercentEncodeSet.C0Control), fragment);
    }

    private static Url ParseHierarchical(string original, string scheme, string rest)
    {
        var (beforeQuery, rawQuery, rawFragment) = SplitQueryAndFragment(rest);
        var query = rawQuery is null ? null : PercentEncoding.Encode(rawQuery, PercentEncodeSet.SpecialQuery);
        var fragment = rawFragment is null ? null : PercentEncoding.Encode(rawFragment, PercentEncodeSet.Fragment);

        string authority;
        string rawPath;
        if (beforeQuery.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = beforeQuery.IndexOf('/', 2);
            authority = slash < 0 ? beforeQuery[2..] : beforeQuery[2..slash];
            rawPath = slash < 0 ? "" : beforeQuery[slash..];
        }
        else if (scheme == "file")
        {
            if (!beforeQuery.StartsWith('/'))
            {
                throw new UrlFormatException(original, "file: URL path must be absolute");
            }

            authority = "";
            rawPath = beforeQuery;
        }
        else
        {
            throw new UrlFormatException(original, $"expected '//' and a host after '{scheme}:'");
        }

        var path = DotSegments.Remove(PercentEncoding.Encode(rawPath, PercentEncodeSet.Path));
        if (path.Length == 0)
        {
            path = "/";
        }

        if (scheme == "file")
        {
            if (authority.AsSpan().IndexOfAny('@', ':') >= 0 && !authority.StartsWith('['))
            {
                throw new UrlFormatException(original, "file: URL host may not carry a port or user info");
            }

            var fileHost = authority.Length == 0 ? "" : ParseHost(original, authority);
            if (fileHost == "localhost")
            {
                fileHost = "";
            }

            return new Url(scheme, null, fileHost, -1, path, query, fragment);
        }

        string? userInfo = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = at == 0 ? null : PercentEncoding.Encode(authority[..at], PercentEncodeSet.Path).Replace("@", "%40", StringComparison.Ordinal);
            authority = authority[(at + 1)..];
        }

        string rawHost;
        string? rawPort = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new UrlFormatException(original, "IPv6 literal has no closing ']'");
            }

            rawHost = authority[..(close + 1)];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    throw new UrlFormatException(original, $"unexpected '{after[0]}' after IPv6 literal");
                }

                rawPort = after[1..];
            }
        }
        else
        {
            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            rawHost = colon < 0 ? authority : authority[..colon];
            rawPort = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (rawHost.Length == 0)
        {
            throw new UrlFormatException(original, $"empty host (a {scheme}: URL needs one)");
        }

        var host = ParseHost(original, rawHost);
        var port = ParsePort(original, scheme, rawPort);
        return new Url(scheme, userInfo, host, port, path, query, fragment);
    }

    private static int ParsePort(string original, string scheme, string? rawPort)
    {
        // An empty port ("http://a:/") means the default, as in browsers.
        if (string.IsNullOrEmpty(rawPort))
        {
            return DefaultPort(scheme);
        }

        foreach (var c in rawPort)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new UrlFormatException(original, $"port '{rawPort}' is not a number");
            }
        }

        // Leading zeros are fine ("0080"); more than 10 digits cannot be in range, so skip parsing overflow.
        var trimmed = rawPort.TrimStart('0');
        if (trimmed.Length > 10 || !int.TryParse(trimmed.Length == 0 ? "0" : trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw new UrlFormatException(original, $"port {rawPort} out of range 1-65535");
        }

        return port;
    }

    private static string ParseHost(string original, string rawHost)
    {
        if (rawHost.StartsWith('['))
        {
            var literal = rawHost[1..^1];
            if (literal.Contains('%', StringComparison.Ordinal))
            {
                throw new UrlFormatException(original, "IPv6 zone identifiers are not supported");
            }

            if (!IPAddress.TryParse(literal, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new UrlFormatException(original, $"invalid IPv6 literal '{rawHost}'");
            }

            return address.ToString();
        }

        var host = (rawHost.Contains('%', StringComparison.Ordinal) ? PercentEncoding.DecodeToString(rawHost) : rawHost).ToLowerInvariant();
        foreach (var c in host)
        {
            if (c <= ' ' || c == 0x7F || c is '#' or '%' or '/' or ':' or '<' or '>' or '?' or '@' or '[' or '\\' or ']' or '^' or '|')
            {
                throw new UrlFormatException(original, $"invalid character '{Printable(c)}' in host '{host}'");
            }
        }

        if (!System.Text.Ascii.IsValid(host))
        {
            try
            {
                host = new IdnMapping { AllowUnassigned = true }.GetAscii(host).ToLowerInvariant();
            }
            catch (ArgumentException e)
            {
                throw new UrlFormatException(original, $"invalid international host name '{host}': {e.Message}");
            }
        }

        return host;
    }

    private static string Printable(char c) => c < ' ' || c == 0x7F ? $"\\u{(int)c:X4}" : c.ToString();

    private static int CountTabsAndNewlines(ReadOnlySpan<char> span)
    {
        var count = 0;
        foreach (var c in span)
        {
            if (c is '\t' or '\r' or '\n')
            {
                count++;
            }
        }

        return count;
    }

    // Error messages quote the URL; a 2 MiB data: URL would drown the log.
    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
