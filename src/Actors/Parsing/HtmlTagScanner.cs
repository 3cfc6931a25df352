namespace Crawler.Actors.Parsing;

/// <summary>
/// A forgiving scanner for the start tags of an HTML document with exact source positions, for edits that must
/// leave every other byte alone (the mirror's link rewriter). It follows the HTML tokenizer where it matters for
/// finding attributes: comments ("&lt;!--&gt;" included), doctype and bogus comments, end tags, quoted and unquoted
/// values, and raw-text elements whose content holds no tags (script, style, textarea, title, xmp, iframe, noembed,
/// noframes, plaintext). It builds no tree and does not decode entities. Not handled (rare in practice, and the
/// consequence is a link left unrewritten, never a corrupted document): script "double escaped" states and
/// foreign-content CDATA sections.
/// </summary>
public static class HtmlTagScanner
{
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    public static IReadOnlyList<HtmlTagSpan> Scan(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Scan(html.AsMemory());
    }

    /// <summary>The start tags of <paramref name="source"/>; their attributes refer into it, so it must outlive them.</summary>
    public static IReadOnlyList<HtmlTagSpan> Scan(ReadOnlyMemory<char> source)
    {
        var html = source.Span;
        var tags = new List<HtmlTagSpan>();
        var i = 0;
        while (i < html.Length)
        {
            var lt = IndexOf(html, '<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            i = lt;
            var next = html[i + 1];
            if (html[i..].StartsWith("<!--", StringComparison.Ordinal))
            {
                // Searching from i + 2 makes "<!-->" and "<!--->" the empty comments the tokenizer says they are.
                var end = IndexOf(html, "-->", i + 2);
                i = end < 0 ? html.Length : end + 3;
            }
            else if (next is '!' or '?')
            {
                var end = IndexOf(html, '>', i + 2);
                i = end < 0 ? html.Length : end + 1;
            }
            else if (next == '/')
            {
                if (i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))
                {
                    i += 2;
                    ReadName(html, ref i);
                    List<HtmlAttributeSpan>? none = null;
                    ReadAttributes(source, ref i, collect: false, ref none);
                }
                else
                {
                    var end = IndexOf(html, '>', i + 2);
                    i = end < 0 ? html.Length : end + 1;
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                var start = i;
                i++;
                var name = ReadName(html, ref i);
                List<HtmlAttributeSpan>? attributes = null;
                ReadAttributes(source, ref i, collect: true, ref attributes);
                var rawStart = -1;
                var rawLength = 0;
                if (RawTextElements.Contains(name))
                {
                    rawStart = i;
                    var close = name == "plaintext" ? html.Length : FindEndTag(html, i, name);
                    rawLength = close - i;
                    i = close;
                }

                tags.Add(new HtmlTagSpan(name, attributes ?? (IReadOnlyList<HtmlAttributeSpan>)[], start, rawStart < 0 ? i : rawStart, rawStart, rawLength));
            }
            else
            {
                i++; // a '<' that starts no tag is text
            }
        }

        return tags;
    }

    private static string ReadName(ReadOnlySpan<char> html, ref int i)
    {
        var start = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        return HtmlNames.LowerCase(html.Slice(start, i - start));
    }

    // The list is made for the first attribute only: most tags (p, li, td, every end tag) have none.
    private static void ReadAttributes(ReadOnlyMemory<char> source, ref int i, bool collect, ref List<HtmlAttributeSpan>? attributes)
    {
        var html = source.Span;
        while (true)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }

            if (i >= html.Length)
            {
                return;
            }

            if (html[i] == '>')
            {
                i++;
                return;
            }

            var start = i;
            i++; // the first character belongs to the name even when it is '='
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            var name = HtmlNames.LowerCase(html.Slice(start, i - start));
            var afterName = i;
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            int valueStart = -1, valueLength = 0;
            var quote = '\0';
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    quote = html[i];
                    valueStart = i + 1;
                    var close = IndexOf(html, quote, valueStart);
                    valueLength = (close < 0 ? html.Length : close) - valueStart;
                    i = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueLength = i - valueStart;
                }
            }
            else
            {
                i = afterName; // no value: the whitespace belongs to the next attribute
            }

            if (collect && !Has(attributes, name))
            {
                attributes ??= [];
                attributes.Add(new HtmlAttributeSpan(name, source, start, i, valueStart, valueLength, quote));
            }
        }
    }

    private static bool Has(List<HtmlAttributeSpan>? attributes, string name)
    {
        if (attributes is null)
        {
            return false;
        }

        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static int FindEndTag(ReadOnlySpan<char> html, int from, string name)
    {
        var i = from;
        while (true)
        {
            var close = IndexOf(html, "</", i);
            if (close < 0)
            {
                return html.Length;
            }

            var after = close + 2 + name.Length;
            if (after <= html.Length
                && html.Slice(close + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return close;
            }

            i = close + 2;
        }
    }

    private static bool IsSpace(char c) => SrcsetParser.IsSpace(c);

    // string.IndexOf(value, startIndex) for spans: the position in the whole span, or -1.
    private static int IndexOf(ReadOnlySpan<char> html, char value, int from)
    {
        var found = html[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    private static int IndexOf(ReadOnlySpan<char> html, string value, int from)
    {
        var found = html[from..].IndexOf(value, StringComparison.Ordinal);
        return found < 0 ? -1 : from + found;
    }
}
