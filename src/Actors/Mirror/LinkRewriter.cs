using System.Net;
using System.Text;
using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Mirror;

/// <summary>
/// Rewrites the links of saved documents for offline reading (--convert-links): a link to a URL that was saved
/// becomes the relative path to its file (the fragment kept); a link to anything else becomes absolute, so it still
/// works from the mirror. Links that name no fetchable URL (javascript:, mailto:, data:, "#top") are left alone.
/// </summary>
/// <remarks>
/// Edits are made in place on the source text: <see cref="HtmlTagScanner"/> gives the exact range of each attribute
/// value and <see cref="CssUrlScanner"/> the range of each CSS URL token, so only those ranges change and the rest of
/// the document (formatting, comments, scripts, unknown markup) stays byte for byte what the server sent. AngleSharp
/// keeps only the start of each element, not attribute ranges, and re-serialising its DOM would reformat the page.
/// The attributes rewritten are exactly those <see cref="LinkAttributeTable"/> says the extractor follows. A
/// <c>&lt;base href&gt;</c> is removed, since the relative links now depend on the file's own location.
/// </remarks>
public sealed class LinkRewriter
{
    private readonly IReadOnlyDictionary<Url, string> _savedPaths;

    /// <param name="savedPaths">Normalised URL to relative mirror path ('/'-separated), as <see cref="MirrorLayout.Snapshot"/> gives.</param>
    public LinkRewriter(IReadOnlyDictionary<Url, string> savedPaths)
    {
        ArgumentNullException.ThrowIfNull(savedPaths);
        _savedPaths = savedPaths;
    }

    /// <summary>The HTML with its links rewritten; <paramref name="documentPath"/> is the document's own relative mirror path.</summary>
    public string RewriteHtml(string html, Url documentUrl, string documentPath)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(documentUrl);
        ArgumentNullException.ThrowIfNull(documentPath);
        var tags = HtmlTagScanner.Scan(html);
        var baseUrl = FindBase(tags, documentUrl);
        var edits = new List<Edit>();
        foreach (var tag in tags)
        {
            if (tag.Name == "style" && tag.RawTextStart >= 0)
            {
                var css = html.Substring(tag.RawTextStart, tag.RawTextLength);
                var rewritten = RewriteCssText(css, baseUrl, documentPath);
                if (!ReferenceEquals(rewritten, css))
                {
                    edits.Add(new Edit(tag.RawTextStart, tag.RawTextLength, rewritten));
                }
            }

            foreach (var attribute in tag.Attributes)
            {
                if (tag.Name == "base" && attribute.Name == "href")
                {
                    edits.Add(new Edit(attribute.Start, attribute.End - attribute.Start, ""));
                    continue;
                }

                if (attribute.ValueStart < 0)
                {
                    continue;
                }

                var target = LinkAttributeTable.Classify(tag.Name, attribute.Name, name => Decode(tag.Get(name)));
                if (target is { } link && RewriteAttribute(Decode(attribute.RawValue)!, link.Format, baseUrl, documentPath) is { } value)
                {
                    var start = attribute.Quote == '\0' ? attribute.ValueStart : attribute.ValueStart - 1;
                    var length = attribute.Quote == '\0' ? attribute.ValueLength : Math.Min(attribute.ValueLength + 2, html.Length - start);
                    edits.Add(new Edit(start, length, "\"" + EncodeAttribute(value) + "\""));
                }
            }
        }

