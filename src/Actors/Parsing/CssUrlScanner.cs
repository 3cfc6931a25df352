using System.Globalization;
using System.Text;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Finds every URL in a stylesheet with a small tokenizer that follows CSS Syntax Level 3 where URLs are concerned:
/// comments, strings (with escapes and line continuations), url tokens (unquoted, with escapes; "bad url" tokens
/// yield nothing), url() functions holding a string, <c>@import</c> followed by a string or url, and strings directly
/// inside <c>image-set()</c>. Identifiers are consumed whole, so <c>myurl(x)</c> or a <c>1url(</c> dimension is no URL.
/// </summary>
/// <remarks>
/// Why not AngleSharp.Css: by default its CSSOM drops declarations it does not know (vendor or future properties)
/// and their url() values with them (a test pins this; IsIncludingUnknownDeclarations keeps them as raw text, which
/// we would then have to tokenize anyway); it builds the whole object model when we want a few tokens, a cost a
/// 10,000-page crawl would feel; and it keeps no source ranges, which the link rewriter needs to replace a URL
/// without re-serialising (and so reformatting) the stylesheet. AngleSharp.Css serves as the test oracle instead:
/// every URL its CSSOM keeps, this scanner finds. Allocation: identifiers and strings are compared in place and
/// only materialised when they are (or name) a URL.
/// </remarks>
public static class CssUrlScanner
{
    private const char ReplacementCharacter = '\uFFFD';

    // A valid escape is at most six hex digits (CSS Syntax §4.3.7).
    private const int MaxHexEscapeDigits = 6;

    public static IReadOnlyList<CssReference> Scan(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        var result = new List<CssReference>();
        var i = 0;
        var expectImport = false;
        var parenDepth = 0;
        var imageSetDepth = -1;
        while (i < css.Length)
        {
            var c = css[i];
            if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length : end + 2;
                continue;
            }

            if (IsWhitespace(c))
            {
                i++;
                continue;
            }

            if (c is '"' or '\'')
            {
                var start = i;
                var wanted = expectImport || (imageSetDepth >= 0 && imageSetDepth == parenDepth);
                var value = ConsumeString(css, ref i, wanted);
                if (wanted && value is not null)
                {
                    result.Add(new CssReference(value, expectImport, IsString: true, start, i - start));
                }

                expectImport = false;
                continue;
            }

            if (c == '@')
            {
                i++;
                if (StartsIdentifier(css, i))
                {
                    expectImport = IdentifierEquals(css, ref i, "import");
                }

                continue;
            }

            if (c is >= '0' and <= '9' || (c == '.' && i + 1 < css.Length && char.IsAsciiDigit(css[i + 1])))
            {
                // A number, and its unit if any: "1url(" is a dimension then a '(' delimiter, not a url token.
                while (i < css.Length && (char.IsAsciiDigit(css[i]) || css[i] == '.'))
                {
                    i++;
                }

                if (StartsIdentifier(css, i))
                {
                    SkipIdentifier(css, ref i);
                }

                expectImport = false;
                continue;
            }

            if (c == '#')
            {
                i++;
                while (i < css.Length && (IsNameCharacter(css[i]) || IsValidEscape(css, i)))
                {
                    if (css[i] == '\\')
                    {
                        i++;
                        ConsumeEscape(css, ref i);
                    }
                    else
                    {
                        i++;
                    }
                }

                expectImport = false;
                continue;
            }

            if (StartsIdentifier(css, i))
            {
                var start = i;
                var nameStart = i;
                var hasEscape = SkipIdentifier(css, ref i);
                if (i < css.Length && css[i] == '(')
                {
                    // Only function names are compared; decoding escapes is left to the rare name that has them.
                    var name = hasEscape ? DecodeIdentifier(css, nameStart) : css.AsSpan(nameStart, i - nameStart);
                    i++;
                    if (name.Equals("url", StringComparison.OrdinalIgnoreCase))
                    {
                        ScanUrlFunction(css, start, ref i, ref parenDepth, expectImport, result);
                    }
                    else
                    {
                        parenDepth++;
                        if (name.Equals("image-set", StringComparison.OrdinalIgnoreCase) || name.Equals("-webkit-image-set", StringComparison.OrdinalIgnoreCase))
                        {
                            imageSetDepth = parenDepth;
                        }
                    }
                }

                expectImport = false;
                continue;
            }

            if (c == '(')
            {
                parenDepth++;
            }
            else if (c == ')')
            {
                if (imageSetDepth == parenDepth)
                {
                    imageSetDepth = -1;
                }

                parenDepth = Math.Max(0, parenDepth - 1);
            }

            expectImport = false;
            i++;
        }

