namespace Crawler.Actors.Parsing;

/// <summary>
/// Which element attributes refer to URLs, shared by <see cref="HtmlLinkExtractor"/> and the mirror's link
/// rewriter so that what is fetched and what is rewritten can never drift apart.
/// </summary>
/// <remarks>
/// <c>link</c>: rel tokens stylesheet, icon ("shortcut icon" has it), apple-touch-icon(-precomposed), mask-icon,
/// preload, modulepreload and manifest are requisites; alternate, next, prev and canonical are pages (documents a
/// reader could navigate to); every other rel (preconnect, dns-prefetch, pingback...) names an origin or an
/// endpoint, not a resource, and is ignored. iframe/frame sources are requisites, as wget -p treats them.
/// </remarks>
public static class LinkAttributeTable
{
    private static readonly LinkTarget PageUrl = new(LinkKind.Page, ValueFormat.Url);
    private static readonly LinkTarget RequisiteUrl = new(LinkKind.Requisite, ValueFormat.Url);
    private static readonly LinkTarget RequisiteSrcset = new(LinkKind.Requisite, ValueFormat.Srcset);

    private static readonly HashSet<string> RequisiteRels = new(StringComparer.OrdinalIgnoreCase)
    {
        "stylesheet", "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "preload", "modulepreload", "manifest",
    };

    private static readonly HashSet<string> PageRels = new(StringComparer.OrdinalIgnoreCase)
    {
        "alternate", "next", "prev", "canonical",
    };

    /// <summary>
    /// What <paramref name="attribute"/> of <paramref name="element"/> (both lower-case) refers to, or null when it
    /// refers to nothing; <paramref name="getAttribute"/> reads sibling attributes (rel, type, http-equiv).
    /// </summary>
    public static LinkTarget? Classify(string element, string attribute, Func<string, string?> getAttribute)
    {
        ArgumentNullException.ThrowIfNull(getAttribute);
        if (attribute == "style")
        {
            return new LinkTarget(LinkKind.Requisite, ValueFormat.Css);
        }

        return (element, attribute) switch
        {
            ("a" or "area", "href") => PageUrl,
            ("link", "href") => ClassifyLinkRel(getAttribute("rel")),
            ("img" or "source", "src") => RequisiteUrl,
            ("img" or "source", "srcset") => RequisiteSrcset,
            ("script" or "iframe" or "frame" or "embed" or "video" or "audio" or "track", "src") => RequisiteUrl,
            ("video", "poster") => RequisiteUrl,
            ("object", "data") => RequisiteUrl,
            ("body" or "table" or "td" or "th", "background") => RequisiteUrl,
            ("input", "src") when string.Equals(getAttribute("type")?.Trim(), "image", StringComparison.OrdinalIgnoreCase) => RequisiteUrl,
            ("meta", "content") when string.Equals(getAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase)
                => new LinkTarget(LinkKind.Page, ValueFormat.Refresh),
            _ => null,
        };
    }

    private static LinkTarget? ClassifyLinkRel(string? rel)
    {
        if (rel is null)
        {
            return null;
        }

        var isPage = false;
        foreach (var token in rel.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (RequisiteRels.Contains(token))
            {
                return RequisiteUrl;
            }

            isPage |= PageRels.Contains(token);
        }

        return isPage ? PageUrl : null;
    }
}