        return Apply(html, edits);
    }

    /// <summary>The stylesheet with its url() and @import references rewritten.</summary>
    public string RewriteCss(string css, Url documentUrl, string documentPath)
    {
        ArgumentNullException.ThrowIfNull(css);
        ArgumentNullException.ThrowIfNull(documentUrl);
        ArgumentNullException.ThrowIfNull(documentPath);
        return RewriteCssText(css, documentUrl, documentPath);
    }

    /// <summary>
    /// The path from the directory of <paramref name="fromPath"/> to <paramref name="toPath"/> (both relative mirror
    /// paths), as a URL reference: each segment percent-encoded where a URL parser would misread it.
    /// </summary>
    public static string RelativeReference(string fromPath, string toPath)
    {
        ArgumentNullException.ThrowIfNull(fromPath);
        ArgumentNullException.ThrowIfNull(toPath);
        var from = fromPath.Split('/');
        var to = toPath.Split('/');
        var common = 0;
        while (common < from.Length - 1 && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.Ordinal))
        {
            common++;
        }

        var builder = new StringBuilder();
        for (var i = common; i < from.Length - 1; i++)
        {
            builder.Append("../");
        }

        for (var i = common; i < to.Length; i++)
        {
            if (i > common)
            {
                builder.Append('/');
            }

            AppendEncodedSegment(builder, to[i]);
        }

        return builder.ToString();
    }

    private string? RewriteAttribute(string value, ValueFormat format, Url baseUrl, string documentPath)
    {
        switch (format)
        {
            case ValueFormat.Url:
                return RewriteReference(value, baseUrl, documentPath);
            case ValueFormat.Srcset:
                var edits = new List<Edit>();
                foreach (var candidate in SrcsetParser.Parse(value))
                {
                    if (RewriteReference(candidate.Url, baseUrl, documentPath) is { } rewritten)
                    {
                        // A srcset URL must not contain whitespace or end in a comma; our encoding guarantees both.
                        edits.Add(new Edit(candidate.Start, candidate.Url.Length, rewritten));
                    }
                }

                return edits.Count == 0 ? null : Apply(value, edits);
            case ValueFormat.Css:
                var css = RewriteCssText(value, baseUrl, documentPath);
                return ReferenceEquals(css, value) ? null : css;
            case ValueFormat.Refresh:
                if (MetaRefresh.TryFindUrl(value, out var start, out var length) && RewriteReference(value.Substring(start, length), baseUrl, documentPath) is { } url)
                {
                    return string.Concat(value.AsSpan(0, start), url, value.AsSpan(start + length));
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Returns the same instance when nothing changed.</summary>
    private string RewriteCssText(string css, Url baseUrl, string documentPath)
    {
        var edits = new List<Edit>();
        foreach (var reference in CssUrlScanner.Scan(css))
        {
            if (RewriteReference(reference.Value, baseUrl, documentPath) is { } rewritten)
            {
                var quoted = "\"" + EscapeCssString(rewritten) + "\"";
                edits.Add(new Edit(reference.Start, reference.Length, reference.IsString ? quoted : "url(" + quoted + ")"));
            }
        }

        return edits.Count == 0 ? css : Apply(css, edits);
    }

    private string? RewriteReference(string reference, Url baseUrl, string documentPath)
    {
        if (!LinkResolver.TryResolve(baseUrl, reference, out var url))
        {
            return null;
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? "" : reference[hash..].TrimEnd(' ', '\t', '\n', '\r', '\f');
        var rewritten = _savedPaths.TryGetValue(url.Normalize(), out var path)
            ? RelativeReference(documentPath, path) + fragment
            : url + fragment;
        return string.Equals(rewritten, reference, StringComparison.Ordinal) ? null : rewritten;
    }

    private static Url FindBase(IReadOnlyList<HtmlTagSpan> tags, Url documentUrl)
    {
        foreach (var tag in tags)
        {
            if (tag.Name == "base" && Decode(tag.Get("href")) is { } href)
            {
                try
                {
                    return documentUrl.Resolve(href.Trim());
                }
                catch (UrlFormatException)
                {
                    return documentUrl;
                }
            }
        }

        return documentUrl;
    }

    private static void AppendEncodedSegment(StringBuilder builder, string segment)
    {
        foreach (var c in segment)
        {
            if (c is '%' or '#' or '?' or ':' or '"' or '\'' or '<' or '>' or '\\' or ' ' or ',' or '(' or ')' || c < 0x20 || c == 0x7F)
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private static string? Decode(string? raw) => raw is null ? null : WebUtility.HtmlDecode(raw);

    private static string EncodeAttribute(string value) => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string EscapeCssString(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\a ", StringComparison.Ordinal);

    private static string Apply(string text, List<Edit> edits)
    {
        if (edits.Count == 0)
        {
            return text;
        }

        edits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var edit in edits)
        {
            if (edit.Start < position)
            {
                continue; // overlapping edits cannot happen with one scanner pass; skip rather than corrupt
            }

            builder.Append(text, position, edit.Start - position).Append(edit.Replacement);
            position = edit.Start + edit.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private readonly record struct Edit(int Start, int Length, string Replacement);
}
