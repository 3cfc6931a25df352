using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Finds what a document refers to. Behind an interface so that a streaming HTML tokenizer can replace the
/// AngleSharp DOM later, with <see cref="HtmlLinkExtractor"/> kept as its test oracle.
/// </summary>
public interface ILinkExtractor
{
    /// <summary>Every reference in <paramref name="content"/>, resolved against <paramref name="documentUrl"/> (or its base), de-duplicated.</summary>
    IReadOnlyList<ExtractedLink> Extract(ReadOnlyMemory<char> content, Url documentUrl);
}

/// <summary>Extraction from a string, for callers that hold one (tests, the load planner).</summary>
public static class LinkExtractorExtensions
{
    public static IReadOnlyList<ExtractedLink> Extract(this ILinkExtractor extractor, string content, Url documentUrl)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(content);
        return extractor.Extract(content.AsMemory(), documentUrl);
    }
}
