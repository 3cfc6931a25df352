using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crawler.Actors.Mirror;

/// <summary>
/// Makes URL pieces into file names that are safe and portable, and checks the final path stays under the root.
/// </summary>
/// <remarks>
/// A URL component is percent-decoded to bytes and then to UTF-8 text; what cannot be kept as-is is written as
/// "%XX" (upper-case hex of the UTF-8 bytes): '%' itself, '/', '\', control and format characters, the characters
/// Windows forbids (: * ? " &lt; &gt; |), '@' (which the mapper reserves to separate the query) and bytes that are not
/// valid UTF-8 (overlong forms like %C0%AE stay escaped, so they never become '.' or '/'). Because '%' is always
/// escaped, the mapping is injective: two different decoded components never give the same name. Whole names "."
/// and "..", trailing dots and spaces (Windows drops them) and device names (CON, aux.txt, COM1...) get one character
/// escaped the same way, and names over the configured length (<see cref="MirrorOptions.MaxNameBytes"/>) are cut with a hash suffix.
/// </remarks>
public static class SafePath
{
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    // Printable ASCII minus '%' (an escape to decode) and what MustEscape escapes.
    private static readonly SearchValues<char> KeptAsIs = SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c != '%' && !MustEscape(new Rune(c))).ToArray());

    /// <summary>Percent-decodes a raw URL component (a path segment, a query, a host) and re-escapes what a file name must not hold.</summary>
    public static string EncodeComponent(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);

        // Printable ASCII with nothing to decode or escape comes out as it went in: most URL pieces are like that.
        if (!raw.AsSpan().ContainsAnyExcept(KeptAsIs))
        {
            return raw;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(raw.Length));
        try
        {
            var length = PercentDecode(raw, rented);
            return EscapeDecoded(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Applies the whole-name rules to an encoded name: dot names, trailing dots/spaces, device names, length.</summary>
    /// <param name="maxBytes">Longest name in UTF-8 bytes; at least <see cref="MirrorLimits.MinSegmentBytes"/>, which the hash suffix needs.</param>
    public static string FinishName(string name, int maxBytes = MirrorLimits.DefaultMaxSegmentBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MirrorLimits.MinSegmentBytes);
        if (name.Length == 0)
        {
            throw new UnsafePathException(name, "empty file name");
        }

        if (name is "." or "..")
        {
            return name.Replace(".", "%2E", StringComparison.Ordinal);
        }

        var last = name[^1];
        if (last is '.' or ' ')
        {
            name = name[..^1] + (last == '.' ? "%2E" : "%20");
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? name : name[..dot];
        if (DeviceNames.Contains(stem.TrimEnd(' ')))
        {
            name = "%" + ((int)name[0]).ToString("X2", CultureInfo.InvariantCulture) + name[1..];
        }

        return Shorten(name, maxBytes);
    }

    /// <summary>
    /// Joins a relative mirror path (segments separated by '/') to the root, refusing anything that could leave it:
    /// rooted paths, empty, "." or ".." segments, backslashes, NUL; and, as the final word, a full path that does not
    /// start with the root plus a separator.
    /// </summary>
    public static string Combine(string root, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains('\\', StringComparison.Ordinal) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            throw new UnsafePathException(relativePath, "rooted, empty, or holding a backslash or NUL");
        }

        foreach (var segment in relativePath.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw new UnsafePathException(relativePath, $"segment '{segment}' is empty or a dot segment");
            }
        }

        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(rootFull, relativePath));
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
        {
            throw new UnsafePathException(relativePath, $"resolves to '{full}', outside the root '{rootFull}'");
        }

        return full;
    }

    private static int PercentDecode(string raw, byte[] destination)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%' && i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
            {
                destination[length++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 2;
            }
            else if (c < 0x80)
            {
                destination[length++] = (byte)c;
            }
            else
            {
                // Non-ASCII text in a URL (an IRI, or a lenient parser): take it as its UTF-8 bytes.
                var count = char.IsHighSurrogate(c) && i + 1 < raw.Length ? 2 : 1;
                length += Encoding.UTF8.GetBytes(raw.AsSpan(i, count), destination.AsSpan(length));
                i += count - 1;
            }
        }

        return length;
    }

    private static string EscapeDecoded(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                AppendEscaped(builder, bytes[..1]);
                bytes = bytes[1..];
                continue;
            }

            if (MustEscape(rune))
            {
                AppendEscaped(builder, bytes[..consumed]);
            }
            else
            {
                builder.Append(rune.ToString());
            }

            bytes = bytes[consumed..];
        }

        return builder.ToString();
    }

    private static bool MustEscape(Rune rune)
    {
        if (rune.IsAscii)
        {
            return rune.Value < 0x20 || rune.Value == 0x7F || "%/\\:*?\"<>|@".Contains((char)rune.Value, StringComparison.Ordinal);
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string Shorten(string name, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..MirrorLimits.HashSuffixHexDigits];
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && Encoding.UTF8.GetByteCount(name.AsSpan(dot)) <= MirrorLimits.MaxKeptExtensionBytes ? name[dot..] : "";
        var budget = maxBytes - Encoding.UTF8.GetByteCount(extension) - 1 - hash.Length;
        Debug.Assert(budget >= 0, "FinishName refuses a maxBytes below MinSegmentBytes, which fits the longest kept extension");
        var cut = 0;
        var bytes = 0;
        while (cut < name.Length)
        {
            var step = char.IsHighSurrogate(name[cut]) && cut + 1 < name.Length ? 2 : 1;
            var stepBytes = Encoding.UTF8.GetByteCount(name.AsSpan(cut, step));
            if (bytes + stepBytes > budget)
            {
                break;
            }

            bytes += stepBytes;
            cut += step;
        }

        // Never cut through a "%XX" escape: a dangling '%' would break the injectivity argument.
        if (cut >= 1 && name[cut - 1] == '%')
        {
            cut -= 1;
        }
        else if (cut >= 2 && name[cut - 2] == '%')
        {
            cut -= 2;
        }

        return name[..cut] + "~" + hash + extension;
    }
}
