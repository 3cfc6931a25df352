using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crawler.Protocol.Urls;
using Url = Crawler.Protocol.Urls.Url;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Extracts links from HTML through AngleSharp's DOM, one pass over all elements, attributes classified by
/// <see cref="LinkAttributeTable"/>; CSS in style elements and attributes goes through <see cref="CssUrlScanner"/>.
/// The first <c>&lt;base href&gt;</c> (resolved against the document URL) is the base for everything else.
/// </summary>
public sealed class HtmlLinkExtractor : ILinkExtractor
{
    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });

    public IReadOnlyList<ExtractedLink> Extract(ReadOnlyMemory<char> content, Url documentUrl)
    {
        ArgumentNullException.ThrowIfNull(documentUrl);
        using var document = _parser.ParseDocument(content.ToString());
        var baseUrl = FindBase(document, documentUrl);
        var sink = new LinkSink(baseUrl);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name == "style")
            {
                CssLinkExtractor.AddTo(sink, element.TextContent, "style");
                continue;
            }

            foreach (var attribute in element.Attributes)
            {
                var kind = LinkAttributeTable.Classify(name, attribute.LocalName, element.GetAttribute);
                if (kind is { } link)
                {
                    AddAttribute(sink, name, attribute.LocalName, attribute.Value, link);
                }
            }
        }

        return sink.Finish();
    }

    internal static void AddAttribute(LinkSink sink, string element, string attribute, string value, LinkTarget link)
    {
        var source = LinkSource.Of(element, attribute);
        switch (link.Format)
        {
            case ValueFormat.Url:
                sink.AddReference(value, link.Kind, source);
                break;
            case ValueFormat.Srcset:
                foreach (var candidate in SrcsetParser.Parse(value))
                {
                    sink.AddReference(candidate.Url, link.Kind, source);
                }

                break;
            case ValueFormat.Css:
                CssLinkExtractor.AddTo(sink, value, source);
                break;
            case ValueFormat.Refresh:
                if (MetaRefresh.TryFindUrl(value, out var start, out var length))
                {
                    sink.AddReference(value.Substring(start, length), link.Kind, source);
                }

                break;
        }
    }

    private static Url FindBase(IDocument document, Url documentUrl)
    {
        var href = document.QuerySelector("base[href]")?.GetAttribute("href");
        return href is null ? documentUrl : LinkResolver.ResolveBase(documentUrl, href);
    }
}
