using System.Collections.Frozen;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Lower-case tag and attribute names, shared: a page has hundreds of tags, nearly all with standard names, and
/// giving each its own lower-cased string was a large part of the scanner's allocations.
/// </summary>
internal static class HtmlNames
{
    // Frozen and ordinal: it hashes a few characters of the name instead of all of them case-insensitively, and names
    // are nearly always written in lower case already; the rest are lowered first and looked up again.
    private static readonly FrozenDictionary<string, string> Known = Create(
        // elements
        "html", "head", "body", "title", "base", "link", "meta", "style", "script", "noscript", "template", "a", "area",
        "img", "picture", "source", "video", "audio", "track", "iframe", "frame", "frameset", "embed", "object", "param",
        "div", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "col", "colgroup", "form", "input", "button", "select",
        "option", "textarea", "label", "fieldset", "legend", "nav", "header", "footer", "main", "section", "article",
        "aside", "figure", "figcaption", "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "small", "sub",
        "sup", "abbr", "cite", "q", "time", "mark", "svg", "path", "use", "g", "canvas", "details", "summary", "dialog",
        "xmp", "noembed", "noframes", "plaintext",
        // attributes
        "href", "src", "srcset", "rel", "type", "id", "class", "alt", "width", "height", "name", "content",
        "http-equiv", "charset", "lang", "media", "sizes", "loading", "decoding", "async", "defer", "crossorigin",
        "integrity", "role", "tabindex", "action", "method", "value", "for", "data", "poster", "background", "target",
        "hidden", "aria-label", "aria-hidden", "property", "itemprop", "placeholder", "dir", "xmlns", "viewbox", "fill",
        "d", "onclick", "onload");

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lower-case name for <paramref name="name"/>: a shared string when it is a known one.</summary>
    public static string LowerCase(ReadOnlySpan<char> name)
    {
        if (Lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        if (name.Length > 64)
        {
            return name.ToString().ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[name.Length];
        name.ToLowerInvariant(lower);
        return Lookup.TryGetValue(lower, out known) ? known : new string(lower);
    }

    private static FrozenDictionary<string, string> Create(params string[] names) =>
        names.Distinct(StringComparer.Ordinal).ToFrozenDictionary(name => name, StringComparer.Ordinal);
}
