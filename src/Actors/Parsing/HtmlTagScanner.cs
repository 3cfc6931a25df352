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
        var tags = new List<HtmlTagSpan>();
        var reader = new HtmlTagReader(source);
        while (reader.Read())
        {
            var attributes = reader.Attributes;
            tags.Add(new HtmlTagSpan(reader.Name, attributes.IsEmpty ? [] : attributes.ToArray(), reader.Start, reader.End,
                reader.RawTextStart, reader.RawTextLength));
        }

        return tags;
    }

    /// <summary>
    /// Moves <paramref name="i"/> past the next start tag of <paramref name="source"/> (and past the text of a raw-text
    /// element), with its name and, in <paramref name="attributes"/> (cleared first), its attributes; false at the end.
    /// </summary>
    internal static bool ReadNextStartTag(ReadOnlyMemory<char> source, ref int i, List<HtmlAttributeSpan> attributes,
        out string name, out int start, out int end, out int rawStart, out int rawLength)
    {
        var html = source.Span;
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
                var close = IndexOf(html, "-->", i + 2);
                i = close < 0 ? html.Length : close + 3;
            }
            else if (next is '!' or '?')
            {
                var gt = IndexOf(html, '>', i + 2);
                i = gt < 0 ? html.Length : gt + 1;
            }
            else if (next == '/')
            {
                if (i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))
                {
                    i += 2;
                    ReadName(html, ref i);
                    ReadAttributes(source, ref i, null);
                }
                else
                {
                    var gt = IndexOf(html, '>', i + 2);
                    i = gt < 0 ? html.Length : gt + 1;
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                start = i;
                i++;
                name = ReadName(html, ref i);
                attributes.Clear();
                ReadAttributes(source, ref i, attributes);
                end = i;
                rawStart = -1;
                rawLength = 0;
                if (RawTextElements.Contains(name))
                {
                    rawStart = i;
                    var close = name == "plaintext" ? html.Length : FindEndTag(html, i, name);
                    rawLength = close - i;
                    i = close;
                }

                return true;
            }
            else
            {
                i++; // a '<' that starts no tag is text
            }
        }

        i = html.Length;
        name = "";
        start = end = rawStart = -1;
        rawLength = 0;
        return false;
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

    // End tags are read only to be skipped: their attributes (a parse error, but they occur) are not collected.
    private static void ReadAttributes(ReadOnlyMemory<char> source, ref int i, List<HtmlAttributeSpan>? attributes)
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

            if (attributes is not null && !Has(attributes, name))
            {
                attributes.Add(new HtmlAttributeSpan(name, source, start, i, valueStart, valueLength, quote));
            }
        }
    }

    private static bool Has(List<HtmlAttributeSpan> attributes, string name)
    {
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
