using System.Text;

namespace Crawler.Protocol.Text;

/// <summary>
/// The HTML standard's "prescan a byte stream to determine its encoding" (§13.2.3.2), on bytes: skips comments
/// and other tags, reads the attributes of each &lt;meta&gt;, and takes the first usable charset declaration.
/// </summary>
internal static class MetaPrescan
{
    public static Encoding? Find(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var rest = bytes[i..];
            if (rest.StartsWith("<!--"u8))
            {
                var end = rest[4..].IndexOf("-->"u8);
                if (end < 0)
                {
                    return null;
                }

                // The "-->" may reuse the dashes of "<!--", as in "<!-->".
                i += 4 + end + 3;
            }
            else if (StartsWithIgnoreCase(rest, "<meta"u8) && rest.Length > 5 && IsSpaceOrSlash(rest[5]))
            {
                i += 5;
                var found = ReadMeta(bytes, ref i);
                if (found is not null)
                {
                    return found;
                }
            }
            else if (rest.Length > 1 && rest[0] == '<' && (IsAsciiLetter(rest[1]) || (rest[1] == '/' && rest.Length > 2 && IsAsciiLetter(rest[2]))))
            {
                i += rest[1] == '/' ? 2 : 1;
                while (i < bytes.Length && !IsSpaceOrSlash(bytes[i]) && bytes[i] != '>')
                {
                    i++;
                }

                // Attributes are read only to step over quoted '>' correctly.
                while (TryReadAttribute(bytes, ref i, out _, out _))
                {
                }
            }
            else if (rest.StartsWith("<!"u8) || rest.StartsWith("</"u8) || rest.StartsWith("<?"u8))
            {
                var end = rest.IndexOf((byte)'>');
                if (end < 0)
                {
                    return null;
                }

                i += end + 1;
            }
            else
            {
                i++;
            }
        }

        return null;
    }

    private static Encoding? ReadMeta(ReadOnlySpan<byte> bytes, ref int i)
    {
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        var gotPragma = false;
        bool? needPragma = null;
        string? charset = null;
        while (TryReadAttribute(bytes, ref i, out var name, out var value))
        {
            if (!seenNames.Add(name))
            {
                continue;
            }

            switch (name)
            {
                case "http-equiv":
                    gotPragma |= value.Equals("content-type", StringComparison.OrdinalIgnoreCase);
                    break;
                case "content" when charset is null:
                    var fromContent = CharsetFromMetaContent(value);
                    if (fromContent is not null)
                    {
                        charset = fromContent;
                        needPragma = true;
                    }

                    break;
                case "charset":
                    charset = value;
                    needPragma = false;
                    break;
                default:
                    break;
            }
        }

        if (charset is null || needPragma is null || (needPragma.Value && !gotPragma))
        {
            return null;
        }

        var encoding = EncodingLabels.Find(charset);

        // A page that claims UTF-16 in ASCII bytes is not UTF-16; browsers read it as UTF-8.
        if (encoding is UnicodeEncoding)
        {
            return EncodingLabels.Utf8NoBom;
        }

        return encoding;
    }

    /// <summary>The HTML standard's "algorithm for extracting a character encoding from a meta element".</summary>
    internal static string? CharsetFromMetaContent(string content)
    {
        var position = 0;
        while (true)
        {
            var found = content.IndexOf("charset", position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return null;
            }

            var j = found + "charset".Length;
            while (j < content.Length && IsSpace(content[j]))
            {
                j++;
            }

            if (j >= content.Length || content[j] != '=')
            {
                position = j;
                continue;
            }

            j++;
            while (j < content.Length && IsSpace(content[j]))
            {
                j++;
            }

            if (j >= content.Length)
            {
                return null;
            }

            if (content[j] is '"' or '\'')
            {
                var close = content.IndexOf(content[j], j + 1);
                return close < 0 ? null : content[(j + 1)..close];
            }

            var end = j;
            while (end < content.Length && !IsSpace(content[end]) && content[end] != ';')
            {
                end++;
            }

            return content[j..end];
        }
    }

    // The standard's "get an attribute": false at '>' or the end of input; names lower-cased, values raw (Latin-1).
    private static bool TryReadAttribute(ReadOnlySpan<byte> bytes, ref int i, out string name, out string value)
    {
        name = "";
        value = "";
        while (i < bytes.Length && IsSpaceOrSlash(bytes[i]))
        {
            i++;
        }

        if (i >= bytes.Length || bytes[i] == '>')
        {
            i++;
            return false;
        }

        var nameBuilder = new StringBuilder();
        if (bytes[i] == '=')
        {
            // A leading '=' is part of the name.
            nameBuilder.Append('=');
            i++;
        }

        while (i < bytes.Length && bytes[i] != '=' && !IsSpaceOrSlash(bytes[i]) && bytes[i] != '>')
        {
            nameBuilder.Append(char.ToLowerInvariant((char)bytes[i]));
            i++;
        }

        name = nameBuilder.ToString();
        while (i < bytes.Length && IsSpace(bytes[i]))
        {
            i++;
        }

        if (i >= bytes.Length || bytes[i] != '=')
        {
            return i < bytes.Length || name.Length > 0;
        }

        i++;
        while (i < bytes.Length && IsSpace(bytes[i]))
        {
            i++;
        }

        if (i >= bytes.Length)
        {
            return false;
        }

        var quote = bytes[i];
        int start;
        int end;
        if (quote is (byte)'"' or (byte)'\'')
        {
            start = i + 1;
            var close = bytes[start..].IndexOf(quote);
            if (close < 0)
            {
                i = bytes.Length;
                return false;
            }

            end = start + close;
            i = end + 1;
        }
        else
        {
            start = i;
            while (i < bytes.Length && !IsSpace(bytes[i]) && bytes[i] != '>')
            {
                i++;
            }

            end = i;
        }

        value = Encoding.Latin1.GetString(bytes[start..end]);
        return true;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> span, ReadOnlySpan<byte> lowerPrefix)
    {
        if (span.Length < lowerPrefix.Length)
        {
            return false;
        }

        for (var k = 0; k < lowerPrefix.Length; k++)
        {
            if ((span[k] | 0x20) != lowerPrefix[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static bool IsSpaceOrSlash(byte b) => IsSpace(b) || b == '/';
}
