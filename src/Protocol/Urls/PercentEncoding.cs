using System.Buffers;
using System.Text;

namespace Crawler.Protocol.Urls;

/// <summary>Percent-encoding as browsers apply it while parsing, plus the normalizations de-duplication needs.</summary>
internal static class PercentEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    // UTF-8 needs at most 4 bytes per scalar value.
    private const int MaxUtf8BytesPerRune = 4;

    /// <summary>
    /// Encodes what <paramref name="set"/> demands (non-ASCII as UTF-8 bytes). Existing escapes and stray '%'
    /// are left alone, as browsers do. Returns the input unchanged when nothing needs encoding.
    /// </summary>
    public static string Encode(string text, PercentEncodeSet set)
    {
        var span = text.AsSpan();

        // Nearly every component needs nothing: find the first character that does with one vectorised search.
        var first = span.IndexOfAnyExcept(LeftAsIs[(int)set]);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(span[..first]);
        Span<byte> utf8 = stackalloc byte[MaxUtf8BytesPerRune];
        var rest = span[first..];
        while (!rest.IsEmpty)
        {
            var c = rest[0];
            if (!MustEncode(c, set))
            {
                builder.Append(c);
                rest = rest[1..];
                continue;
            }

            // Lone surrogates become U+FFFD, as the URL Standard's UTF-8 encoder does.
            Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            var written = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..written])
            {
                AppendEscape(builder, b);
            }

            rest = rest[consumed..];
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes escapes of unreserved characters (ALPHA DIGIT - . _ ~) and upper-cases the hex digits of the
    /// others (RFC 3986 §6.2.2.1-2). Returns the input unchanged when already normal.
    /// </summary>
    public static string NormalizeEscapes(string text)
    {
        var span = text.AsSpan();
        var percent = span.IndexOf('%');
        if (percent < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(span[..percent]);
        for (var i = percent; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '%' && i + 2 < span.Length && IsHex(span[i + 1]) && IsHex(span[i + 2]))
            {
                var value = (byte)((HexValue(span[i + 1]) << 4) | HexValue(span[i + 2]));
                if (IsUnreserved((char)value))
                {
                    builder.Append((char)value);
                }
                else
                {
                    AppendEscape(builder, value);
                }

                i += 2;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes every valid escape to its byte; other characters are taken as UTF-8.</summary>
    public static byte[] DecodeToBytes(ReadOnlySpan<char> text)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var length = 0;
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    rented[length++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                    i += 3;
                    continue;
                }

                // '%' is ASCII, so cutting at the next one never splits a surrogate pair.
                var next = text[(i + 1)..].IndexOf('%');
                var literal = next < 0 ? text[i..] : text.Slice(i, next + 1);
                length += Encoding.UTF8.GetBytes(literal, rented.AsSpan(length));
                i += literal.Length;
            }

            return rented.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes escapes and reads the bytes as UTF-8 (invalid sequences become U+FFFD).</summary>
    public static string DecodeToString(ReadOnlySpan<char> text)
        => text.Contains('%') ? Encoding.UTF8.GetString(DecodeToBytes(text)) : text.ToString();

    public static bool IsUnreserved(char c)
        => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    public static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendEscape(StringBuilder builder, byte value)
        => builder.Append('%').Append(UpperHex[value >> 4]).Append(UpperHex[value & 0xF]);

    // Per set, the characters MustEncode lets through: printable ASCII minus the set's own extras.
    private static readonly SearchValues<char>[] LeftAsIs = Enum.GetValues<PercentEncodeSet>()
        .Select(set => SearchValues.Create(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => !MustEncode(c, set)).ToArray()))
        .ToArray();

    private static bool MustEncode(char c, PercentEncodeSet set)
    {
        if (c < 0x20 || c > 0x7E)
        {
            return true;
        }

        return set switch
        {
            PercentEncodeSet.C0Control => false,
            PercentEncodeSet.Fragment => c is ' ' or '"' or '<' or '>' or '`',
            PercentEncodeSet.Query => c is ' ' or '"' or '#' or '<' or '>',
            PercentEncodeSet.SpecialQuery => c is ' ' or '"' or '#' or '<' or '>' or '\'',
            PercentEncodeSet.Path => c is ' ' or '"' or '#' or '<' or '>' or '?' or '`' or '{' or '}',
            _ => false,
        };
    }
}
