using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>Every <c>@import</c> and <c>url()</c> of a stylesheet (all requisites), resolved against the stylesheet's URL.</summary>
public sealed class CssLinkExtractor : ILinkExtractor
{
    public IReadOnlyList<ExtractedLink> Extract(ReadOnlyMemory<char> content, Url documentUrl)
    {
        var sink = new LinkSink(documentUrl);
        // The scanner works on a string; stylesheets are few next to pages, so the copy is left for now.
        AddTo(sink, content.ToString(), "css");
        return sink.Finish();
    }

    /// <summary>Adds the URLs of <paramref name="css"/> to <paramref name="sink"/> (resolved against its base); <paramref name="origin"/> prefixes Source ("css", "style", "style@style").</summary>
    internal static void AddTo(LinkSink sink, string css, string origin)
    {
        foreach (var reference in CssUrlScanner.Scan(css))
        {
            sink.AddReference(reference.Value, LinkKind.Requisite, reference.IsImport ? origin + "@import" : origin + "@url");
        }
    }
}