        return result;
    }

    /// <summary>After "url(": either a function holding a string, or an unquoted url token up to ')'.</summary>
    private static void ScanUrlFunction(string css, int tokenStart, ref int i, ref int parenDepth, bool isImport, List<CssReference> result)
    {
        var j = i;
        while (j < css.Length && IsWhitespace(css[j]))
        {
            j++;
        }

        if (j < css.Length && css[j] is '"' or '\'')
        {
            // url("x") is a function token whose argument is a string; its ')' is consumed as a plain delimiter.
            parenDepth++;
            i = j;
            var start = j;
            var value = ConsumeString(css, ref i, wanted: true);
            if (value is not null)
            {
                result.Add(new CssReference(value, isImport, IsString: true, start, i - start));
            }

            return;
        }

        i = j;
        var builder = new StringBuilder();
        while (i < css.Length)
        {
            var c = css[i];
            if (c == ')')
            {
                i++;
                result.Add(new CssReference(builder.ToString(), isImport, IsString: false, tokenStart, i - tokenStart));
                return;
            }

            if (IsWhitespace(c))
            {
                while (i < css.Length && IsWhitespace(css[i]))
                {
                    i++;
                }

                if (i >= css.Length || css[i] == ')')
                {
                    continue; // the ')' (or end of input) closes the token with the whitespace trimmed
                }

                ConsumeBadUrlRemnants(css, ref i);
                return;
            }

            if (c is '"' or '\'' or '(' || IsNonPrintable(c))
            {
                ConsumeBadUrlRemnants(css, ref i);
                return;
            }

            if (c == '\\')
            {
                if (!IsValidEscape(css, i))
                {
                    ConsumeBadUrlRemnants(css, ref i);
                    return;
                }

                i++;
                ConsumeEscape(css, ref i, builder);
                continue;
            }

            builder.Append(c);
            i++;
        }

        // End of input inside url(: a parse error, but still a url token (CSS Syntax §4.3.6).
        result.Add(new CssReference(builder.ToString(), isImport, IsString: false, tokenStart, i - tokenStart));
    }

    private static void ConsumeBadUrlRemnants(string css, ref int i)
    {
        while (i < css.Length)
        {
            if (css[i] == ')')
            {
                i++;
                return;
            }

            if (IsValidEscape(css, i))
            {
                i++;
                ConsumeEscape(css, ref i);
                continue;
            }

            i++;
        }
    }

    /// <summary>Consumes a string token starting at the quote; returns its value, or null for a bad string (an unescaped newline).</summary>
    private static string? ConsumeString(string css, ref int i, bool wanted)
    {
        var quote = css[i++];

        // Fast path: most strings (font names, content) hold no escape and are not wanted at all.
        var close = css.AsSpan(i).IndexOfAny(quote, '\\', '\n');
        if (close >= 0 && css[i + close] == quote && css.AsSpan(i, close).IndexOfAny('\r', '\f') < 0)
        {
            var value = wanted ? css.Substring(i, close) : "";
            i += close + 1;
            return value;
        }

        var builder = new StringBuilder();
        while (i < css.Length)
        {
            var c = css[i];
            if (c == quote)
            {
                i++;
                return builder.ToString();
            }

            if (c is '\n' or '\r' or '\f')
            {
                return null; // bad string; the newline is left for the caller
            }

            if (c == '\\')
            {
                i++;
                if (i >= css.Length)
                {
                    break;
                }

                if (css[i] is '\n' or '\f')
                {
                    i++;
                }
                else if (css[i] == '\r')
                {
                    i += i + 1 < css.Length && css[i + 1] == '\n' ? 2 : 1;
                }
                else
                {
                    ConsumeEscape(css, ref i, builder);
                }

                continue;
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString(); // end of input closes the string (a parse error, not a bad string)
    }

    /// <summary>Moves past an identifier; true when it holds escapes (so its text is not its name).</summary>
    private static bool SkipIdentifier(string css, ref int i)
    {
        var hasEscape = false;
        while (i < css.Length)
        {
            if (IsNameCharacter(css[i]))
            {
                i++;
            }
            else if (IsValidEscape(css, i))
            {
                hasEscape = true;
                i++;
                ConsumeEscape(css, ref i);
            }
            else
            {
                break;
            }
        }

        return hasEscape;
    }

    private static bool IdentifierEquals(string css, ref int i, string expected)
    {
        var start = i;
        var hasEscape = SkipIdentifier(css, ref i);
        var name = hasEscape ? DecodeIdentifier(css, start) : css.AsSpan(start, i - start);
        return name.Equals(expected, StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> DecodeIdentifier(string css, int start)
    {
        var i = start;
        return ConsumeIdentifier(css, ref i);
    }

    private static string ConsumeIdentifier(string css, ref int i)
    {
        var builder = new StringBuilder();
        while (i < css.Length)
        {
            var c = css[i];
            if (IsNameCharacter(c))
            {
                builder.Append(c);
                i++;
            }
            else if (IsValidEscape(css, i))
            {
                i++;
                ConsumeEscape(css, ref i, builder);
            }
            else
            {
                break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Consumes an escape whose backslash is already consumed.</summary>
    private static void ConsumeEscape(string css, ref int i, StringBuilder? builder = null)
    {
        if (i >= css.Length)
        {
            builder?.Append(ReplacementCharacter);
            return;
        }

        if (!char.IsAsciiHexDigit(css[i]))
        {
            builder?.Append(css[i]);
            i++;
            return;
        }

        var start = i;
        while (i < css.Length && i - start < MaxHexEscapeDigits && char.IsAsciiHexDigit(css[i]))
        {
            i++;
        }

        var codePoint = int.Parse(css.AsSpan(start, i - start), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (i < css.Length && IsWhitespace(css[i]))
        {
            i += css[i] == '\r' && i + 1 < css.Length && css[i + 1] == '\n' ? 2 : 1;
        }

        if (codePoint == 0 || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            builder?.Append(ReplacementCharacter);
        }
        else
        {
            builder?.Append(char.ConvertFromUtf32(codePoint));
        }
    }

    private static bool StartsIdentifier(string css, int i)
    {
        if (i >= css.Length)
        {
            return false;
        }

        var c = css[i];
        if (IsNameStart(c))
        {
            return true;
        }

        if (c == '-')
        {
            return i + 1 < css.Length && (IsNameStart(css[i + 1]) || css[i + 1] == '-' || IsValidEscape(css, i + 1));
        }

        return IsValidEscape(css, i);
    }

    private static bool IsValidEscape(string css, int i) =>
        i < css.Length && css[i] == '\\' && (i + 1 >= css.Length || css[i + 1] is not ('\n' or '\r' or '\f'));

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsNameCharacter(char c) => IsNameStart(c) || char.IsAsciiDigit(c) || c == '-';

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static bool IsNonPrintable(char c) => c is <= '\u0008' or '\u000B' or (>= '\u000E' and <= '\u001F') or '\u007F';
}
